// Issue 13 §4: a helper that returns the converted model, called from
// another module of the checkout that saves the result or reads its program.
// Its own module says nothing of the export, so the site is decided by the
// caller (engine.ts followHelpers); the fixed tree then runs on the stand-in
// Paddle 2.6 and 3.0 where the unfixed one raises.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTree, runCli } from "../helpers/cli.js";
import { disposeFakePaddles, fakePaddlePath } from "../helpers/fake-paddle.js";
import { runPython } from "../helpers/run-python.js";
import { tempDir, writeTree } from "../helpers/temp.js";
import { importsHelper } from "../../src/engine.js";

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
afterAll(disposeFakePaddles);
const tree = (files: Record<string, string>) => {
  const d = tempDir("pfgf-cross-");
  temps.push(d);
  writeTree(d, files);
  return d;
};

const CONVERT = "import paddle\n\n\ndef convert(model, spec=None):\n    return paddle.jit.to_static(model, input_spec=spec)\n";
const READER = [
  "from mypkg.convert import convert",
  "",
  "",
  "def program_of(model):",
  "    static = convert(model)",
  "    return static.forward.main_program",
  "",
].join("\n");
const SAVER = ["import paddle", "import mypkg.convert as conv", "", "", "def save(model, path):", "    static = conv.convert(model)", "    paddle.jit.save(static, path)", ""].join("\n");

describe("a helper's site decided by another module", () => {
  it("a caller that reads the program makes it required; the fixed tree runs where the unfixed one raises", async () => {
    const files = { "mypkg/__init__.py": "", "mypkg/convert.py": CONVERT, "tools/inspect_model.py": READER };
    const d = tree(files);
    const before = tree(files);
    const r = runCli(["--no-detect", "--json", "."], { cwd: d });
    expect(r.code).toBe(0);
    const site = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith("convert.py")).sites[0];
    expect(site).toMatchObject({ action: "fixed", class: "required", code: "required/returned-reads-program" });
    expect(site.reason).toBe("returned by convert to static at tools/inspect_model.py:5, read as static.forward.main_program at tools/inspect_model.py:6");
    expect(readFileSync(path.join(d, "mypkg/convert.py"), "utf8")).toContain("paddle.jit.to_static(model, input_spec=spec, **_paddle_full_graph_kwargs())");
    expect(runCli(["--check", "--no-detect", "."], { cwd: d }).code).toBe(0);

    const probe = "import sys\nsys.path.insert(0, sys.argv[1])\nimport paddle\nfrom tools.inspect_model import program_of\nclass Net(paddle.nn.Layer):\n    def forward(self, x):\n        return x\nprogram_of(Net())\nprint('read')\n";
    writeTree(d, { "probe.py": probe, "tools/__init__.py": "" });
    writeTree(before, { "tools/__init__.py": "" });
    for (const release of ["2.6", "3.0"]) {
      const fixed = await runPython({ cwd: d, args: ["probe.py", d], pythonPath: [await fakePaddlePath(release)] });
      expect([release, fixed.stdout.trim(), fixed.stderr]).toEqual([release, "read", ""]);
      const unfixed = await runPython({ cwd: d, args: ["probe.py", before], pythonPath: [await fakePaddlePath(release)] });
      expect(unfixed.stderr).toContain("Can't call main_program when full_graph=False");
    }
  });

  it("a caller that saves it, through its module, makes it an export; --check sees it too", () => {
    const d = tree({ "mypkg/__init__.py": "", "mypkg/convert.py": CONVERT, "deploy/save_model.py": SAVER });
    const check = runCli(["--check", "--no-detect", "--json", "."], { cwd: d });
    expect(check.code).toBe(1);
    const site = JSON.parse(check.stdout).files.find((f: { path: string }) => f.path.endsWith("convert.py")).sites[0];
    expect(site).toMatchObject({ action: "would-fix", code: "export/returned-saved" });
    expect(site.reason).toMatch(/^returned by convert to static at deploy\/save_model\.py:6, saved with paddle\.jit\.save at deploy\/save_model\.py:7$/);
  });

  it("a caller that only runs the model, or one that calls another module's helper of that name, decides nothing", () => {
    const runner = "from mypkg.convert import convert\n\n\ndef run(model, x):\n    static = convert(model)\n    return static(x)\n";
    const other = "import paddle\nfrom elsewhere.tools import convert\n\n\ndef save(model, path):\n    static = convert(model)\n    paddle.jit.save(static, path)\n";
    const d = tree({ "mypkg/__init__.py": "", "mypkg/convert.py": CONVERT, "tools/run.py": runner, "tools/other.py": other });
    const r = runCli(["--no-detect", "--json", "."], { cwd: d });
    expect(r.code).toBe(0);
    const site = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith("convert.py")).sites[0];
    expect(site).toMatchObject({ action: "skipped", code: "other/not-on-export-path" });
    expect(readFileSync(path.join(d, "mypkg/convert.py"), "utf8")).toBe(CONVERT);
  });
});

describe("importsHelper", () => {
  it.each([
    ["from mypkg.convert import convert", true],
    ["from .convert import convert", true],
    ["from mypkg.convert import (\n    other,\n    convert,\n)", true],
    ["import mypkg.convert as c\nc.convert(m)", true],
    ["from mypkg import convert as cv\ns = cv.convert(m)", true],
    ["from mypkg.other import convert", false],
    ["import mypkg.convert", false],
  ])("%j -> %s", (text, expected) => {
    expect(importsHelper(text, "convert", "convert")).toBe(expected);
  });
});
