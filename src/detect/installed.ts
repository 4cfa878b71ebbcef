/**
 * The toolkits installed in an interpreter (`--installed`): for each toolkit
 * distribution the query found (paddledet, paddleocr, paddleseg,
 * paddleclas), the folders that hold its code.
 *
 * Read from the distribution's own files, never by importing it: RECORD's
 * top-level entries (what pip installed), else top_level.txt, else the
 * package folder the toolkit is known to install, if it is there. An
 * editable install (`pip install -e`, PEP 610's direct_url.json, or an
 * .egg-info that sits in a checkout rather than a site folder) is the
 * clone itself.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { InstalledDistribution, InstalledToolkits } from "../model.js";
import type { InterpreterReport } from "./interpreter.js";
import { canonicalName, isToolkitDistName, type RawDist } from "./metadata.js";

/** The package folder each toolkit's wheel installs, for a distribution whose metadata lists no files. */
const KNOWN_PACKAGES: Record<string, string> = {
  paddledet: "ppdet",
  paddleocr: "paddleocr",
  paddleseg: "paddleseg",
  paddleclas: "paddleclas",
};

async function readText(file: string): Promise<string | null> {
  return fs.readFile(file, "utf8").catch(() => null);
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** The clone an editable install points at, or null. */
function editableTarget(dist: RawDist): string | null {
  if (dist.directUrl) {
    try {
      const info = JSON.parse(dist.directUrl) as { url?: string; dir_info?: { editable?: boolean } };
      if (info.dir_info?.editable && typeof info.url === "string" && info.url.startsWith("file:")) return fileURLToPath(info.url);
    } catch {
      /* not JSON: not an editable install we can follow */
    }
  }
  // `setup.py develop` (an .egg-link): the metadata is the checkout's own
  // <name>.egg-info, beside its code, not in a site folder.
  if (dist.metadataDir?.endsWith(".egg-info") && dist.location) {
    const parent = path.basename(dist.location);
    if (parent !== "site-packages" && parent !== "dist-packages") return dist.location;
  }
  return null;
}

/** Top-level names of RECORD's entries that are code: folders and modules, not metadata, scripts or data. */
export function recordTopLevels(record: string): string[] {
  const names = new Set<string>();
  for (const line of record.split(/\r?\n/)) {
    // path,hash,size: the path may be quoted (CSV) when it holds a comma
    const entry = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(",")[0]!;
    if (!entry || entry.startsWith("..") || entry.startsWith("/")) continue;
    const [top, ...rest] = entry.split("/");
    if (!top || top.endsWith(".dist-info") || top.endsWith(".data") || top === "__pycache__") continue;
    if (rest.length === 0 && !top.endsWith(".py")) continue; // a .pth or other loose file
    names.add(top);
  }
  return [...names].sort();
}

async function codeFolders(dist: RawDist): Promise<{ folders: string[]; from: InstalledDistribution["from"]; record: string | null }> {
  const location = dist.location!;
  const record = dist.metadataDir ? path.join(dist.metadataDir, "RECORD") : null;
  const recordText = record ? await readText(record) : null;
  if (recordText) {
    const tops = recordTopLevels(recordText);
    const folders = [];
    for (const top of tops) if (await exists(path.join(location, top))) folders.push(path.join(location, top));
    if (folders.length) return { folders, from: "RECORD", record };
  }
  const topLevel = dist.metadataDir ? await readText(path.join(dist.metadataDir, "top_level.txt")) : null;
  if (topLevel) {
    const folders = [];
    for (const name of topLevel.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      for (const candidate of [path.join(location, name), path.join(location, `${name}.py`)]) {
        if (await exists(candidate)) {
          folders.push(candidate);
          break;
        }
      }
    }
    if (folders.length) return { folders, from: "top_level.txt", record: recordText ? record : null };
  }
  const known = KNOWN_PACKAGES[canonicalName(dist.name)];
  if (known && (await exists(path.join(location, known)))) return { folders: [path.join(location, known)], from: "known", record: recordText ? record : null };
  return { folders: [], from: "none", record: null };
}

/**
 * The toolkit distributions of an interpreter's answer, each with the
 * folders to fix. A distribution found twice (the same name in two site
 * folders) is kept where Python would import it from: the first.
 */
export async function installedToolkits(report: InterpreterReport): Promise<InstalledToolkits> {
  const distributions: InstalledDistribution[] = [];
  const seen = new Set<string>();
  for (const dist of report.dists) {
    if (!isToolkitDistName(dist.name) || !dist.location) continue;
    const name = canonicalName(dist.name);
    if (seen.has(name)) continue;
    seen.add(name);
    const clone = editableTarget(dist);
    if (clone) {
      distributions.push({ name: dist.name, version: dist.version, location: dist.location, metadata: dist.metadataDir, folders: [clone], from: "editable", editable: clone, record: null });
      continue;
    }
    const { folders, from, record } = await codeFolders(dist);
    distributions.push({ name: dist.name, version: dist.version, location: dist.location, metadata: dist.metadataDir, folders, from, editable: null, record });
  }
  return {
    python: report.info.path,
    executable: report.info.executable,
    sitePackages: report.paths,
    distributions,
  };
}

/** Every folder to walk, each once (two editable installs of one clone, a folder two distributions share). */
export function installedFolders(installed: InstalledToolkits): string[] {
  return [...new Set(installed.distributions.flatMap((d) => d.folders))];
}

/** RECORD's `path,sha256=...,size` rows: path → urlsafe base64 digest (rows without a hash left out). */
export function recordHashes(record: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of record.split(/\r?\n/)) {
    const m = /^("(?:[^"]|"")*"|[^,]*),sha256=([A-Za-z0-9_-]+),/.exec(line);
    if (!m) continue;
    const file = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    rows.set(file, m[2]!);
  }
  return rows;
}

/**
 * The Python files of a distribution whose bytes no longer match its RECORD
 * (paths as RECORD spells them), after a run wrote to them: what pip would
 * see as modified. Empty when the distribution has no RECORD.
 */
export async function recordMismatches(dist: InstalledDistribution): Promise<string[]> {
  if (!dist.record) return [];
  const text = await readText(dist.record);
  if (!text) return [];
  const { createHash } = process.getBuiltinModule("node:crypto");
  const stale: string[] = [];
  for (const [file, digest] of recordHashes(text)) {
    if (!file.endsWith(".py")) continue;
    const bytes = await fs.readFile(path.join(dist.location, file)).catch(() => null);
    if (!bytes) continue;
    if (createHash("sha256").update(bytes).digest("base64url") !== digest) stale.push(file);
  }
  return stale.sort();
}
