import { describe, expect, it } from "vitest";
import { applyEdits, editedSpans, insertion, overlapProblem, removal } from "../../src/rewrite/edits.js";
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
