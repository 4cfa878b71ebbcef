// The writer's temp-file names: what it writes parses back to the file and
// the pid, and nothing a user could plausibly name a file is taken for one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTempName, tempName } from "../../src/files/temp-name.js";

const HEX = "3653147114f1";

describe("tempName / parseTempName", () => {
  it("names the target and the writing process", () => {
    expect(tempName("trainer.py", 4242, HEX)).toBe(".trainer.py.pfgf-4242-3653147114f1.tmp");
    expect(parseTempName(".trainer.py.pfgf-4242-3653147114f1.tmp")).toEqual({ target: "trainer.py", pid: 4242 });
  });

  it("reads 0.1.x's pid-less names as ours, with no pid", () => {
    expect(parseTempName(".trainer.py.pfgf-3653147114f1.tmp")).toEqual({ target: "trainer.py", pid: null });
    // twelve decimal digits are hex digits too: still the old form, not a pid
    expect(parseTempName(".a.py.pfgf-123456789012.tmp")).toEqual({ target: "a.py", pid: null });
  });

  it("targets with dots, spaces, unicode and a leading dot round-trip", () => {
    for (const target of [".hidden.py", "a b.py", "模型.py", "x.pfgf-1-3653147114f1.tmp", "-", "a\nb.py"]) {
      expect(parseTempName(tempName(target, 7, HEX))).toEqual({ target, pid: 7 });
    }
  });

  it("never matches a user's file", () => {
    const users = [
      ".trainer.py.tmp",
      "x.pfgf-abc.tmp.py",
      "trainer.py.pfgf-4242-3653147114f1.tmp", // no leading dot
      ".trainer.py.pfgf-4242-3653147114f1.tmp~",
      ".trainer.py.pfgf-4242-3653147114f1.tmp.py",
      ".trainer.py.pfgf-4242-3653147114f1.TMP",
      ".trainer.py.pfgf-4242-3653147114F1.tmp", // upper-case hex is not written
      ".trainer.py.pfgf-4242-3653147114f.tmp", // 11 hex digits
      ".trainer.py.pfgf-4242-3653147114f12.tmp", // 13
      ".trainer.py.pfgf-3653147114f.tmp",
      ".trainer.py.pfgf-abc.tmp",
      ".trainer.py.pfgf--3653147114f1.tmp",
      ".trainer.py.pfgf-0-3653147114f1.tmp", // pid 0 is the process group, never a writer
      ".trainer.py.pfgf--1-3653147114f1.tmp",
      ".trainer.py.pfgf-04242-3653147114f1.tmp", // a pid has no leading zero
      ".trainer.py.pfgf-2147483648-3653147114f1.tmp", // larger than any pid
      ".trainer.py.pfgf-12345678901-3653147114f1.tmp",
      ".trainer.py.pfgf-4242-3653147114f1-x.tmp",
      ".trainer.py.PFGF-4242-3653147114f1.tmp",
      ".trainer.py-pfgf-4242-3653147114f1.tmp",
      ".pfgf-4242-3653147114f1.tmp", // no target
      "..pfgf-4242-3653147114f1.tmp",
      ".trainer.py.pfgf-4242-3653147114f1.tmp/x",
      "trainer.py",
      ".trainer.py.swp",
      "",
    ];
    for (const name of users) expect({ name, parsed: parseTempName(name) }).toEqual({ name, parsed: null });
  });

  it("what parses is exactly a name tempName writes (or 0.1.x wrote): no partial matches", () => {
    const piece = fc.constantFrom(".", "pfgf", "-", "tmp", "py", "0", "1", "4242", HEX, "a", "F", "\n", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join("")), (name) => {
        const parsed = parseTempName(name);
        if (!parsed) return;
        const random = name.slice(-16, -4);
        const rebuilt = parsed.pid === null ? `.${parsed.target}.pfgf-${random}.tmp` : tempName(parsed.target, parsed.pid, random);
        expect(rebuilt).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });

  it("any target, pid and random part round-trip", () => {
    const target = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes("/"));
    const pid = fc.integer({ min: 1, max: 2 ** 31 - 1 });
    const random = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => Buffer.from(b).toString("hex"));
    fc.assert(fc.property(target, pid, random, (t, p, r) => void expect(parseTempName(tempName(t, p, r))).toEqual({ target: t, pid: p })));
  });

  it("refuses to build a name that would not parse back", () => {
    expect(() => tempName("a.py", 0, HEX)).toThrow(RangeError);
    expect(() => tempName("a.py", 2 ** 31, HEX)).toThrow(RangeError);
    expect(() => tempName("a.py", 1.5, HEX)).toThrow(RangeError);
    expect(() => tempName("a.py", 1, "ABCDEF012345")).toThrow(RangeError);
    expect(() => tempName("a.py", 1, "abc")).toThrow(RangeError);
  });
});
