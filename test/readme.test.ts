// The README shows the guard users will find in their files: it must be the
// template's text, not a copy that drifts from it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { loadPatch } from "../src/patches.js";

it("README's guard block is patches/full-graph/guard.py's, line for line", () => {
  const readme = readFileSync(path.resolve(__dirname, "../README.md"), "utf8");
  const { beginMarker, endMarker, source } = loadPatch().guard;
  const start = readme.indexOf(beginMarker);
  const end = readme.indexOf(endMarker, start);
  expect(start).toBeGreaterThan(0);
  expect(readme.slice(start, end + endMarker.length)).toBe(source);
  expect(source.split("\n").length).toBeLessThanOrEqual(16);
});
