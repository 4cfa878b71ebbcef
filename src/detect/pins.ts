/**
 * What a checkout pins Paddle to, for when no Paddle is installed or given:
 * requirements*.txt at its root, then setup.py's install_requires, then
 * pyproject.toml's dependencies (static reads, never executed).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { PaddleInfo } from "../model.js";
import { normalizePaddleVersion } from "./versions.js";
import { paddlePinFromRequirements, paddlePinFromStrings, type PaddlePin } from "./version-files.js";

const LIMIT = 1024 * 1024;

async function readSmall(file: string): Promise<string | null> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile() || stat.size > LIMIT) return null;
  return fs.readFile(file, "utf8").catch(() => null);
}

/** `requirements.txt` first, then the other `requirements*.txt` by name. */
async function requirementFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const found = names.filter((n) => /^requirements[\w.-]*\.txt$/i.test(n)).sort();
  return [...found.filter((n) => n.toLowerCase() === "requirements.txt"), ...found.filter((n) => n.toLowerCase() !== "requirements.txt")];
}

/** The first Paddle pin in the folders (the checkout root, then the toolkit's base), with the file it came from. */
export async function findPaddlePin(dirs: readonly string[]): Promise<{ pin: PaddlePin; file: string } | null> {
  for (const dir of [...new Set(dirs)]) {
    for (const name of await requirementFiles(dir)) {
      const text = await readSmall(path.join(dir, name));
      const pin = text === null ? null : paddlePinFromRequirements(text);
      if (pin) return { pin, file: path.join(dir, name) };
    }
    for (const name of ["setup.py", "pyproject.toml"]) {
      const text = await readSmall(path.join(dir, name));
      const pin = text === null ? null : paddlePinFromStrings(text);
      if (pin) return { pin, file: path.join(dir, name) };
    }
  }
  return null;
}

/** PaddleInfo for a pin, or null when the pin names no comparable version. */
export function paddleFromPin(found: { pin: PaddlePin; file: string }, root: string): PaddleInfo | null {
  const n = normalizePaddleVersion(found.pin.raw);
  if (n === null) return null;
  const file = path.relative(root, found.file).split(path.sep).join("/") || path.basename(found.file);
  return {
    version: n.version,
    raw: found.pin.raw,
    distribution: found.pin.requirement.match(/^[A-Za-z0-9_-]+/)?.[0].toLowerCase() ?? null,
    python: null,
    source: "checkout",
    develop: n.develop,
    others: [],
    pin: { file, requirement: found.pin.requirement, bound: found.pin.bound },
  };
}
