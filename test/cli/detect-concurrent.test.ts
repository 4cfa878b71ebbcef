// Detection runs while the files are walked and analysed (issue 16). Its
// failures stay what they were: one line and exit 2, never a stack trace,
// and nothing written, whether it fails before its query (a usage error)
// or in it (an explicit --python whose query fails).
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { cleanup, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

function checkout(): string {
  const dir = tempDir();
  writeTree(dir, { "tools/export_model.py": NEEDY, "ppdet/engine/trainer.py": NEEDY });
  return dir;
}

function unchanged(dir: string): void {
  for (const f of ["tools/export_model.py", "ppdet/engine/trainer.py"]) expect(readFileSync(path.join(dir, f), "utf8")).toBe(NEEDY);
}

describe.skipIf(process.platform === "win32")("a failed detection, now that it runs with the work", () => {
  it.each([
    [["--python", "/nonexistent/python3"], "--python /nonexistent/python3: no such file"],
    [["--paddle-version", "nope"], '--paddle-version "nope" is not a version'],
  ])("before its query (%s): one line, exit 2, nothing written", (flags, message) => {
    const dir = checkout();
    for (const mode of [["--check"], []]) {
      const r = runCli([...mode, ...flags, dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`paddle-fullgraph-fix: ${message}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    }
    unchanged(dir);
  });

  it("in its query (an explicit --python that fails): one line, exit 2, nothing written", () => {
    const dir = checkout();
    const python = path.join(tempDir(), "python3");
    // Fails only after the walk and the analysis have had time to run.
    writeFileSync(python, "#!/bin/sh\nsleep 0.3\necho boom >&2\nexit 3\n");
    chmodSync(python, 0o755);
    const r = runCli(["--python", python, dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not a usable Python 3 interpreter");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    unchanged(dir);
  });
});
