// A fork that pins a Paddle older than 2.5 and carries upstream's bare
// full_graph=True (as the standalone RT-DETR tree does): the default run
// finds the pin, guards the keyword, --check fails until then, and --revert
// gives the bare keyword back byte for byte.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTree, runCli } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));

const EXPORT = [
  "import paddle",
  "",
  "",
  "def export(model, save_dir):",
  "    static_model = paddle.jit.to_static(model, full_graph=True)",
  "    paddle.jit.save(static_model, save_dir)",
  "",
].join("\n");

// No interpreter on PATH: the pin is the only source of the Paddle version.
const NO_PYTHON = { PATH: "", VIRTUAL_ENV: "", CONDA_PREFIX: "" };

function fork(requirement: string): string {
  const dir = tempDir("pfgf-fork-");
  temps.push(dir);
  writeTree(dir, { "requirements.txt": `${requirement}\nnumpy\n`, "tools/export_model.py": EXPORT });
  return dir;
}

describe("upstream's bare keyword in a fork pinned to Paddle 2.4.2", () => {
  it("--check fails with the keyword's own code, the run guards it, --revert restores it exactly", () => {
    const dir = fork("paddlepaddle-gpu==2.4.2");
    const check = runCli(["--check", "--json", "."], { cwd: dir, env: NO_PYTHON });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(report.environment.paddle).toMatchObject({ version: "2.4.2", source: "checkout", pin: { bound: "exact" } });
    expect(report.files[0].sites.map((s: { action: string; code: string }) => `${s.action} ${s.code}`)).toEqual(["would-fix upstream/bare-keyword-rejected"]);

    expect(runCli(["."], { cwd: dir, env: NO_PYTHON }).code).toBe(0);
    const fixed = readFileSync(path.join(dir, "tools/export_model.py"), "utf8");
    expect(fixed).toContain("paddle.jit.to_static(model, **(_paddle_full_graph_kwargs()))");
    expect(runCli(["--check", "."], { cwd: dir, env: NO_PYTHON }).code).toBe(0);

    expect(runCli(["--revert", "."], { cwd: dir, env: NO_PYTHON }).code).toBe(0);
    expect(readFileSync(path.join(dir, "tools/export_model.py"), "utf8")).toBe(EXPORT);
  });

  it("a fork pinned to 2.5 or newer keeps its keyword; an unknown Paddle too, with a hint, unless --guard-bare-keyword", () => {
    const newer = fork("paddlepaddle-gpu==2.6.2");
    const kept = JSON.parse(runCli(["--check", "--json", "."], { cwd: newer, env: NO_PYTHON }).stdout);
    expect(kept.files[0].sites[0]).toMatchObject({ action: "already-fixed", code: "already-fixed/upstream-unguarded" });
    expect(kept.files[0].sites[0].reason).toContain("Paddle 2.6.2 accepts it");

    const unknown = fork("numpy>=1.21");
    const blind = runCli(["--check", "--no-detect", "."], { cwd: unknown });
    expect(blind.code).toBe(0);
    expect(blind.stdout).toContain("--guard-bare-keyword");
    const asked = runCli(["--check", "--no-detect", "--guard-bare-keyword", "."], { cwd: unknown });
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain("guarded (--guard-bare-keyword)");
  });
});
