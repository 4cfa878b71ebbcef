// The second pass (helpers that return a converted model) reads again only
// the files that may call one: those read before the helper was known, and
// those that name it. Everything else was checked on its first read.
import { describe, expect, it } from "vitest";
import { HelperCallers } from "../src/engine.js";
import { fixSource, helperUses } from "../src/rewrite/fix-source.js";

describe("HelperCallers", () => {
  it("reads again the files checked before a helper was known, or naming one, or never checked", () => {
    const callers = new HelperCallers(5);
    callers.check(0, Buffer.from("x = convert(model)\n")); // before any helper is known
    callers.learn(["convert"]);
    callers.check(1, Buffer.from("import os\n"));
    callers.check(2, Buffer.from("from export_utils import convert\nconvert(model)\n"));
    // 3 is never checked (a read that failed, a refused file).
    callers.learn(["convert"]); // the same helper again: nothing new to look for
    callers.check(4, Buffer.from("y = 1\n"));
    expect([0, 1, 2, 3, 4].map((j) => callers.mayCall(j))).toEqual([true, false, true, true, false]);
    // A new helper: every file checked before it must be read again.
    callers.learn(["apply_to_static"]);
    expect([0, 1, 2, 3, 4].map((j) => callers.mayCall(j))).toEqual([true, true, true, true, true]);
  });
});

describe("a caller's uses of helpers, read from its first parse", () => {
  const CALLER = [
    "import paddle",
    "from export_utils import convert, other",
    "",
    "",
    "def main(model, out):",
    "    static = convert(model)",
    "    paddle.jit.save(static, out)",
    "    other(model)",
    "    return paddle.jit.to_static(model)",
    "",
  ].join("\n");

  it("are what helperUses reads with a parse of its own, for found and not found helpers alike", () => {
    const asked = ["convert", "other", "absent"];
    const reference = helperUses(CALLER, asked, { path: "tools/caller.py" });
    expect(reference.has("convert")).toBe(true);
    const result = fixSource(CALLER, { path: "tools/caller.py", helperUsesOf: asked });
    expect(result.helperUses).toEqual(reference);
  });

  it("are not read from an excerpt (a big file parsed in part), nor without a parse", () => {
    const fillers = Array.from({ length: 20 }, (_, i) => `def f${i}():\n    return ${i}\n`).join("\n");
    const big = `${CALLER}\n${fillers}`;
    const part = fixSource(big, { path: "c.py", helperUsesOf: ["convert"], partialParseMinChars: 0 });
    expect(part.parsedChars).toBeLessThan(big.length);
    expect(part.helperUses ?? null).toBeNull();
    expect(fixSource(big, { path: "c.py", helperUsesOf: ["convert"] }).helperUses?.has("convert")).toBe(true);
    expect(fixSource("x = convert(1)\n", { path: "c.py", helperUsesOf: ["convert"] }).helperUses ?? null).toBeNull();
  });
});
