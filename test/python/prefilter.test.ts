// The byte prefilter decides which files are parsed at all: it must pass every
// spelling a call or import can take, and may drop mentions that cannot be one.
import { describe, expect, it } from "vitest";
import { fixBytes } from "../../src/rewrite/fix-bytes.js";
import { mentionsName } from "../../src/python/prefilter.js";

const NAME = Buffer.from("to_static");
const passes = (s: string) => mentionsName(Buffer.from(s), NAME);

describe("mentionsName (byte prefilter)", () => {
  it.each([
    "m = paddle.jit.to_static(model)",
    "from paddle.jit import to_static as ts",
    "from paddle.jit import (\n    to_static,\n)",
    "@to_static\ndef f(): pass",
    "m = to_static(model)",
    "x = [to_static]",
    "to_static(m)",
    "m = pd.jit . to_static(model)",
  ])("passes %j", (src) => expect(passes(src)).toBe(true));

  it.each([
    "model = apply_to_static(cfg, model)",
    "@paddle.jit.not_to_static\ndef f(): pass",
    "parser.add_argument('--to_static', action='store_true')",
    "if cfg.get('to_static', False): pass",
    'flag = "to_static"',
    "to_static_enabled = True",
    "x = 1",
  ])("drops %j", (src) => expect(passes(src)).toBe(false));

  it("a dropped file is reported unchanged without being parsed (even with a syntax error in it)", () => {
    const src = Buffer.from("def broken(:\n    return apply_to_static(cfg, model)\n");
    expect(fixBytes(src)).toMatchObject({ status: "unchanged", sites: [] });
    const parsed = Buffer.from("def broken(:\n    return paddle.jit.to_static(model)\n");
    expect(fixBytes(parsed).status).toBe("skipped");
  });
});

describe("mayContainSite (the same rule on text)", () => {
  it("agrees with the byte prefilter on every sample, including non-ASCII neighbours", async () => {
    const { mayContainSite } = await import("../../src/python/prefilter.js");
    const samples = [
      "m = paddle.jit.to_static(model)",
      "model = apply_to_static(cfg, model)",
      "parser.add_argument('--to_static')",
      "x = 模to_static(m)",
      "# 见 to_static(m)",
      "to_static_enabled = True",
    ];
    for (const s of samples) expect(mayContainSite(s), s).toBe(mentionsName(Buffer.from(s), NAME));
  });
});
