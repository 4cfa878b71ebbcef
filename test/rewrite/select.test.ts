import { describe, expect, it } from "vitest";
import type { Applicability, Fix } from "../../src/model.js";
import { selectFix } from "../../src/rewrite/select.js";
import { fixSource } from "../../src/rewrite/fix-source.js";

const fix = (applicability: Applicability): Fix => ({ edits: [{ start: 0, end: 0, text: "x" }], shared: [], applicability });

describe("selectFix", () => {
  it("applies safe fixes, unsafe ones only when asked, display-only ones never", () => {
    expect(selectFix(fix("safe"), 1, {})).toEqual({ apply: true });
    expect(selectFix(fix("unsafe"), 1, {})).toEqual({ apply: false });
    expect(selectFix(fix("unsafe"), 1, { unsafe: true })).toEqual({ apply: true });
    expect(selectFix(fix("display-only"), 1, { unsafe: true })).toEqual({ apply: false });
  });

  it("promotes the lines a traceback led to, and only those", () => {
    const promoted = new Map([[3, "the traceback's export call reaches it"]]);
    expect(selectFix(fix("unsafe"), 3, { promoted })).toEqual({ apply: true, promotedBecause: "the traceback's export call reaches it" });
    expect(selectFix(fix("unsafe"), 4, { promoted })).toEqual({ apply: false });
    expect(selectFix(fix("display-only"), 3, { promoted })).toEqual({ apply: false });
  });
});

describe("fixSource's sites follow the selection", () => {
  const source = [
    "import paddle",
    "def train(net):",
    "    return paddle.jit.to_static(net)",
    "def export(net):",
    "    paddle.jit.to_static(net, **kw)",
    "    paddle.jit.save(paddle.jit.to_static(net), 'out')",
    "",
  ].join("\n");

  it("skips the unsafe site, shows the display-only one, fixes the safe one", () => {
    const result = fixSource(source, { path: "tools/x.py" });
    expect(result.sites.map((s) => [s.line, s.action, s.code])).toEqual([
      [3, "skipped", "other/training-helper"],
      [5, "needs-review", "needs-review/forwards-kwargs"],
      [6, "fixed", "export/passed-to-save"],
    ]);
  });

  it("--all applies the unsafe fix too, never the display-only one", () => {
    const result = fixSource(source, { path: "tools/x.py", all: true });
    expect(result.sites.map((s) => s.action)).toEqual(["fixed", "needs-review", "fixed"]);
    expect(result.edits.filter((e) => e.text.includes("**_paddle_full_graph_kwargs()"))).toHaveLength(2);
  });

  it("a promoted line is fixed with the traceback's reason and code", () => {
    const result = fixSource(source, { path: "tools/x.py", force: new Map([[3, "traced"]]) });
    expect(result.sites[0]).toMatchObject({ action: "fixed", code: "traceback/traced", reason: "traced" });
  });
});
