// The second pass (helpers that return a converted model) reads again only
// the files that may call one: those read before the helper was known, and
// those that name it. Everything else was checked on its first read.
import { describe, expect, it } from "vitest";
import { HelperCallers } from "../src/engine.js";

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
