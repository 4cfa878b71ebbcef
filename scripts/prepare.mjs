// npm's `prepare` (run by `npm install` in a clone, and by `npm pack`): the
// build, `npm run build`, when its tools are installed here.
//
// An install straight from git (`npm install -g git+file://…`, which is how
// pre-commit 4.x installs a node hook) runs prepare with no node_modules in the
// clone at all: npm installs the clone's dependencies for the global prefix,
// devDependencies included, not beside it (npm/cli#8440), so tsc and esbuild
// are missing and the build cannot run. Such an install uses the build that is
// committed to git instead, dist/cli.js and dist/cli/main.prebuilt.js (made by
// this same build; test/committed-build.test.ts keeps them equal to it), so
// there is nothing to do but check that they are there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOOLS = ["typescript", "esbuild"];
const COMMITTED = ["dist/cli.js", "dist/cli/main.prebuilt.js"];

const missingTools = TOOLS.filter((name) => !existsSync(path.join(ROOT, "node_modules", name, "package.json")));
if (missingTools.length === 0) {
  // The npm that runs this script (npm_execpath), else the one on PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
  const r = spawnSync(npm[0], [...npm.slice(1), "run", "build"], { cwd: ROOT, stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const missingFiles = COMMITTED.filter((file) => !existsSync(path.join(ROOT, file)));
if (missingFiles.length > 0) {
  console.error(`prepare: cannot build (${missingTools.join(" and ")} not installed) and the committed build is missing: ${missingFiles.join(", ")}`);
  process.exit(1);
}
console.error(`prepare: ${missingTools.join(" and ")} not installed here (an install from git); using the committed build, ${COMMITTED.join(" and ")}`);
