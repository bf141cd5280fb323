// The editor component of `argmap serve`: CodeMirror 6 with line numbers,
// the argmap highlighting mode and diagnostics marked in the text. The page
// (argmap/serve/static/app.js) uses it through window.ArgmapEditor only.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle, HighlightStyle } from "@codemirror/language";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { searchKeymap } from "@codemirror/search";
import { tags } from "@lezer/highlight";
import { argmap } from "./argmap_mode.js";

const style = HighlightStyle.define([
  { tag: tags.keyword, color: "#5b2a86", fontWeight: "bold" },
  { tag: tags.operatorKeyword, color: "#1f5fa8", fontWeight: "bold" },
  { tag: tags.meta, color: "#7a4b00", fontWeight: "bold" },
  { tag: tags.variableName, color: "#00656f" },
  { tag: tags.string, color: "#222" },
  { tag: tags.comment, color: "#6a737d", fontStyle: "italic" },
  { tag: tags.operator, color: "#2e7d32", fontWeight: "bold" },
  { tag: tags.invalid, color: "#c62828", fontWeight: "bold" },
  { tag: tags.modifier, color: "#b26a00", fontWeight: "bold" },
]);

// Create an editor in `parent` holding `text`; onChange(text) after every
// edit, onSave() on Ctrl+S / Cmd+S.
function create(parent, text, { onChange, onSave }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
        lintGutter(),
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => { onSave(); return true; } },
          indentWithTab, ...defaultKeymap, ...historyKeymap, ...searchKeymap,
        ]),
        argmap, syntaxHighlighting(style), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    // items: [{line, column, end_line, end_column, severity, message}] (1-based)
    mark(items) {
      const doc = view.state.doc;
      const at = (line, column) => {
        const l = doc.line(Math.min(Math.max(line || 1, 1), doc.lines));
        return Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
      };
      const marks = items.filter((d) => d.line).map((d) => {
        const from = at(d.line, d.column);
        let to = d.end_line ? at(d.end_line, d.end_column) : from;
        if (to <= from) to = Math.min(doc.lineAt(from).to, from + 1);
        return { from, to: Math.max(to, from), severity: d.severity === "info" ? "info" : d.severity, message: d.message };
      });
      view.dispatch(setDiagnostics(view.state, marks));
    },
    goto(line, column) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
  };
}

window.ArgmapEditor = { create };
