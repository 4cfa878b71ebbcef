// What an --exclude pattern means, decided once for the walk, --force-exclude
// and the command line's checks. Globs are picomatch's (`*`, `**`, `?`,
// `[...]`, `{a,b}`; `*` matches dotfiles too; case-sensitive), and a pattern
// is one of three kinds:
//
//  - a name (no `/` but a trailing one): matched against the base name of
//    every file and folder at any depth: `legacy/`, `*_pb2.py`;
//  - a path below the walked folder (a `/` inside): matched against the
//    path from the walked folder down: `deploy/legacy`, `ppdet/**/export_*.py`;
//  - a path from here (absolute, or starting with `./` or `../`): resolved
//    against the current folder, like a path typed in the shell, and matched
//    against the file's or folder's full path: `./deploy`, `/src/PD/deploy/**`.
//
// A trailing `/` restricts a pattern to folders. An excluded folder is not
// looked into, so everything below it is excluded with it. A path named on
// the command line is excluded only with --force-exclude, and then also
// when one of the folders between the current folder and it matches (as
// pre-commit passes `legacy/needy.py` for an exclude of `legacy/`).
import path from "node:path";
import picomatch from "picomatch";
import { UserError } from "../model.js";

export type ExcludeKind = "name" | "below" | "path";

export interface ExcludeRule {
  /** As given. */
  pattern: string;
  kind: ExcludeKind;
  /** A trailing `/`: folders only. */
  foldersOnly: boolean;
  /** For kind `path`: the pattern resolved against the current folder (`/` separators). */
  resolved?: string;
  test: (subject: string) => boolean;
}

export interface Excludes {
  readonly rules: readonly ExcludeRule[];
  /** Whether `full` (absolute; a folder when `isDir`), reached by walking `root`, is excluded. */
  matches(root: string, full: string, isDir: boolean): boolean;
  /**
   * Whether a path named on the command line is excluded (--force-exclude):
   * it, or a folder between the current folder and it.
   */
  coversNamed(full: string, isDir: boolean): boolean;
}

const toPosix = (p: string) => (path.sep === "/" ? p : p.split(path.sep).join("/"));

/** Throws a UserError for a pattern that cannot mean anything. */
export function checkExcludePattern(pattern: string): void {
  if (pattern.trim() === "") {
    throw new UserError(
      `--exclude needs a pattern, and ${JSON.stringify(pattern)} is empty (it would match nothing); ` +
        "e.g. --exclude 'legacy/' (a folder at any depth) or --exclude 'deploy/**' (below the walked folder)",
    );
  }
}

function isPathPattern(pattern: string): boolean {
  return path.isAbsolute(pattern) || /^\.\.?(\/|$)/.test(pattern);
}

function rule(pattern: string, cwd: string): ExcludeRule {
  checkExcludePattern(pattern);
  const foldersOnly = /\/+$/.test(pattern) && pattern.replace(/\/+$/, "") !== "";
  const body = foldersOnly ? pattern.replace(/\/+$/, "") : pattern;
  const options = { dot: true };
  if (isPathPattern(body)) {
    // path.resolve would also fold `..` inside a glob, which is what a shell path means.
    const resolved = toPosix(path.resolve(cwd, body));
    return { pattern, kind: "path", foldersOnly, resolved, test: picomatch(resolved, options) };
  }
  const kind = body.includes("/") ? "below" : "name";
  return { pattern, kind, foldersOnly, test: picomatch(body, options) };
}

/** The patterns, checked and compiled; paths from here resolve against `cwd`. */
export function compileExcludes(patterns: readonly string[], cwd = process.cwd()): Excludes {
  const rules = patterns.map((p) => rule(p, cwd));
  const matchOne = (r: ExcludeRule, below: string | null, full: string, isDir: boolean) => {
    if (r.foldersOnly && !isDir) return false;
    if (r.kind === "path") return r.test(toPosix(full));
    if (r.kind === "name") return r.test(path.basename(full));
    return below !== null && r.test(below);
  };
  const matches = (root: string, full: string, isDir: boolean) => {
    if (!rules.length) return false;
    const below = pathBelow(root, full);
    return rules.some((r) => matchOne(r, below, full, isDir));
  };
  const coversNamed = (full: string, isDir: boolean) => {
    if (!rules.length) return false;
    const abs = path.resolve(cwd, full);
    if (matches(cwd, abs, isDir)) return true;
    // Folders below the current folder are tested like walked ones; above
    // it, or beside it, only a path pattern can name them.
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      if (pathBelow(cwd, dir) !== null ? matches(cwd, dir, true) : rules.some((r) => r.kind === "path" && matchOne(r, null, dir, true))) return true;
      if (dir === path.dirname(dir)) return false;
    }
  };
  return { rules, matches, coversNamed };
}

/** `full` relative to `root` with `/` separators, or null when it is not strictly below `root`. */
function pathBelow(root: string, full: string): string | null {
  const rel = path.relative(root, full);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return toPosix(rel);
}

/**
 * Path patterns (`./x`, `../x`, `/x`) that lie outside every folder walked:
 * they can exclude nothing there, which is seldom what was meant (`./deploy`
 * is the current folder's deploy, not the walked folder's).
 */
export function unreachablePathPatterns(excludes: Excludes, walked: readonly string[]): ExcludeRule[] {
  const roots = walked.map((w) => toPosix(path.resolve(w)));
  return excludes.rules.filter((r) => {
    if (r.kind !== "path") return false;
    const base = picomatch.scan(r.resolved!).base.replace(/\/+$/, "") || "/";
    // Below a walked folder, or above one (a glob such as /src/**/legacy/ can reach into it).
    return !roots.some((root) => base === root || base.startsWith(`${root}/`) || root.startsWith(base === "/" ? "/" : `${base}/`));
  });
}
