// Bundles CodeMirror 6 and the argmap mode into one minified file that ships
// in the package (argmap/serve/static/editor.js), with CodeMirror's licence
// beside it. Users and CI never run this; run it after changing src/ or the
// versions in package.json:   cd editor && npm ci && node build.mjs
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

const out = new URL("../argmap/serve/static/", import.meta.url);
await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  outfile: new URL("editor.js", out).pathname,
});
// Every package in the bundle (all but the build tool), each with its licence.
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")).packages;
const versions = Object.entries(lock)
  .filter(([path]) => path.startsWith("node_modules/") && !path.includes("esbuild"))
  .map(([path, info]) => `${path.slice("node_modules/".length)} ${info.version} (${info.license})`);
writeFileSync(
  new URL("editor.LICENSE.txt", out),
  "editor.js bundles CodeMirror 6 (https://codemirror.net) and the packages it uses, built from argmap's\n" +
    "editor/ folder; all are by Marijn Haverbeke and contributors, under the MIT licence below:\n" +
    versions.join("\n") + "\n\n" + readFileSync("node_modules/@codemirror/view/LICENSE", "utf8"),
);
console.log("wrote", new URL("editor.js", out).pathname);
