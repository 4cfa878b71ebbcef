// Second build step (after tsc): bundles the command line, dist/cli/main.js and
// everything of ours it imports, into one ES module, twice. One file to resolve
// and compile instead of ~80 is most of the start-up time.
//
// - dist/cli/main.bundle.js: the pure-JS dependencies (commander, ...) inlined
//   too, the fastest to load; what dist/cli.js runs wherever the build ran.
// - dist/cli/main.prebuilt.js: our code alone, the dependencies imported from
//   node_modules as usual. Committed to git with dist/cli.js, so that an install
//   that cannot build (npm install -g git+…, as pre-commit 4.x installs a node
//   hook: see scripts/prepare.mjs) still has a command line; dist/cli.js runs it
//   when main.bundle.js is absent. Only our code: no one else's code is
//   committed here. test/committed-build.test.ts keeps it equal to this build.
//
// The library (dist/index.js) stays tsc's plain output. tree-sitter and
// tree-sitter-python are native addons, loaded at run time with createRequire:
// left external in both.
import { chmodSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NATIVE = ["tree-sitter", "tree-sitter-python"];
const RUNTIME_DEPENDENCIES = Object.keys(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies);

const COMMON = {
  absWorkingDir: ROOT,
  entryPoints: ["dist/cli/main.js"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  metafile: true,
};

const outputs = [
  {
    outfile: "dist/cli/main.bundle.js",
    options: {
      external: NATIVE,
      // The bundled CommonJS dependencies (commander, ...) require Node's own
      // modules; an ES module has no `require`, so the bundle makes one.
      banner: { js: 'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);' },
    },
    // Nothing but the native addons is left to node_modules.
    mayImport: (name) => NATIVE.includes(name),
  },
  {
    outfile: "dist/cli/main.prebuilt.js",
    options: { packages: "external" },
    // A runtime dependency (or a file of one, semver/functions/…): a
    // devDependency is not installed where this file runs.
    mayImport: (name) => RUNTIME_DEPENDENCIES.includes(packageName(name)),
  },
];

/** "semver/functions/coerce.js" -> "semver"; "@scope/pkg/x" -> "@scope/pkg". */
function packageName(specifier) {
  const parts = specifier.split("/");
  return parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

let failed = false;
for (const { outfile, options, mayImport } of outputs) {
  const result = await build({ ...COMMON, ...options, outfile: path.join(ROOT, outfile) });
  if (result.errors.length > 0) process.exit(1);

  // Code moved into a bundle sits at another depth than its tsc output: a path
  // made relative to its own module (new URL("../x", import.meta.url), __dirname)
  // would point elsewhere now. Such paths go through src/files/package-root.ts instead.
  // (A rough look: lines that are comments, as in the dependencies' JSDoc, are skipped.)
  const code = readFileSync(path.join(ROOT, outfile), "utf8").split("\n").filter((line) => !/^\s*(\/\/|\/?\*)/.test(line)).join("\n");
  const problems = [
    [/new URL\(\s*["'`]\.{1,2}\//, 'new URL("./…" or "../…", import.meta.url)'],
    [/\b__dirname\b|\b__filename\b/, "__dirname / __filename"],
  ].filter(([re]) => re.test(code));
  const imports = Object.values(result.metafile.outputs)[0].imports.filter((i) => i.external && !isBuiltin(i.path) && !mayImport(i.path));
  for (const [, what] of problems) console.error(`bundle: ${outfile} has ${what}, which resolves from the bundle's folder; use src/files/package-root.ts`);
  for (const i of imports) console.error(`bundle: unexpected external import ${i.path} in ${outfile}`);
  failed ||= problems.length > 0 || imports.length > 0;
}
if (failed) process.exit(1);

// The bin, dist/cli.js, is tsc's output written afresh (scripts/clean.mjs
// empties dist/ first), so 0644: `npx paddle-fullgraph-fix` in this checkout
// (and `npm link`'s link to it) needs it executable, and git records it so.
// npm sets the mode itself when it installs the packed package.
chmodSync(path.join(ROOT, "dist/cli.js"), 0o755);
