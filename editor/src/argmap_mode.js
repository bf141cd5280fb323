// A small CodeMirror mode for the argmap language (grammar/argmap.lark):
// line-oriented, so a StreamLanguage tokenizer that knows where it is in the
// line is enough. Token names are CodeMirror's standard highlighting tags.
import { StreamLanguage } from "@codemirror/language";

const STATEMENTS = /^(claim|implicit|source|group|argument|position)\b/;
const META = /^(title|lang|question)(?=\s*:)/;
const RELATIONS = /^(supports|rebuts|contradicts|undercuts)\b/;
const STANCES = /^(accepts|rejects)\b/;
const STEPS = /^(premise|conclusion)\b/;

export const argmapMode = {
  name: "argmap",
  startState: () => ({ text: false, afterId: false }),
  token(stream, state) {
    if (stream.sol()) {
      state.text = false;
      state.afterId = false;
    }
    if (state.text) {
      stream.skipToEnd();
      return "string";
    }
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^\|.*/)) return "string";
    if (stream.match(META)) return "meta";
    if (stream.match(STATEMENTS)) return "keyword";
    if (stream.match(STEPS)) return "keyword";
    if (stream.match(RELATIONS)) return "operatorKeyword";
    if (stream.match(STANCES)) return "operatorKeyword";
    if (stream.match(/^[+\-~](?=\s|\(|$)/)) {
      const c = stream.current();
      return c === "+" ? "operator" : c === "-" ? "invalid" : "modifier";
    }
    if (stream.match(/^:/)) {
      // after `ID:` the rest of the line is text (a claim, a title, an attribute)
      if (state.afterId || stream.string.slice(0, stream.start).trim() !== "") state.text = true;
      return "punctuation";
    }
    if (stream.match(/^"[^"]*"?/)) return "string";
    if (stream.match(/^[(),;]/)) return "punctuation";
    if (stream.match(/^[\p{L}\p{N}_]+/u)) {
      state.afterId = true;
      return "variableName";
    }
    stream.next();
    return null;
  },
};

export const argmap = StreamLanguage.define(argmapMode);
