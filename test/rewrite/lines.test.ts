import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, insertion, inTextOrder, positionAfterEdits, positionsAfterEdits, removal, sortedEdits } from "../../src/rewrite/edits.js";
import { LineIndex } from "../../src/rewrite/lines.js";

// The naive reading the index replaces: count the "\n" before an offset.
function naivePosition(text: string, offset: number) {
  const head = text.slice(0, offset);
  return { line: head.split("\n").length, column: offset - (head.lastIndexOf("\n") + 1) + 1 };
}

describe("the line index", () => {
  it("maps every offset to the line and column a scan finds, and back", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "\n", "\r", "é", "\u{1F600}"), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.nat(), (t, pick) => {
        const offset = pick % (t.length + 1);
        const index = new LineIndex(t);
        const at = index.positionOf(offset);
        expect(at).toEqual(naivePosition(t, offset));
        expect(index.offsetOf(at.line, at.column)).toBe(offset);
      }),
    );
  });
});

describe("edits in text order, sorted once", () => {
  it("hands back edits already in order untouched, and sorts the others stably", () => {
    const ordered = [insertion(1, "a"), insertion(1, "b"), removal(2, 4)];
    expect(inTextOrder(ordered)).toBe(ordered);
    const shuffled = [removal(2, 4), insertion(1, "a"), insertion(1, "b")];
    expect(inTextOrder(shuffled)).toEqual(ordered);
    // sortedEdits always gives a new array the caller may change.
    expect(sortedEdits(ordered)).not.toBe(ordered);
    expect(sortedEdits(ordered)).toEqual(ordered);
  });

  it("maps many places at once as it maps each alone", () => {
    const before = "import paddle\n\ndef f():\n    m = to_static(a)\n\ndef g():\n    n = to_static(b)\n";
    const edits = [insertion(before.indexOf("(b)") + 2, ", kw"), insertion(before.indexOf("def f"), "GUARD\n\n"), insertion(before.indexOf("(a)") + 2, ", kw")];
    const after = "import paddle\n\nGUARD\n\ndef f():\n    m = to_static(a, kw)\n\ndef g():\n    n = to_static(b, kw)\n";
    expect(applyEdits(before, edits)).toBe(after);
    const places = [{ line: 7, column: 9 }, { line: 4, column: 9 }, { line: 1, column: 1 }];
    const moved = positionsAfterEdits(before, edits, after, places);
    expect(moved).toEqual([{ line: 9, column: 9 }, { line: 6, column: 9 }, { line: 1, column: 1 }]);
    expect(moved).toEqual(places.map((p) => positionAfterEdits(before, edits, after, p)));
  });
});
