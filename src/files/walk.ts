// Expands the paths a user gives into the Python files to look at: walks
// directories (pruning ignored folders before descending), honours ignore
// rules (.gitignore, .ignore, .git/info/exclude; not with --no-ignore) and
// --exclude globs (exclude.ts); a path named explicitly is always taken
// unless --force-exclude. What ignore rules keep out is counted, never hidden: each
// ignored .py file in a walked folder, and each ignored folder as one unit
// (it is not descended, so a huge ignored output/ or dataset costs nothing).
//
// Every file comes with the real path it will be read from and written to.
// Walks never descend into symlinked folders (so link loops cannot trap
// them), take a symlinked file only when it resolves to a regular file inside
// the walked folder, and report the rest (links out of the given paths,
// loops, dangling links, FIFOs and sockets named *.py, folders that cannot be
// listed) with a reason instead of dropping them silently.
import type { Dirent, Stats } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { UserError, type FileCode } from "../model.js";
import { compileExcludes, type Excludes } from "./exclude.js";
import { describeFsError, fileKind, nodeFs, O, readRegularFile, type FsLayer } from "./fs-layer.js";

export interface WalkOptions {
  /** Glob patterns of files and folders to skip (--exclude; see exclude.ts for what they mean). */
  exclude?: string[];
  /** Apply excludes to paths named explicitly too (pre-commit passes every staged file). */
  forceExclude?: boolean;
  /** The current folder: `./` and `../` patterns and paths named with forceExclude are taken from here (default process.cwd()). */
  cwd?: string;
  /** Walk what ignore rules skip too (--no-ignore); the never-source names are still skipped. */
  noIgnore?: boolean;
  /** The filesystem (tests inject failures here). */
  fs?: FsLayer;
  /** Called with the number of files found so far, as the walk finds them (a progress count). */
  onFound?: (found: number) => void;
}

export interface SourceFile {
  /** Absolute path as reached (shown in the report). */
  path: string;
  /** The root the file was reached from (the path the user gave, or the file itself). */
  root: string;
  explicit: boolean;
  /** The real path (symlinks resolved) that is read and written; null when refused. */
  target: string | null;
  /** Set when the file is reported without being read, and why. */
  refusal?: { status: "skipped" | "error"; code: FileCode; reason: string };
}

/** What ignore rules kept out of a walk. */
export interface IgnoredCounts {
  /** .py files in walked folders that ignore rules skipped. */
  files: number;
  /** Folders that ignore rules skipped, each counted once and never looked into. */
  folders: number;
}

export interface Walk {
  files: SourceFile[];
  ignored: IgnoredCounts;
  /** What --exclude kept out: .py files and folders in walks (a folder counted once, not looked into), and named paths with forceExclude. */
  excluded: IgnoredCounts;
}

export class MissingPathError extends UserError {}

// Folder names that are never checkout source: VCS data, installed packages,
// virtualenvs, caches, packaging metadata. `build` and `dist` are not among
// them (PaddleSlim keeps its distillation code in paddleslim/dist/): they are
// skipped only where ignore rules say so, as most checkouts' .gitignore does.
const SKIP_DIRS = new Set([
  ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
  ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages", "dist-packages",
]);
const PYTHON_FILE = /\.pyw?$/;
// Ignore files read in every walked folder, in rising precedence (rg, fd and ruff read both).
const IGNORE_FILES = [".gitignore", ".ignore"];
const MAX_IGNORE_BYTES = 4 * 1024 * 1024;

interface Given {
  given: string;
  abs: string;
  lstat: Stats | null;
  stat: Stats | null;
  error?: unknown;
}

/** The Python files under `paths` (see the header). */
export async function collectFiles(paths: string[], options: WalkOptions = {}): Promise<SourceFile[]> {
  return (await walkPaths(paths, options)).files;
}

/** The Python files under `paths`, and what ignore rules kept out. */
export async function walkPaths(paths: string[], options: WalkOptions = {}): Promise<Walk> {
  const layer = options.fs ?? nodeFs;
  const excludes = compileExcludes(options.exclude ?? [], options.cwd ?? process.cwd());
  const given = await Promise.all(paths.map((p) => inspect(layer, p)));
  // Where writes may go: inside a folder the user named, or a file the user named itself.
  const allowed = await allowedPlaces(layer, given);
  const seen = new Set<string>();
  const out: SourceFile[] = [];
  // Sets, so that overlapping paths (`. ppdet`) count each ignored path once.
  const ignored = { files: new Set<string>(), folders: new Set<string>() };
  const excluded = { files: new Set<string>(), folders: new Set<string>() };
  const add = (file: SourceFile) => {
    const key = file.target ?? `refused:${file.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  // A count of the .py files met so far, for a progress line (overlapping paths may count one twice).
  const found = { count: 0, report: options.onFound };
  for (const g of given) {
    const { abs } = g;
    if (!g.lstat) {
      const err = g.error as NodeJS.ErrnoException;
      if (err?.code === "ENOENT" || err?.code === "ENOTDIR") throw new MissingPathError(`${g.given}: no such file or directory`);
      add(refused(abs, abs, true, "error", "file/unreadable", `cannot access: ${describeFsError(err)}`));
      continue;
    }
    const isDir = Boolean(g.stat?.isDirectory());
    if (options.forceExclude && excludes.coversNamed(abs, isDir)) {
      (isDir ? excluded.folders : excluded.files).add(abs);
      continue;
    }
    if (isDir) {
      const realRoot = await layer.realpath(abs).catch(() => abs);
      // A folder named on the command line is walked even when the enclosing
      // repository ignores it (as rg and ast-grep do); rules inside it apply.
      const inherited = options.noIgnore ? [] : await inheritedIgnores(layer, abs);
      const rules = isIgnored(inherited, abs, true) ? [] : inherited;
      const ctx: WalkContext = { root: abs, realRoot, excludes, readIgnores: !options.noIgnore, ignored, excluded, found };
      for (const file of await walk(layer, ctx, abs, rules)) add(file);
      continue;
    }
    add(await explicitFile(layer, g, allowed));
  }
  // A path one walk ignored or excluded but the user named (and did not force-exclude) is not kept out.
  for (const g of given) {
    ignored.files.delete(g.abs);
    ignored.folders.delete(g.abs);
    if (!options.forceExclude) {
      excluded.files.delete(g.abs);
      excluded.folders.delete(g.abs);
    }
  }
  const count = (c: typeof ignored) => ({ files: c.files.size, folders: c.folders.size });
  return { files: out, ignored: count(ignored), excluded: count(excluded) };
}

async function inspect(layer: FsLayer, given: string): Promise<Given> {
  const abs = path.resolve(given);
  try {
    const lstat = await layer.lstat(abs);
    const stat = lstat.isSymbolicLink() ? await layer.stat(abs).catch(() => null) : lstat;
    return { given, abs, lstat, stat };
  } catch (error) {
    return { given, abs, lstat: null, stat: null, error };
  }
}

interface Allowed {
  folders: string[];
  files: Set<string>;
}

async function allowedPlaces(layer: FsLayer, given: Given[]): Promise<Allowed> {
  const folders: string[] = [];
  const files = new Set<string>();
  for (const g of given) {
    if (!g.lstat) continue;
    if (g.stat?.isDirectory()) folders.push(await layer.realpath(g.abs).catch(() => g.abs));
    // A named file's own place: its real folder plus its name (not its link target).
    else files.add(path.join(await layer.realpath(path.dirname(g.abs)).catch(() => path.dirname(g.abs)), path.basename(g.abs)));
  }
  return { folders, files };
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

async function explicitFile(layer: FsLayer, g: Given, allowed: Allowed): Promise<SourceFile> {
  const { abs } = g;
  if (g.lstat!.isSymbolicLink()) {
    const real = await layer.realpath(abs).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (typeof real !== "string") return refused(abs, abs, true, "skipped", "file/link-not-followed", brokenLink(real));
    if (!g.stat?.isFile()) return refused(abs, abs, true, "skipped", "file/link-not-followed", `symlink to a ${g.stat ? fileKind(g.stat) : "missing file"}; not followed`);
    if (!allowed.files.has(real) && !allowed.folders.some((f) => isInside(f, real))) {
      return refused(abs, abs, true, "error", "file/link-outside", `symlink to ${real}, outside the given paths; not written through (name the target itself to fix it)`);
    }
    return { path: abs, root: abs, explicit: true, target: real };
  }
  if (!g.lstat!.isFile()) return refused(abs, abs, true, "skipped", "file/not-regular", `not a regular file (${fileKind(g.lstat!)})`);
  const real = await layer.realpath(abs).catch(() => abs);
  return { path: abs, root: abs, explicit: true, target: real };
}

function brokenLink(error: NodeJS.ErrnoException): string {
  if (error.code === "ELOOP") return "symlink loop; not followed";
  if (error.code === "ENOENT") return "broken symlink (its target does not exist); not followed";
  return `symlink cannot be resolved: ${describeFsError(error)}`;
}

function refused(file: string, root: string, explicit: boolean, status: "skipped" | "error", code: FileCode, reason: string): SourceFile {
  return { path: file, root, explicit, target: null, refusal: { status, code, reason } };
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

interface WalkContext {
  /** The folder as given (absolute), and the same folder with links resolved. */
  root: string;
  realRoot: string;
  /** The --exclude patterns. */
  excludes: Excludes;
  /** False with --no-ignore: no ignore file is read. */
  readIgnores: boolean;
  /** What ignore rules kept out (absolute paths as reached), shared by every walk of a run. */
  ignored: { files: Set<string>; folders: Set<string> };
  /** What --exclude kept out, likewise. */
  excluded: { files: Set<string>; folders: Set<string> };
  /** Files met so far, and who to tell. */
  found: { count: number; report?: (found: number) => void };
}

async function walk(layer: FsLayer, ctx: WalkContext, dir: string, layers: IgnoreLayer[]): Promise<SourceFile[]> {
  let entries: Dirent[];
  try {
    entries = await layer.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    return [refused(dir, ctx.root, false, "error", "file/unreadable", `cannot list folder: ${describeFsError(error)}`)];
  }
  if (entries.some((e) => e.name === "pyvenv.cfg")) return []; // a virtualenv
  const active = ctx.readIgnores ? await withOwnIgnores(layer, dir, entries, layers) : layers;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symlinked folders are never entered: no loops, no walking out of the root.
    const isDir = entry.isDirectory();
    // Most entries are neither folders nor Python files: drop them before any rule is checked.
    if (!isDir && !PYTHON_FILE.test(entry.name)) continue;
    if (isDir && (SKIP_DIRS.has(entry.name) || entry.name.endsWith(".egg-info"))) continue;
    if (ctx.excludes.matches(ctx.root, full, isDir)) {
      (isDir ? ctx.excluded.folders : ctx.excluded.files).add(full);
      continue;
    }
    if (isIgnored(active, full, isDir)) {
      (isDir ? ctx.ignored.folders : ctx.ignored.files).add(full);
      continue;
    }
    if (isDir) files.push(...(await walk(layer, ctx, full, active)));
    else {
      const file = await walkedFile(layer, ctx, full, entry);
      if (file) {
        files.push(file);
        ctx.found.report?.(++ctx.found.count);
      }
    }
  }
  return files;
}

async function walkedFile(layer: FsLayer, ctx: WalkContext, full: string, entry: Dirent): Promise<SourceFile | null> {
  // Below the root every folder is real (links are not entered), so this is the file's real path.
  const inPlace = ctx.realRoot === ctx.root ? full : path.join(ctx.realRoot, path.relative(ctx.root, full));
  if (entry.isFile()) return { path: full, root: ctx.root, explicit: false, target: inPlace };
  if (!entry.isSymbolicLink()) {
    const stat = await layer.lstat(full).catch(() => null);
    return stat ? refused(full, ctx.root, false, "skipped", "file/not-regular", `not a regular file (${fileKind(stat)})`) : null;
  }
  const real = await layer.realpath(full).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (typeof real !== "string") return refused(full, ctx.root, false, "skipped", "file/link-not-followed", brokenLink(real));
  const stat = await layer.stat(real).catch(() => null);
  if (stat?.isDirectory()) return null; // a linked folder named *.py: folders behind links are not walked
  if (!isInside(ctx.realRoot, real)) {
    return refused(full, ctx.root, false, "error", "file/link-outside", `symlink to ${real}, outside ${ctx.root}; not followed`);
  }
  if (!stat?.isFile()) return refused(full, ctx.root, false, "skipped", "file/link-not-followed", `symlink to a ${stat ? fileKind(stat) : "missing file"}; not followed`);
  return { path: full, root: ctx.root, explicit: false, target: real };
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relativeInside(layer.dir, full);
    if (!rel) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** `full` relative to `dir` with `/` separators, or null when it is not below `dir`. */
export function relativeInside(dir: string, full: string): string | null {
  // Walked paths are built by joining names onto their folder, so a prefix
  // test is exact and far cheaper than path.relative per entry and layer.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  if (full.startsWith(prefix) && full.length > prefix.length) {
    const rel = full.slice(prefix.length);
    return path.sep === "/" ? rel : rel.split(path.sep).join("/");
  }
  const rel = path.relative(dir, full).split(path.sep).join("/");
  return !rel || rel.startsWith("..") ? null : rel;
}

/** `layers` plus the rules a walked folder holds: its repository's info/exclude, its ignore files. */
async function withOwnIgnores(layer: FsLayer, dir: string, entries: Dirent[], layers: IgnoreLayer[]): Promise<IgnoreLayer[]> {
  const names = IGNORE_FILES.filter((name) => entries.some((e) => e.name === name && e.isFile()));
  const repo = entries.some((e) => e.name === ".git" && e.isDirectory());
  if (!names.length && !repo) return layers;
  const exclude = repo ? await readIgnore(layer, dir, [path.join(".git", "info", "exclude")]) : null;
  const own = names.length ? await readIgnore(layer, dir, names) : null;
  return [...layers, ...(exclude ? [exclude] : []), ...(own ? [own] : [])];
}

/** The rules of `files` (relative to `dir`, later ones winning), or null when none can be read. */
async function readIgnore(layer: FsLayer, dir: string, files: string[]): Promise<IgnoreLayer | null> {
  const texts = await Promise.all(
    files.map((name) => readRegularFile(layer, path.join(dir, name), MAX_IGNORE_BYTES, O.readFollowing).then((r) => r.bytes.toString("utf8"), () => null)),
  );
  const read = texts.filter((t): t is string => t !== null);
  if (!read.length) return null;
  // Case-sensitive, as git on Linux, rg, fd and ruff match: a `Build/` rule never hides `build/`.
  const rules = ignore({ ignorecase: false });
  for (const text of read) rules.add(text);
  return { dir, rules };
}

/**
 * Ignore rules between the enclosing git repository's top and the walk root:
 * the repository's .git/info/exclude, then each folder's ignore files.
 */
async function inheritedIgnores(layer: FsLayer, root: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  let top: Stats | null = null;
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    top = await layer.stat(path.join(dir, ".git")).catch(() => null);
    if (top) break;
    if (path.dirname(dir) === dir) return []; // not inside a git repository
  }
  // A worktree's or submodule's .git is a file pointing elsewhere: its info/exclude is not read.
  const exclude = top.isDirectory() ? readIgnore(layer, chain[0], [path.join(".git", "info", "exclude")]) : null;
  const layers = await Promise.all([exclude, ...chain.map((dir) => readIgnore(layer, dir, IGNORE_FILES))]);
  return layers.filter((l): l is IgnoreLayer => l !== null);
}
