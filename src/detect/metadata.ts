/**
 * Reading installed-distribution metadata from disk, without any interpreter:
 * the fallback when the importlib.metadata query is not available. Only
 * `Name:` / `Version:` headers and direct_url.json are read.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

/** One installed distribution of interest, as the query script or the scanner reports it. */
export interface RawDist {
  name: string;
  version: string;
  /** Directory the distribution's files are relative to (site-packages, an .egg dir, a develop checkout). */
  location: string | null;
  /** The .dist-info / .egg-info / EGG-INFO directory or file. */
  metadataDir: string | null;
  /** Contents of direct_url.json (PEP 610), if any. */
  directUrl: string | null;
  installer: string | null;
}

/** PEP 503 normalised name: "PaddlePaddle_GPU" -> "paddlepaddle-gpu". */
export function canonicalName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}

export function isPaddleName(name: string): boolean {
  const n = canonicalName(name);
  return n === "paddlepaddle" || n.startsWith("paddlepaddle-");
}

export function isPaddleDetName(name: string): boolean {
  return canonicalName(name) === "paddledet";
}

/** The distributions toolkit checkouts install as (paddledet, paddleocr, paddleseg, paddleclas). */
export const TOOLKIT_DISTRIBUTIONS: readonly string[] = ["paddledet", "paddleocr", "paddleseg", "paddleclas"];

export function isToolkitDistName(name: string): boolean {
  return TOOLKIT_DISTRIBUTIONS.includes(canonicalName(name));
}

/** Name and Version from the RFC 822 header block of METADATA / PKG-INFO text. */
export function parseMetadataHeaders(text: string): { name: string | null; version: string | null } {
  let name: string | null = null;
  let version: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") break;
    const m = /^(Name|Version):\s*(.*?)\s*$/i.exec(line);
    if (!m) continue;
    if (m[1]!.toLowerCase() === "name" && name === null) name = m[2]!;
    else if (m[1]!.toLowerCase() === "version" && version === null) version = m[2]!;
  }
  return { name, version };
}

async function readSmall(file: string, limit = 65536): Promise<string | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, "r");
    const buf = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buf, 0, limit, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Where the metadata of a site-packages entry lives, or null when the entry is no distribution. */
async function metadataFileOf(dir: string, entry: string): Promise<{ file: string; metaDir: string; location: string } | null> {
  const full = path.join(dir, entry);
  if (entry.endsWith(".dist-info")) return { file: path.join(full, "METADATA"), metaDir: full, location: dir };
  if (entry.endsWith(".egg-info")) {
    if (await isDir(full)) return { file: path.join(full, "PKG-INFO"), metaDir: full, location: dir };
    return { file: full, metaDir: full, location: dir };
  }
  if (entry.endsWith(".egg")) {
    const meta = path.join(full, "EGG-INFO");
    return { file: path.join(meta, "PKG-INFO"), metaDir: meta, location: full };
  }
  return null;
}

/** Path lines of the .pth files in `dir` (import lines are skipped, never run). */
export async function pthDirectories(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".pth") && !n.startsWith(".")).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const text = await readSmall(path.join(dir, n));
    if (text === null) continue;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#") || /^import[ \t]/.test(line)) continue;
      const p = path.resolve(dir, line);
      if (!out.includes(p) && (await isDir(p))) out.push(p);
    }
  }
  return out;
}

/**
 * Scan site directories (and the directories their .pth files name) for
 * paddlepaddle* and toolkit (paddledet, paddleocr, ...) distributions, in path order.
 */
export async function scanSiteDirectories(dirs: string[], followPth = true): Promise<RawDist[]> {
  const all = [...new Set(dirs)];
  if (followPth) {
    for (const d of [...all]) for (const extra of await pthDirectories(d)) if (!all.includes(extra)) all.push(extra);
  }
  const found: RawDist[] = [];
  for (const dir of all) {
    let entries: string[];
    try {
      entries = (await fs.readdir(dir)).sort();
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!/^paddle/i.test(entry)) continue;
      const where = await metadataFileOf(dir, entry);
      if (!where) continue;
      const text = await readSmall(where.file);
      if (text === null) continue;
      const { name, version } = parseMetadataHeaders(text);
      if (!name || !version || !(isPaddleName(name) || isToolkitDistName(name))) continue;
      const directUrl = entry.endsWith(".dist-info") ? await readSmall(path.join(where.metaDir, "direct_url.json")) : null;
      const installer = entry.endsWith(".dist-info") ? await readSmall(path.join(where.metaDir, "INSTALLER"), 256) : null;
      found.push({
        name,
        version,
        location: where.location,
        metadataDir: where.metaDir,
        directUrl,
        installer: installer ? installer.trim() : null,
      });
    }
  }
  return found;
}
