// Second build step (after tsc): bundles the command line, dist/cli/main.js and
// everything it imports (our modules and the pure-JS dependencies), into one
// ES module, dist/cli/main.bundle.js, which dist/cli.js imports. One file to
// resolve and compile instead of ~80 is most of the start-up time. The library
// (dist/index.js) stays tsc's plain output. tree-sitter and tree-sitter-python
// are native addons, loaded at run time with createRequire: left external.
import { chmodSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTFILE = path.join(ROOT, "dist/cli/main.bundle.js");
const EXTERNAL = ["tree-sitter", "tree-sitter-python"];

const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ["dist/cli/main.js"],
  outfile: OUTFILE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: EXTERNAL,
  // The bundled CommonJS dependencies (commander, ...) require Node's own
  // modules; an ES module has no `require`, so the bundle makes one.
  banner: { js: 'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);' },
  logLevel: "warning",
  metafile: true,
});
if (result.errors.length > 0) process.exit(1);

// Code moved into the bundle sits at another depth than its tsc output: a path
// made relative to its own module (new URL("../x", import.meta.url), __dirname)
// would point elsewhere now. Such paths go through src/files/package-root.ts instead.
// (A rough look: lines that are comments, as in the dependencies' JSDoc, are skipped.)
const code = readFileSync(OUTFILE, "utf8").split("\n").filter((line) => !/^\s*(\/\/|\/?\*)/.test(line)).join("\n");
const problems = [
  [/new URL\(\s*["'`]\.{1,2}\//, 'new URL("./…" or "../…", import.meta.url)'],
  [/\b__dirname\b|\b__filename\b/, "__dirname / __filename"],
].filter(([re]) => re.test(code));
const imports = Object.values(result.metafile.outputs)[0].imports
  .filter((i) => i.external && !isBuiltin(i.path) && !EXTERNAL.includes(i.path));
if (problems.length > 0 || imports.length > 0) {
  for (const [, what] of problems) console.error(`bundle: ${path.relative(ROOT, OUTFILE)} has ${what}, which resolves from the bundle's folder; use src/files/package-root.ts`);
  for (const i of imports) console.error(`bundle: unexpected external import ${i.path}`);
  process.exit(1);
}

// The bin, dist/cli.js, is tsc's output written afresh (scripts/clean.mjs
// empties dist/ first), so 0644: `npx paddle-fullgraph-fix` in this checkout
// (and `npm link`'s link to it) needs it executable. npm sets the mode itself
// when it installs the packed package.
chmodSync(path.join(ROOT, "dist/cli.js"), 0o755);
