// The editor page of `argmap serve`. Everything argmap knows (parsing,
// checks, drawing, saving) happens on the server; this script sends the
// text and the chosen view, and shows what comes back.
"use strict";

(() => {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const W = data.words;
  const lang = data.lang;
  const $ = (id) => document.getElementById(id);
  const form = $("controls");
  // `reading`: what reading the file said (a file that is not UTF-8, E001), shown until it is saved.
  const state = { file: data.file, folder: "", version: null, ignored: null, saved: "", busy: null, timer: null, reading: [] };
  let editor = null;

  const say = (key, fields = {}) => W[key].replace(/\{(\w+)\}/g, (_, k) => fields[k] ?? "");
  document.querySelectorAll("[data-word]").forEach((el) => { el.textContent = W[el.dataset.word]; });
  document.querySelectorAll("[data-label]").forEach((el) => { el.label = W[el.dataset.label]; });
  $("save").textContent = W.save;
  $("save").title = W.save_tip;
  $("reload").textContent = W.reload;
  $("keep").textContent = W.keep_mine;
  $("notice-text").textContent = W.changed_on_disk;
  $("messages-title").textContent = W.messages;

  async function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, lang }),
      signal: body.signal,
    });
  }

  function choices() {
    const f = new FormData(form);
    const depth = parseInt(f.get("depth"), 10);
    return {
      theme: f.get("theme"),
      evaluate: f.get("evaluate"),
      support: f.get("support"),
      positions: f.getAll("position"),
      focus: f.get("focus"),
      depth: f.get("focus") && depth > 0 ? depth : null,
      worksheet: f.get("worksheet") === "on",
      answers: f.get("answers") === "on",
      paper: f.get("paper"),
    };
  }

  function showState() {
    const dirty = editor && editor.text() !== state.saved;
    $("file").textContent = state.file || W.new_map;
    $("state").textContent = dirty ? W.unsaved : state.file ? W.saved : "";
    $("state").className = dirty ? "unsaved" : "";
    document.title = (state.file ? state.file + " – " : "") + W.title;
  }

  function status(text, problem = false) {
    $("status").textContent = text || "";
    $("status").className = problem ? "problem" : "";
  }

  // --- drawing, as you type -------------------------------------------------
  function schedule() {
    showState();
    clearTimeout(state.timer);
    state.timer = setTimeout(redraw, 200);
  }

  async function redraw() {
    if (state.busy) state.busy.abort();
    const busy = (state.busy = new AbortController());
    status(W.drawing);
    let answer;
    try {
      const response = await post("/api/render", { text: editor.text(), options: choices(), signal: busy.signal });
      answer = await response.json();
      if (!response.ok) throw new Error(answer.problem || response.statusText);
    } catch (err) {
      if (err.name === "AbortError") return;
      status(err instanceof TypeError ? W.offline : String(err.message || err), true);
      return;
    } finally {
      if (state.busy === busy) state.busy = null;
    }
    showMessages(state.reading.concat(answer.diagnostics));
    offer(answer.claims, answer.positions);
    const map = $("map");
    if (answer.svg) {
      const svg = new DOMParser().parseFromString(answer.svg, "image/svg+xml").documentElement;
      map.replaceChildren(document.importNode(svg, true));
      map.classList.remove("stale");
      status("");
    } else {
      map.classList.add("stale");
      status(W.no_picture + ": " + answer.problem + (map.firstChild ? " " + W.stale : ""), true);
    }
  }

  function showMessages(diagnostics) {
    const list = $("messages");
    list.replaceChildren();
    editor.mark(diagnostics);
    $("messages-title").textContent = W.messages + (diagnostics.length ? ` (${diagnostics.length})` : "");
    if (!diagnostics.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = W.no_messages;
      list.append(li);
      return;
    }
    for (const d of diagnostics) {
      const li = document.createElement("li");
      li.className = d.severity;
      li.dataset.line = d.line || "";
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = d.line ? say("line", { line: d.line }) + ": " : "";
      const code = document.createElement("span");
      code.className = "code";
      code.textContent = d.code + " ";
      li.append(where, code, document.createTextNode(d.message));
      if (d.hint) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = " " + d.hint;
        li.append(hint);
      }
      if (d.line) li.addEventListener("click", () => editor.goto(d.line, d.column));
      list.append(li);
    }
  }

  // The positions and claims of the map, as choices for the view.
  function offer(claims, positions) {
    const box = $("positions");
    const chosen = new Set(choices().positions);
    const have = [...box.querySelectorAll("input")].map((i) => i.value).join(" ");
    if (have !== positions.join(" ")) {
      box.querySelectorAll("label").forEach((l) => l.remove());
      for (const p of positions) {
        const label = document.createElement("label");
        const input = Object.assign(document.createElement("input"), { type: "checkbox", name: "position", value: p, checked: chosen.has(p) });
        label.append(input, " " + p);
        box.append(label);
      }
    }
    const focus = form.elements.focus;
    const current = focus.value;
    const ids = [...focus.options].slice(1).map((o) => o.value).join(" ");
    if (ids !== claims.join(" ")) {
      [...focus.options].slice(1).forEach((o) => o.remove());
      for (const c of claims) focus.add(new Option(c, c));
      focus.value = claims.includes(current) ? current : "";
    }
  }

  // --- saving ----------------------------------------------------------------
  async function save() {
    const body = { text: editor.text(), base: state.version, confirm: [] };
    if (!state.file) {
      const name = prompt(say("ask_name", { folder: state.folder }), W.default_name);
      if (!name) return;
      body.name = name;
    }
    for (;;) {
      let response, answer;
      try {
        response = await post("/api/save", body);
        answer = await response.json();
      } catch (err) {
        status(W.offline, true);
        return;
      }
      if (response.ok) {
        state.version = answer.version;
        state.ignored = null;
        state.saved = body.text;
        state.reading = [];
        const first = !state.file;
        state.file = answer.file;
        $("notice").hidden = true;
        showState();
        status(first ? say("saved_as", { name: answer.file }) : "");
        return;
      }
      if (response.status === 409 && confirm(answer.problem)) {
        body.confirm.push(answer.needs);
        continue;
      }
      if (response.status !== 409) alert(answer.problem);
      return;
    }
  }

  // --- a file changed by another program ----------------------------------------
  async function poll() {
    if (!state.file) return;
    try {
      const answer = await (await fetch("/api/version")).json();
      if (answer.version && answer.version !== state.version && answer.version !== state.ignored) $("notice").hidden = false;
    } catch (err) {
      status(W.offline, true);
    }
  }

  async function load(initial) {
    const answer = await (await fetch("/api/document?lang=" + lang)).json();
    if (answer.problem) {
      status(answer.problem, true);
      return null;
    }
    state.version = answer.version;
    state.ignored = null;
    // A FILE that does not exist yet starts from the example, which is not saved.
    state.saved = answer.file && answer.version === null ? "" : answer.text;
    state.file = answer.file;
    state.folder = answer.folder;
    state.reading = answer.diagnostics || [];
    if (!initial) editor.setText(answer.text);
    $("notice").hidden = true;
    return answer.text;
  }

  $("reload").addEventListener("click", async () => {
    if (editor.text() !== state.saved && !confirm(W.lose_changes)) return;
    await load(false);
    showState();
  });
  $("keep").addEventListener("click", async () => {
    state.ignored = (await (await fetch("/api/version")).json()).version;
    $("notice").hidden = true;
  });

  // --- downloads -------------------------------------------------------------
  async function download(what) {
    let response;
    try {
      response = await post("/api/download", { text: editor.text(), options: choices(), what });
    } catch (err) {
      status(W.offline, true);
      return;
    }
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      status(answer.problem || response.statusText, true);
      return;
    }
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = decodeURIComponent((disposition.match(/filename\*=UTF-8''(.+)$/) || [])[1] || what);
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // A click on the map switches between fitting the pane and the drawing's own size.
  $("map").addEventListener("click", () => $("map").classList.toggle("natural"));
  $("map").title = W.zoom;
  form.addEventListener("change", redraw);
  form.addEventListener("submit", (e) => e.preventDefault());
  document.querySelectorAll("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
  $("save").addEventListener("click", save);
  window.addEventListener("keydown", (e) => {
    // (in the editor, its own Ctrl+S has saved already and prevented the default)
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s" && !e.defaultPrevented) {
      e.preventDefault();
      save();
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (editor && editor.text() !== state.saved) e.preventDefault();
  });

  load(true).then((text) => {
    if (text === null) return;
    editor = window.ArgmapEditor.create($("editor"), text, { onChange: schedule, onSave: save });
    window.argmapEditor = editor; // for the end-to-end tests and the curious
    showState();
    redraw();
    setInterval(poll, 2000);
  });
})();
