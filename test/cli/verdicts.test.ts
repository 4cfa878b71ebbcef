// Verdicts that never overstate: a chosen full_graph=False whose program is
// read still fails --check; an empty run and a run on one file of a known
// checkout say so on stderr.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTree, runCli, ROOT } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/temp.js";
import { disposeFakePaddles, fakePaddlePath } from "../helpers/fake-paddle.js";
import { runPython } from "../helpers/run-python.js";

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
afterAll(disposeFakePaddles);
const dir = (files: Record<string, string>) => {
  const d = tempDir("pfgf-verdicts-");
  temps.push(d);
  writeTree(d, files);
  return d;
};

describe("verdicts", () => {
  it("full_graph=False with a program read: --check exits 1 and doctor says the export will fail, but nothing is edited", () => {
    const source = "import paddle\n\n\ndef export(net):\n    s = paddle.jit.to_static(net, full_graph=False)\n    return s.forward.main_program\n";
    const d = dir({ "export.py": source });
    const check = runCli(["--check", "--no-detect", "--json", "."], { cwd: d });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).files[0].sites[0]).toMatchObject({ action: "needs-review", code: "needs-review/full-graph-false-read" });
    expect(runCli(["--no-detect", "."], { cwd: d }).code).toBe(0);
    expect(readFileSync(path.join(d, "export.py"), "utf8")).toBe(source);
    const doctor = runCli(["doctor", "--paddle-version", "3.0", "."], { cwd: d });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/^Export: {4}WILL hit the error with Paddle 3\.0\.0: 1 unfixed call site reads the converted program\.$/m);
    expect(doctor.stdout).toMatch(/^Review: {4}1 call passes full_graph=False yet reads the converted program/m);
  });

  it("--fix-full-graph-false changes that False to True; the program read then works on 2.6 and 3.0 (stand-ins)", async () => {
    const source = "import paddle\n\n\ndef export(net):\n    s = paddle.jit.to_static(net, full_graph=False)\n    return s.forward.main_program\n";
    const d = dir({ "export.py": source });
    const fixed = runCli(["--no-detect", "--fix-full-graph-false", "--json", "."], { cwd: d });
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).files[0].sites[0]).toMatchObject({ action: "fixed", code: "required/full-graph-false-overridden" });
    const after = readFileSync(path.join(d, "export.py"), "utf8");
    expect(after).toBe(source.replace("full_graph=False", "full_graph=True"));
    expect(runCli(["--check", "--no-detect", "."], { cwd: d }).code).toBe(0);
    const probe = "import sys\nsys.path.insert(0, sys.argv[1])\nimport paddle, export\nclass Net(paddle.nn.Layer):\n    def forward(self, x):\n        return x\nexport.export(Net())\nprint('read')\n";
    writeTree(d, { "probe.py": probe, "before/export.py": source });
    for (const release of ["2.6", "3.0"]) {
      const ok = await runPython({ cwd: d, args: ["probe.py", d], pythonPath: [await fakePaddlePath(release)] });
      expect([release, ok.stdout.trim()]).toEqual([release, "read"]);
      const raised = await runPython({ cwd: d, args: ["probe.py", path.join(d, "before")], pythonPath: [await fakePaddlePath(release)] });
      expect(raised.stderr).toContain("Can't call main_program when full_graph=False");
    }
  });

  it("a run that scans no Python file says so on stderr", () => {
    const d = dir({ "README.md": "nothing here\n" });
    const r = runCli(["--no-detect", "."], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^paddle-fullgraph-fix: no Python file was scanned in \. /m);
  });

  it("one file of a recognised checkout holding no call: where the export calls are, and the command for the root", () => {
    const r = runCli(["--check", "--paddle-version", "3.0", "tools/export_model.py"], { cwd: path.join(ROOT, "fixtures/checkouts/ppdet-2.7/input") });
    expect(r.stderr).toContain(
      "paddle-fullgraph-fix: tools/export_model.py holds no paddle.jit.to_static call; PaddleDetection's export calls live in its ppdet/ package (ppdet/engine/trainer.py and its siblings): run on the checkout root: paddle-fullgraph-fix .",
    );
    const named = runCli(["--check", "--paddle-version", "3.0", "ppdet/engine/trainer.py"], { cwd: path.join(ROOT, "fixtures/checkouts/ppdet-2.7/input") });
    expect(named.stderr).not.toContain("holds no");
  });
});
