// Loads a patch (what the tool knows, kept as data under patches/<id>/).
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "./files/package-root.js";

export interface GuardSpec {
  /** Python source of the guard block, begin and end marker lines included. */
  source: string;
  function: string;
  beginMarker: string;
  endMarker: string;
}

export interface Patch {
  id: string;
  title: string;
  summary: string;
  callee: string;
  calleeAliases: string[];
  saveCallees: string[];
  keyword: string;
  value: string;
  sotAttributes: string[];
  guard: GuardSpec;
  links: string[];
}

/** patches/ sits next to dist/ and src/ in the package. */
export const PATCHES_DIR = path.join(packageRoot(), "patches") + path.sep;

const cache = new Map<string, Patch>();

export function loadPatch(id = "full-graph"): Patch {
  const cached = cache.get(id);
  if (cached) return cached;
  const dir = path.join(PATCHES_DIR, id);
  const data = JSON.parse(readFileSync(path.join(dir, "patch.json"), "utf8"));
  const template = readFileSync(path.join(dir, data.guard.template), "utf8");
  const patch: Patch = {
    ...data,
    guard: {
      function: data.guard.function,
      beginMarker: data.guard.beginMarker,
      endMarker: data.guard.endMarker,
      source: extractGuardBlock(template, data.guard.beginMarker, data.guard.endMarker),
    },
  };
  cache.set(id, patch);
  return patch;
}

/** The part of the template file between (and including) the marker lines. */
export function extractGuardBlock(template: string, begin: string, end: string): string {
  const lines = template.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.indexOf(begin);
  const last = lines.indexOf(end);
  if (first < 0 || last < first) {
    throw new Error(`guard template lacks its marker lines (${begin} … ${end})`);
  }
  return lines.slice(first, last + 1).join("\n");
}
