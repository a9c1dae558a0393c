// The code examples of README.md and js/README.md (the package's README), for the tests that
// run them (tests/node/readme.test.mjs, tests/e2e/readme.test.mjs) and type-check them
// (tests/node/types.test.mjs). Each fenced block is one example; its kind says how it runs:
//
//   page     ```html: a page in Chromium. README.md's are served as `make demo` serves www/
//            (pkg/ at /pkg/); js/README.md's from a site holding the installed package at
//            /node_modules/eol-table/ and, copied beside the page, ./eol-table/
//   bundle   ```js importing "eol-table": the module of a page in a Vite app that installed
//            the package from its tarball (`make pack`, `npm install ./eol-table-<v>.tgz`)
//   node     ```js importing from "node:...": a script in that app, run by Node
//   shell    ```sh: commands; each `make <target>` must be a target of the Makefile
//   text     ``` with no language: not code (a header, a policy)
//
// The examples reach the web only at endoflife.date's API, whose files the tests serve from
// the repository's copies (EXTERNAL) instead, so they run offline.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const READMES = ["README.md", "js/README.md"];

/** Web files the examples fetch, by URL: the repository file the tests serve instead. */
export const EXTERNAL = {
  // www/data/README.md: made from endoflife.date's own product files
  "https://endoflife.date/api/v1/products/vuetify": { file: "www/data/vuetify.v1.json", type: "application/json" },
  "https://endoflife.date/api/jruby.json": { file: "www/data/jruby.v0.json", type: "application/json" },
};

/** The body of an EXTERNAL url, or undefined. */
export function externalBody(url) {
  const entry = EXTERNAL[url];
  return entry && { body: readFileSync(path.join(repoRoot, entry.file)), type: entry.type };
}

/** The fenced code blocks of a Markdown file: [{ file, line, lang, code, kind, name }]. */
export function codeBlocks(file) {
  const lines = readFileSync(path.join(repoRoot, file), "utf8").split("\n");
  const blocks = [];
  let open = null;
  lines.forEach((text, index) => {
    const fence = text.match(/^(\s*)```\s*([\w-]*)\s*$/);
    if (!fence) {
      open?.code.push(text.slice(open.indent)); // a block in a list item is indented
    } else if (!open) {
      open = { file, line: index + 1, lang: fence[2], indent: fence[1].length, code: [] };
    } else {
      const { indent, ...block } = { ...open, code: open.code.join("\n") + "\n" };
      blocks.push({ ...block, kind: kindOf(block), name: `${file}:${block.line}` });
      open = null;
    }
  });
  if (open) throw new Error(`${file}:${open.line}: a code block is never closed`);
  return blocks;
}

/** Every example of both READMEs. */
export const readmeBlocks = () => READMES.flatMap(codeBlocks);

/** How a block runs (see the top of this file); an example of no known kind is an error. */
export function kindOf({ file, line, lang, code }) {
  switch (lang) {
    case "html":
      return "page";
    case "sh":
      return "shell";
    case "":
      return "text";
    case "js":
      if (/from\s+"node:/.test(code)) return "node";
      if (/(from|import)\s+"eol-table(\/[\w./-]+)?"/.test(code)) return "bundle";
  }
  throw new Error(`${file}:${line}: a \`\`\`${lang} block that no test runs: make it an html page, a js module importing "eol-table" or "node:...", or sh commands`);
}
