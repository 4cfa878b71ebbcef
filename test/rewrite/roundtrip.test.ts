// Property-based: generated modules (every import spelling, call and
// decorator layout, tabs/spaces, CRLF, docstrings, __future__ imports and
// lines that must never change) go through fix, a second fix, and revert.
// Seeded, so a failure reproduces; fast-check prints the shrunk module.
import { diffChars, diffLines } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixBytes, revertBytes } from "../../src/rewrite/fix-bytes.js";
import { firstSyntaxError, parsePython } from "../../src/python/parser.js";
import { modules, negativeModules } from "../helpers/generated-modules.js";
import { pythonSyntaxErrors } from "../helpers/generated-python.js";

const SEED = 20_240_611;
const RUNS = 400;
const options = { path: "export.py", all: true };

/**
 * What a diff says was removed going from `before` to `after`, and what it
 * kept: lines first, then characters inside each changed run of lines
 * (a character diff of whole files is too slow for hundreds of cases).
 */
function diffRemovals(before: string, after: string): { removed: string[]; kept: string } {
  const removed: string[] = [];
  let kept = "";
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; ) {
    if (!parts[i].added && !parts[i].removed) {
      kept += parts[i++].value;
      continue;
    }
    let old = "";
    let neu = "";
    for (; i < parts.length && (parts[i].added || parts[i].removed); i++) {
      if (parts[i].removed) old += parts[i].value;
      else neu += parts[i].value;
    }
    for (const q of diffChars(old, neu)) {
      if (q.removed) removed.push(q.value);
      else if (!q.added) kept += q.value;
    }
  }
  return { removed, kept };
}

function fix(text: string) {
  return fixBytes(Buffer.from(text, "utf8"), options);
}

describe("fix, fix again, revert: generated modules", () => {
  it("the output parses, only inserts, is idempotent, keeps the negatives, and reverts to the input", () => {
    let changed = 0;
    fc.assert(
      fc.property(modules, (m) => {
        const fixed = fix(m.text);
        expect(["changed", "unchanged"]).toContain(fixed.status);
        const after = fixed.bytes.toString("utf8");
        if (fixed.status === "changed") changed++;

        // Parses with no error (tree-sitter here; python3 in the batch test below).
        expect(firstSyntaxError(parsePython(after))).toBeNull();

        // Only insertions, checked by an independent diff.
        const diff = diffRemovals(m.text, after);
        expect(diff.removed).toEqual([]);
        expect(diff.kept).toBe(m.text);

        // A second run changes nothing and finds nothing left to fix.
        const again = fix(after);
        expect(again.bytes.equals(fixed.bytes)).toBe(true);
        expect(again.sites.filter((s) => s.action === "fixed")).toEqual([]);

        // Lines that only mention to_static survive byte for byte.
        for (const negative of m.negatives) expect(after).toContain(negative);

        // Revert gives the input back, byte for byte.
        const reverted = revertBytes(fixed.bytes);
        expect(reverted.bytes.toString("utf8")).toBe(m.text);
        expect(reverted.status).toBe(fixed.status === "changed" ? "changed" : "unchanged");
        expect(reverted.irregular).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must exercise both outcomes.
    expect(changed).toBeGreaterThan(RUNS * 0.8);
  });

  it("modules with only negatives are left byte-identical by fix and by revert", () => {
    fc.assert(
      fc.property(negativeModules, (m) => {
        const bytes = Buffer.from(m.text, "utf8");
        const fixed = fixBytes(bytes, options);
        expect(fixed.status).toBe("unchanged");
        expect(fixed.bytes.equals(bytes)).toBe(true);
        const reverted = revertBytes(bytes);
        expect(reverted.status).toBe("unchanged");
        expect(reverted.bytes.equals(bytes)).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("python3 parses every generated input, its fix and its revert (one batch)", () => {
    const sample = fc.sample(modules, { seed: SEED + 1, numRuns: 300 });
    const sources: string[] = [];
    for (const m of sample) {
      const fixed = fix(m.text);
      sources.push(m.text, fixed.bytes.toString("utf8"), revertBytes(fixed.bytes).bytes.toString("utf8"));
    }
    const errors = pythonSyntaxErrors(sources);
    const failures = errors.flatMap((e, i) => (e ? [{ which: ["input", "fixed", "reverted"][i % 3], error: e, source: sources[i] }] : []));
    expect(failures).toEqual([]);
  });

  it("the diff check can fail: a changed character is seen as removed", () => {
    expect(diffRemovals("f(a, b)\nx = 1\n", "f(a, b, KW)\nx = 1\n")).toEqual({ removed: [], kept: "f(a, b)\nx = 1\n" });
    expect(diffRemovals("f(a, b)\nx = 1\n", "f(a, c, KW)\nx = 1\n").removed).toEqual(["b"]);
  });

  it("the batch check can fail: python3 reports a broken module", () => {
    expect(pythonSyntaxErrors(["x = (1,\n", "x = 1\n"])).toEqual([expect.stringMatching(/at 1:/), null]);
  });
});
