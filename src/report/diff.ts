// Unified diff of one file's change, in the a/ b/ form `git apply` and
// `patch -p1` read. Paths are relative to the folder the diff is applied
// from: the current folder when every file is below it (`git apply` run in
// a subfolder of a repository takes them from there too). Both tools refuse
// a path that leaves the folder they run in (`../x`, `/abs/x`: GNU patch
// ignores it as dangerous, git apply calls it unsafe), so when a file lies
// outside the current folder the paths are taken from the nearest folder
// that holds the current folder and every file, and the run says to apply
// the diff from there.
import path from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { createColors } from "picocolors";

export function unifiedDiff(diffPath: string, before: string, after: string): string {
  const name = diffPath.split(path.sep).join("/").replace(/^\/+/, "");
  const text = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  // jsdiff C-quotes names with quotes, backslashes, control or non-ASCII
  // characters, as git does; GNU patch also needs a tab after a plain name
  // with a space (where diff puts the timestamp), or it stops at the space.
  if (!name.includes(" ") || text.startsWith('--- "')) return text;
  const [minus, plus, ...rest] = text.split("\n");
  return [`${minus}\t`, `${plus}\t`, ...rest].join("\n");
}

/** Where a run's diff is applied from, and each file's path from there. */
export interface DiffPaths {
  /** The folder the paths are relative to. */
  root: string;
  /** Whether that is the current folder (else some file lies outside it). */
  fromCwd: boolean;
  /** A file's path (absolute, or relative to the current folder) as the diff names it. */
  of(file: string): string;
}

/** The diff's paths for files under `given` (files and folders as the user named them). */
export function diffPaths(cwd: string, given: readonly string[]): DiffPaths {
  let root = path.resolve(cwd);
  for (const p of given) {
    const abs = path.resolve(cwd, p);
    while (!isWithin(root, abs)) root = path.dirname(root);
  }
  return { root, fromCwd: root === path.resolve(cwd), of: (file) => path.relative(root, path.resolve(cwd, file)) };
}

function isWithin(folder: string, p: string): boolean {
  const rel = path.relative(folder, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * One file's diff (unifiedDiff's output) coloured as git colours it: the
 * two header lines bold, hunk headers cyan, removed lines red, added green.
 * With colour off the text comes back as it was.
 */
export function colorDiff(diff: string, c: ReturnType<typeof createColors>): string {
  if (!c.isColorSupported) return diff;
  return diff
    .split("\n")
    .map((line, i) => {
      if (i < 2) return line ? c.bold(line) : line;
      if (line.startsWith("@@")) return c.cyan(line);
      if (line.startsWith("-")) return c.red(line);
      if (line.startsWith("+")) return c.green(line);
      return line;
    })
    .join("\n");
}
