// The tool never executes or imports checkout code, in any mode, and never
// writes outside the paths it is given. Every planted file writes a marker
// when executed or imported; the checkout is also the working directory,
// PYTHONPATH and PYTHONSTARTUP, so any interpreter started carelessly would
// pick them up.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { cleanup, hashes, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

function marker(markers: string, name: string): string {
  return `import os\nopen(${JSON.stringify(path.join(markers, name))}, "w").close()\n`;
}

function plant(markers: string): string {
  const root = path.join(tempDir(), "PaddleDetection");
  writeTree(root, {
    "setup.py": `${marker(markers, "setup.py")}PPDET_VERSION = "2.6.0"\n`,
    "sitecustomize.py": marker(markers, "sitecustomize"),
    "usercustomize.py": marker(markers, "usercustomize"),
    "paddle/__init__.py": `${marker(markers, "paddle")}__version__ = "2.6.2"\n`,
    "paddle/jit/__init__.py": `${marker(markers, "paddle.jit")}def to_static(f=None, **kw):\n    return f\n`,
    "ppdet/__init__.py": marker(markers, "ppdet"),
    "ppdet/engine/trainer.py": `${marker(markers, "trainer")}${NEEDY}`,
    "tools/export_model.py": `${marker(markers, "export_model")}${NEEDY}`,
  });
  return root;
}

const MODES: string[][] = [
  [],
  ["--check"],
  ["--dry-run"],
  ["--json"],
  ["--format", "github"],
  ["--all"],
  ["--revert", "--check"],
  ["--revert", "--dry-run"],
  ["--revert"],
  [], // fix again after the revert
];

describe("no checkout code runs, in any mode", () => {
  it("leaves no marker after every mode, on paths and on stdin", () => {
    const markers = tempDir("pfgf-markers-");
    const root = plant(markers);
    const env = { PYTHONPATH: root, PYTHONSTARTUP: path.join(root, "setup.py") };
    for (const args of MODES) {
      const r = runCli([...args, "."], { cwd: root, env });
      expect([0, 1], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      expect(readdirSync(markers), args.join(" ")).toEqual([]);
    }
    for (const args of [["-"], ["--check", "-"], ["--revert", "-"], ["--dry-run", "--stdin-filename", "setup.py", "-"]]) {
      const r = runCli(args, { cwd: root, env, input: readFileSync(path.join(root, "tools/export_model.py"), "utf8") });
      expect([0, 1], args.join(" ")).toContain(r.code);
    }
    // The detector did run (an interpreter was asked), and still nothing ran.
    expect(runCli(["--check", "."], { cwd: root, env }).stdout).toMatch(/PaddleDetection 2\.6\.0/);
    expect(readdirSync(markers)).toEqual([]);
  });

  it("the planted files would write their markers if they were run (the test can fail)", () => {
    const markers = tempDir("pfgf-markers-");
    const root = plant(markers);
    execFileSync("python3", [path.join(root, "setup.py")], { cwd: root });
    execFileSync("python3", ["-c", "import paddle"], { cwd: root });
    expect(readdirSync(markers).sort()).toEqual(["paddle", "setup.py"]);
  });
});

describe("writes stay inside the given paths", () => {
  it("naming a subfolder leaves its siblings, and files behind symlinks out of it, untouched", () => {
    const markers = tempDir("pfgf-markers-");
    const root = plant(markers);
    const outside = tempDir("pfgf-outside-");
    writeTree(outside, { "victim.py": NEEDY, "pkg/victim.py": NEEDY });
    symlinkSync(path.join(outside, "victim.py"), path.join(root, "ppdet/engine/linked.py"));
    symlinkSync(path.join(outside, "pkg"), path.join(root, "ppdet/engine/linked-pkg"));
    symlinkSync(path.join(root, "tools/export_model.py"), path.join(root, "ppdet/engine/sibling.py"));
    const before = hashes(root);
    const beforeOutside = hashes(outside);

    const r = runCli(["--no-detect", "ppdet"], { cwd: root });
    // The links out of the named folder could not be checked: exit 2, after the rest is fixed.
    expect(r.code).toBe(2);
    const after = hashes(root);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toEqual(["ppdet/engine/trainer.py"]);
    expect(hashes(outside)).toEqual(beforeOutside);
    expect(r.stdout).toMatch(/ppdet\/engine\/linked\.py {2}error {2}symlink to .*victim\.py, outside .*; not followed/);
    expect(r.stdout).toMatch(/ppdet\/engine\/sibling\.py {2}error {2}symlink to .*export_model\.py, outside/);
    // No stray files either: only what was there before.
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(existsSync(path.join(markers, "trainer"))).toBe(false);
  });
});
