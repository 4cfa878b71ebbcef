// Maps traceback frames onto the files of a checkout, also when the paths
// were absolute on another machine (`E:\work\PaddleDetection\ppdet\...`,
// `/home/x/rtdetr_paddle/ppdet/...`): the frame's path components are matched
// from the end against the relative paths of the Python files under root,
// and the longest match wins. Frames inside the paddle package
// (site-packages/paddle/..., or a paddle/ tree outside the checkout) are
// skipped; each mapped frame's source line is checked against the file.
import path from "node:path";
import { collectFiles } from "../files/walk.js";
import { readSourceText } from "../files/fs-layer.js";
import type { TracebackFrame } from "./parse.js";

export type FrameStatus =
  /** Found in the checkout, and the source line agrees (or none was printed). */
  | "mapped"
  /** Found, but the printed source sits on another line of the checkout's file: `line` is that line. */
  | "moved"
  /** Found, but the checkout's file does not hold the printed source line near there. */
  | "mismatch"
  /** A frame of the paddle framework itself (site-packages/paddle, ...). */
  | "paddle"
  /** Not a file of this checkout (another library, the interpreter, `<frozen ...>`). */
  | "outside"
  /** Several checkout files match the path equally well. */
  | "ambiguous";

export interface MappedFrame {
  frame: TracebackFrame;
  status: FrameStatus;
  /** Absolute path of the checkout file (mapped, moved, mismatch). */
  file: string | null;
  /** The same, relative to root, with `/`. */
  relPath: string | null;
  /** The line to use in the checkout's file (the printed one, or where the source moved to). */
  line: number;
  /** The frame ran an installed copy (site-packages/ppdet/...) that the checkout file corresponds to. */
  installed: boolean;
  /** Why a frame is not simply "mapped", for the report. */
  note: string | null;
}

export interface MapOptions {
  /** Bound on the Python files indexed under root (default 200 000). */
  maxFiles?: number;
  /** How far from the printed line a moved source line is looked for (default 300). */
  window?: number;
}

const LIBRARY_DIRS = new Set(["site-packages", "dist-packages"]);

/**
 * Relative `/` paths of the Python files under root, grouped by lower-cased
 * base name: the main run's walk (its skip list, .gitignore rules and link
 * handling), so a traceback maps onto exactly the files a run would fix.
 */
export async function indexPythonFiles(root: string, maxFiles = 200_000): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  const absRoot = path.resolve(root);
  const files = await collectFiles([absRoot]).catch(() => []);
  for (const file of files.slice(0, maxFiles)) {
    if (!file.target) continue;
    const rel = path.relative(absRoot, file.path).split(path.sep).join("/");
    const key = path.basename(file.path).toLowerCase();
    const list = byName.get(key);
    if (list) list.push(rel);
    else byName.set(key, [rel]);
  }
  return byName;
}

/** Path components of a printed path, whichever separator it used. */
export function pathParts(file: string): string[] {
  return file.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
}

function looksWindows(file: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(file) || file.includes("\\");
}

/** How many trailing components two paths share. */
function sharedSuffix(a: readonly string[], b: readonly string[], caseless: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = a[a.length - 1 - n]!;
    const y = b[b.length - 1 - n]!;
    if (caseless ? x.toLowerCase() !== y.toLowerCase() : x !== y) break;
    n++;
  }
  return n;
}

/** Index of a site-packages/dist-packages component, or -1. */
function libraryIndex(parts: readonly string[]): number {
  for (let i = parts.length - 1; i >= 0; i--) if (LIBRARY_DIRS.has(parts[i]!.toLowerCase())) return i;
  return -1;
}

/** Whether the path runs through the paddle framework package (`.../paddle/jit/api.py`, `paddle/base/...`). */
function isPaddlePackage(parts: readonly string[], lib: number): boolean {
  if (lib >= 0) return /^paddle(_|$)/i.test(parts[lib + 1] ?? "");
  return false;
}

export async function mapFrames(frames: readonly TracebackFrame[], root: string, options: MapOptions = {}): Promise<MappedFrame[]> {
  const absRoot = path.resolve(root);
  const index = await indexPythonFiles(absRoot, options.maxFiles);
  const window = options.window ?? 300;
  const texts = new Map<string, string[] | null>();
  const linesOf = (rel: string): string[] | null => {
    if (!texts.has(rel)) {
      const text = readSourceText(path.join(absRoot, ...rel.split("/")));
      texts.set(rel, text === null ? null : text.replace(/\r\n?/g, "\n").split("\n"));
    }
    return texts.get(rel)!;
  };

  const out: MappedFrame[] = [];
  for (const frame of frames) {
    const base = { frame, file: null, relPath: null, line: frame.line, installed: false, note: null };
    if (/^<.*>$/.test(frame.file.trim())) {
      out.push({ ...base, status: "outside", note: "not a file" });
      continue;
    }
    const parts = pathParts(frame.file);
    const lib = libraryIndex(parts);
    if (isPaddlePackage(parts, lib)) {
      out.push({ ...base, status: "paddle", note: "inside the paddle package" });
      continue;
    }
    const caseless = looksWindows(frame.file);
    const candidates = index.get(parts[parts.length - 1]?.toLowerCase() ?? "") ?? [];
    let best = 0;
    let matches: string[] = [];
    let whole = false;
    for (const rel of candidates) {
      const relParts = rel.split("/");
      const score = sharedSuffix(parts, relParts, caseless);
      if (score > best) [best, matches, whole] = [score, [rel], score === relParts.length];
      else if (score === best && score > 0) matches.push(rel);
    }
    // A match of the file name alone counts only when it is the checkout file's whole
    // relative path (a file at the root) or the printed path is a bare name.
    const enough = best >= 2 || (best === 1 && (whole || parts.length === 1));
    if (!enough || matches.length === 0) {
      const paddleTree = parts.slice(0, -1).some((p) => p.toLowerCase() === "paddle") && /[\\/]paddle[\\/](jit|base|fluid|static|nn)[\\/]/i.test(frame.file);
      out.push({ ...base, status: paddleTree ? "paddle" : "outside", note: paddleTree ? "inside the paddle package" : "no file of the checkout matches this path" });
      continue;
    }
    if (matches.length > 1) {
      out.push({ ...base, status: "ambiguous", note: `matches ${matches.join(", ")}` });
      continue;
    }
    const relPath = matches[0]!;
    const file = path.join(absRoot, ...relPath.split("/"));
    const installed = lib >= 0;
    const note = installed ? `ran an installed copy (${parts.slice(lib).join("/")}), not this checkout` : null;
    const lines = linesOf(relPath);
    const found = { ...base, file, relPath, installed, note };
    if (frame.source === null || lines === null) {
      out.push({ ...found, status: "mapped" });
      continue;
    }
    const want = normalize(frame.source);
    if (normalize(lines[frame.line - 1] ?? "") === want) {
      out.push({ ...found, status: "mapped" });
      continue;
    }
    const moved = nearestLine(lines, want, frame.line, window);
    if (moved !== null) {
      out.push({ ...found, status: "moved", line: moved, note: joinNotes(note, `the checkout has this source at line ${moved}, not ${frame.line}`) });
    } else {
      out.push({ ...found, status: "mismatch", note: joinNotes(note, `line ${frame.line} of the checkout's ${relPath} is not \`${frame.source}\``) });
    }
  }
  return out;
}

function joinNotes(a: string | null, b: string): string {
  return a ? `${a}; ${b}` : b;
}

function normalize(line: string): string {
  return line.trim().replace(/\s+/g, " ");
}

/** The nearest 1-based line within `window` of `around` whose text is `want`, or null. */
function nearestLine(lines: readonly string[], want: string, around: number, window: number): number | null {
  for (let d = 1; d <= window; d++) {
    for (const l of [around - d, around + d]) {
      if (l >= 1 && l <= lines.length && normalize(lines[l - 1]!) === want) return l;
    }
  }
  return null;
}
