// The package's own folder (package.json, patches/, dist/), found by walking up
// from this module to the package.json named paddle-fullgraph-fix. Not a fixed
// "../": the same code runs from tsc's dist/*.js and from the command line's
// bundle (dist/cli/main.bundle.js, see scripts/bundle.mjs), at another depth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NAME = "paddle-fullgraph-fix";

let found: { root: string; pkg: { name: string; version: string } } | undefined;

function find(): NonNullable<typeof found> {
  if (found) return found;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    let pkg: { name?: unknown; version?: unknown } | undefined;
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    } catch {
      // none here (or unreadable): keep walking
    }
    if (pkg?.name === NAME) return (found = { root: dir, pkg: pkg as { name: string; version: string } });
    if (path.dirname(dir) === dir) throw new Error(`${NAME}: no package.json named ${NAME} in ${start} or above`);
  }
}

/** Absolute path of the package's folder. */
export function packageRoot(): string {
  return find().root;
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return find().pkg.version;
}

/** Name and version, for the reports. */
export function toolInfo(): { name: string; version: string } {
  const { name, version } = find().pkg;
  return { name, version };
}
