// A 20 MB generated module (weights as bytes literals, thousands of small
// functions, one export call at the very end) goes through a normal run next
// to an ordinary file, and through --revert. No time limit is asserted: the
// test passing at all within the suite's timeout is the point.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixPaths } from "../../src/engine.js";
import { cleanup, KW, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

function generated(bytes: number): string {
  const parts = ["# Generated file: do not edit.\nimport paddle\n\n"];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const s =
      i % 10 === 9
        ? `def layer_${i}(x):\n    return x * ${i} + paddle.ones([${(i % 7) + 1}])\n\n\n`
        : `WEIGHTS_${i} = b"${"\\x00\\x7f".repeat(250)}"\nNAMES_${i} = ("conv_${i}", "bn_${i}", "relu_${i}")\n`;
    parts.push(s);
    size += s.length;
  }
  parts.push("\ndef export(model, spec, path):\n    static = paddle.jit.to_static(model, input_spec=spec)\n    paddle.jit.save(static, path)\n");
  return parts.join("");
}

describe("a 20 MB generated .py", () => {
  it("is fixed (guard after the imports, keyword at the end), the other file too, and reverts exactly", async () => {
    const dir = tempDir();
    const big = generated(20 * 1024 * 1024);
    writeTree(dir, { "big.py": big, "small.py": NEEDY });

    const report = await fixPaths([dir], { cwd: dir });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ["big.py", "changed"],
      ["small.py", "changed"],
    ]);
    const out = readFileSync(path.join(dir, "big.py"), "utf8");
    expect(out.length).toBeGreaterThan(big.length);
    expect(out.endsWith(`to_static(model, input_spec=spec, ${KW})\n    paddle.jit.save(static, path)\n`)).toBe(true);

    const reverted = await fixPaths([dir], { cwd: dir, revert: true });
    expect(reverted.summary.changed).toBe(2);
    expect(readFileSync(path.join(dir, "big.py"), "utf8") === big).toBe(true);
    expect(readFileSync(path.join(dir, "small.py"), "utf8")).toBe(NEEDY);
  }, 180_000);
});
