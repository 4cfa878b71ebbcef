import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, editedSpans, insertion, overlapProblem, positionAfterEdits, removal } from "../../src/rewrite/edits.js";
import { fixBytes, onlyEdited, revertBytes } from "../../src/rewrite/fix-bytes.js";
import { decodeSource } from "../../src/files/encoding.js";

describe("the one applier", () => {
  it("makes insertions and removals in text order, whatever order they come in", () => {
    const text = "abcdef";
    const edits = [removal(4, 5), insertion(1, "XY"), insertion(1, "Z")];
    expect(applyEdits(text, edits)).toBe("aXYZbcdf");
    expect(editedSpans(edits)).toEqual([
      { start: 1, end: 3 },
      { start: 3, end: 4 },
      { start: 7, end: 7 },
    ]);
  });

  it("finds overlapping edits", () => {
    expect(overlapProblem([removal(0, 3), removal(2, 4)])).toMatch(/overlapping/);
    expect(overlapProblem([removal(0, 2), removal(2, 4), insertion(4, "x")])).toBeNull();
  });
});

describe("a place before the edits, found after them (the report's written positions)", () => {
  it("moves with every edit at or before it, lines and columns alike, CRLF and astral characters included", () => {
    const before = "import paddle\r\n\r\ns = to_static(m)  # \u{1F600}\r\nt = to_static(n)\r\n";
    const guard = "GUARD\r\nBLOCK\r\n";
    const edits = [insertion(before.indexOf("s = "), guard), insertion(before.indexOf("(m)") + 2, ", kw"), insertion(before.indexOf("(n)") + 2, ", kw")];
    const after = applyEdits(before, edits);
    expect(positionAfterEdits(before, edits, after, { line: 3, column: 5 })).toEqual({ line: 5, column: 5 });
    expect(positionAfterEdits(before, edits, after, { line: 4, column: 5 })).toEqual({ line: 6, column: 5 });
    expect(positionAfterEdits(before, edits, after, { line: 1, column: 1 })).toEqual({ line: 1, column: 1 });
    // A place after an insertion on its own line moves right.
    expect(positionAfterEdits(before, edits, after, { line: 3, column: 17 })).toEqual({ line: 5, column: 21 });
  });

  it("points at the same characters after any set of insertions", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "\n", "\r", "é", "\u{1F600}"), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.string({ unit: fc.constantFrom("x", "\n", "é"), maxLength: 6 })), { maxLength: 5 }), fc.nat(), (before, raw, pick) => {
        const edits = raw.map(([at, t]) => insertion(at % (before.length + 1), t));
        const after = applyEdits(before, edits);
        const offset = pick % (before.length + 1);
        const lineStart = before.slice(0, offset).lastIndexOf("\n") + 1;
        const at = { line: before.slice(0, offset).split("\n").length, column: offset - lineStart + 1 };
        const moved = positionAfterEdits(before, edits, after, at);
        const afterLines = after.split("\n");
        const afterOffset = afterLines.slice(0, moved.line - 1).reduce((n, l) => n + l.length + 1, 0) + moved.column - 1;
        // The rest of the text from that place on is the same characters, with only the later insertions in between.
        const later = edits.filter((e) => e.start > offset).map((e) => ({ ...e, start: e.start - offset, end: e.end - offset }));
        expect(after.slice(afterOffset)).toBe(applyEdits(before.slice(offset), later));
      }),
    );
  });
});

describe("one byte proof for fix and revert", () => {
  // Two blank lines before a def: the count revert restores exactly (see src/rewrite/guard.ts).
  const lines = ["\ufeffimport paddle", "", "", "def export(net):", "    # caf\u00e9", "    m = paddle.jit.to_static(net)", "    paddle.jit.save(m, 'out')", ""];
  const original = Buffer.from(lines.join("\r\n"), "utf8");

  it("a fix then its revert give back the original bytes, BOM and CRLF included", () => {
    const fixed = fixBytes(original, { path: "export.py" });
    expect(fixed.status).toBe("changed");
    const reverted = revertBytes(fixed.bytes);
    expect(reverted.status).toBe("changed");
    expect(reverted.bytes.equals(original)).toBe(true);
  });
});

describe("onlyEdited, the byte proof itself", () => {
  // Multi-byte characters on both sides of the edits: offsets are UTF-16, the proof is in bytes.
  const decoded = decodeSource(Buffer.from("caf\u00e9 = f(a)  # \u00e9t\u00e9\n", "utf8"));
  if (!decoded.ok) throw new Error("UTF-8 text should decode");

  it("accepts exactly the edits, in the file's encoding", () => {
    const edits = [insertion(10, ", k"), removal(0, 1)];
    const after = decoded.encode(applyEdits(decoded.text, edits));
    expect(onlyEdited(decoded, decoded.encode(decoded.text), after, edits)).toBeNull();
  });

  it("refuses a byte changed outside the edits, and an edit that landed elsewhere", () => {
    const before = decoded.encode(decoded.text);
    const edits = [insertion(10, ", k")];
    const after = decoded.encode(applyEdits(decoded.text, edits));
    const touched = Buffer.from(after);
    touched[0] = "C".charCodeAt(0);
    expect(onlyEdited(decoded, before, touched, edits)).toMatch(/bytes other than the planned edits/);
    const moved = decoded.encode(applyEdits(decoded.text, [insertion(9, ", k")]));
    expect(onlyEdited(decoded, before, moved, edits)).not.toBeNull();
  });
});
