// Expands the paths a user gives into the Python files to look at: walks
// directories (pruning ignored folders before descending), honours
// .gitignore files and --exclude globs; a file named explicitly is always
// taken unless --force-exclude.
import { promises as fs, type Dirent } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";

export interface WalkOptions {
  exclude?: string[];
  /** Apply excludes to explicitly named files too (pre-commit passes every staged file). */
  forceExclude?: boolean;
}

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** The root the file was reached from (the path the user gave, or the file itself). */
  root: string;
  explicit: boolean;
}

export class MissingPathError extends Error {}

// Folders that never hold checkout code worth editing.
const SKIP_DIRS = new Set([
  ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
  ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "build", "dist", "site-packages",
]);
const PYTHON_FILE = /\.pyw?$/;

export async function collectFiles(paths: string[], options: WalkOptions = {}): Promise<SourceFile[]> {
  const excluded = excludeMatcher(options.exclude ?? []);
  const seen = new Set<string>();
  const out: SourceFile[] = [];
  const add = async (file: SourceFile) => {
    const real = await fs.realpath(file.path).catch(() => file.path);
    if (seen.has(real)) return;
    seen.add(real);
    out.push(file);
  };
  for (const given of paths) {
    const abs = path.resolve(given);
    const stat = await fs.stat(abs).catch(() => null);
    if (!stat) throw new MissingPathError(`${given}: no such file or directory`);
    if (stat.isDirectory()) {
      const rules = await inheritedIgnores(abs);
      for (const file of await walk(abs, abs, rules, excluded)) await add({ path: file, root: abs, explicit: false });
    } else {
      if (options.forceExclude && excluded(path.relative(process.cwd(), abs))) continue;
      await add({ path: abs, root: abs, explicit: true });
    }
  }
  return out;
}

function excludeMatcher(globs: string[]): (relative: string) => boolean {
  if (!globs.length) return () => false;
  const full = picomatch(globs, { dot: true });
  const base = picomatch(globs, { dot: true, basename: true });
  return (relative) => {
    const posix = relative.split(path.sep).join("/");
    return full(posix) || base(posix);
  };
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

async function walk(root: string, dir: string, layers: IgnoreLayer[], excluded: (rel: string) => boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
  if (entries.some((e) => e.name === "pyvenv.cfg")) return []; // a virtualenv
  const own = entries.some((e) => e.name === ".gitignore" && e.isFile()) ? await readIgnore(dir) : null;
  const active = own ? [...layers, own] : layers;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isDir && (SKIP_DIRS.has(entry.name) || entry.name.endsWith(".egg-info"))) continue;
    if (isIgnored(active, full, isDir) || excluded(path.relative(root, full))) continue;
    if (isDir) files.push(...(await walk(root, full, active, excluded)));
    else if (PYTHON_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      // Symlinked files count only when they point inside the root.
      if (entry.isSymbolicLink() && !(await pointsInside(full, root))) continue;
      files.push(full);
    }
  }
  return files;
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.dir, full).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

async function readIgnore(dir: string): Promise<IgnoreLayer | null> {
  const text = await fs.readFile(path.join(dir, ".gitignore"), "utf8").catch(() => null);
  return text === null ? null : { dir, rules: ignore().add(text) };
}

/** .gitignore files between the enclosing git repository's top and the walk root. */
async function inheritedIgnores(root: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (await exists(path.join(dir, ".git"))) break;
    if (path.dirname(dir) === dir) return []; // not inside a git repository
  }
  const layers = await Promise.all(chain.map(readIgnore));
  return layers.filter((l): l is IgnoreLayer => l !== null);
}

async function pointsInside(link: string, root: string): Promise<boolean> {
  const real = await fs.realpath(link).catch(() => null);
  const realRoot = await fs.realpath(root).catch(() => root);
  if (!real) return false;
  const stat = await fs.stat(real).catch(() => null);
  return !!stat?.isFile() && !path.relative(realRoot, real).startsWith("..");
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}
