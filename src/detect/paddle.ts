/**
 * Turning what was found (a flag, or installed distributions) into PaddleInfo.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { canonicalName, isPaddleName, type RawDist } from "./metadata.js";
import { coreVersion, normalizePaddleVersion } from "./versions.js";
import type { PaddleInfo } from "../model.js";
import { DetectUsageError } from "./types.js";

export function paddleFromFlag(raw: string): PaddleInfo {
  const n = normalizePaddleVersion(raw);
  if (n === null) throw new DetectUsageError(`--paddle-version ${JSON.stringify(raw)} is not a version (try e.g. 2.6.2, 3.0.0b2 or 0.0.0 for develop)`);
  return { version: n.version, raw, distribution: null, python: null, source: "flag", develop: n.develop, others: [] };
}

interface Candidate {
  dist: RawDist;
  version: string;
  develop: boolean;
}

/** `full_version = '...'` from paddle/version/__init__.py, the file the installed wheel generated (read, never imported). */
async function installedVersionFile(location: string | null): Promise<string | null> {
  if (!location) return null;
  const text = await fs.readFile(path.join(location, "paddle", "version", "__init__.py"), "utf8").catch(() => null);
  if (text === null) return null;
  return /^full_version\s*=\s*['"]([^'"\n]+)['"]/m.exec(text)?.[1] ?? null;
}

/**
 * PaddleInfo from the distributions one interpreter has installed, plus
 * warnings. With several paddle distributions, the one whose version matches
 * the installed paddle/version/__init__.py (the files they share) is taken,
 * else the first on the path (by name within one directory).
 */
export async function paddleFromDistributions(
  dists: RawDist[],
  python: string,
  source: "importlib" | "site-packages",
): Promise<{ paddle: PaddleInfo | null; warnings: string[] }> {
  const warnings: string[] = [];
  const candidates: Candidate[] = [];
  for (const dist of dists.filter((d) => isPaddleName(d.name))) {
    const n = normalizePaddleVersion(dist.version);
    if (n === null) {
      warnings.push(`${canonicalName(dist.name)} reports version ${JSON.stringify(dist.version)}, which is not a version; ignored.`);
      continue;
    }
    candidates.push({ dist, ...n });
  }
  if (candidates.length === 0) return { paddle: null, warnings };
  // Path order first (importlib yields one directory after the other), then
  // by name, so the choice does not hang on the file system's listing order.
  const firstSeen = (loc: string | null) => dists.findIndex((d) => d.location === loc);
  candidates.sort(
    (a, b) =>
      firstSeen(a.dist.location) - firstSeen(b.dist.location) ||
      canonicalName(a.dist.name).localeCompare(canonicalName(b.dist.name)) ||
      a.dist.version.localeCompare(b.dist.version),
  );

  let chosen = candidates[0]!;
  if (candidates.length > 1) {
    const fileVersion = await installedVersionFile(chosen.dist.location);
    const fileNorm = fileVersion ? normalizePaddleVersion(fileVersion) : null;
    if (fileNorm) {
      chosen =
        candidates.find((c) => c.version === fileNorm.version) ??
        candidates.find((c) => coreVersion(c.version) === coreVersion(fileNorm.version)) ??
        chosen;
    }
    const list = candidates.map((c) => `${canonicalName(c.dist.name)} ${c.dist.version}`).join(", ");
    warnings.push(
      `${candidates.length} Paddle distributions are installed at once in ${python} (${list}); they share one paddle package, so the last one installed wins. ` +
        `Using ${canonicalName(chosen.dist.name)} ${chosen.dist.version}${fileNorm ? " (matches paddle/version/__init__.py)" : ""}; uninstall the others to be sure.`,
    );
  }

  const paddle: PaddleInfo = {
    version: chosen.version,
    raw: chosen.dist.version,
    distribution: canonicalName(chosen.dist.name),
    python,
    source,
    develop: chosen.develop,
    others: candidates
      .filter((c) => c !== chosen)
      .map((c) => ({ distribution: canonicalName(c.dist.name), raw: c.dist.version, version: c.version })),
  };
  return { paddle, warnings };
}
