// SIGINT/SIGTERM mid-run: no new file is started, a file already read is
// abandoned whole unless its write began (then that write completes), the
// report lists what was done, and every file is wholly old or wholly new.
// The engine side is driven deterministically through the abort signal the
// CLI wires the signals to; the CLI side sends real signals once the process
// shows (in /proc) that it has installed its handlers.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixPaths } from "../../src/engine.js";
import { fixBytes } from "../../src/rewrite/fix-bytes.js";
import { CLI } from "../helpers/cli.js";
import { cleanup, faultyFs, leftoverTemps, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

const FIXED = fixBytes(Buffer.from(NEEDY), { path: "mod.py" }).bytes.toString();

function tree(n: number): string {
  const dir = tempDir();
  writeTree(dir, Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${String(i).padStart(3, "0")}.py`, NEEDY])));
  return dir;
}

/** Each file is exactly the original or exactly the fixed text: never anything else. */
function states(dir: string, n: number): { old: string[]; fixed: string[] } {
  const out = { old: [] as string[], fixed: [] as string[] };
  for (let i = 0; i < n; i++) {
    const rel = `m${String(i).padStart(3, "0")}.py`;
    const text = readFileSync(path.join(dir, rel), "utf8");
    if (text === NEEDY) out.old.push(rel);
    else if (text === FIXED) out.fixed.push(rel);
    else throw new Error(`${rel} is neither old nor new`);
  }
  return out;
}

describe("fixPaths with an abort signal", () => {
  it("stops starting files, abandons those not yet being written, reports the done ones", async () => {
    const n = 60;
    const dir = tree(n);
    const controller = new AbortController();
    let renames = 0;
    // The signal arrives right after the third file has been written.
    const fs = faultyFs({
      rename: () => {
        if (++renames === 3) queueMicrotask(() => controller.abort("SIGINT"));
      },
    });
    const report = await fixPaths([dir], { cwd: dir, fs, signal: controller.signal });

    const disk = states(dir, n);
    const changed = report.files.filter((f) => f.status === "changed").map((f) => f.path);
    expect(changed.sort()).toEqual(disk.fixed);
    expect(disk.fixed.length).toBeGreaterThanOrEqual(3);
    expect(disk.old.length).toBeGreaterThan(0);
    expect(report.interrupted).toEqual({ signal: "SIGINT", notStarted: expect.any(Number) });
    expect(report.interrupted!.notStarted).toBeGreaterThan(0);
    // Read but not yet written when the signal came: reported, left alone.
    const abandoned = report.files.filter((f) => f.status === "skipped");
    for (const f of abandoned) expect(f).toMatchObject({ code: "file/interrupted", reason: "interrupted (SIGINT) before it was written; left alone" });
    expect(changed.length + abandoned.length + report.interrupted!.notStarted).toBe(n);
    expect(report.summary.files).toBe(n - report.interrupted!.notStarted);
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("a write under way when the signal comes completes (wholly new, reported changed)", async () => {
    const dir = tree(1);
    const controller = new AbortController();
    const fs = faultyFs({ rename: () => void controller.abort("SIGTERM") });
    const report = await fixPaths([dir], { cwd: dir, fs, signal: controller.signal });
    expect(report.files).toEqual([expect.objectContaining({ path: "m000.py", status: "changed" })]);
    expect(states(dir, 1).fixed).toEqual(["m000.py"]);
    expect(report.interrupted).toBeUndefined(); // nothing was left unstarted
  });

  it("aborted before the run: nothing is read or written", async () => {
    const dir = tree(5);
    const controller = new AbortController();
    controller.abort("SIGTERM");
    const report = await fixPaths([dir], { cwd: dir, signal: controller.signal });
    expect(report.files).toEqual([]);
    expect(report.interrupted).toEqual({ signal: "SIGTERM", notStarted: 5 });
    expect(states(dir, 5).old).toHaveLength(5);
  });
});

// ---------------------------------------------------------------- the CLI
//
// Node catches SIGINT and SIGTERM from start-up (so /proc's SigCgt cannot
// tell when our handler is in place). The run is gated instead: a stand-in
// interpreter given as --python marks a file when the detector starts it and
// then waits before handing over to the real python3; the CLI installs its handlers before detection, so the signal
// sent after that mark lands mid-run, deterministically. Detection runs
// alongside the walk and reads, and no file is written before it ends, so
// the signal finds every file not started or read and waiting: none is
// written (which of the two depends on how far the walk got).

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

async function waitFor(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 10));
}

async function interruptDuringDetection(dir: string, args: string[], signal: "SIGINT" | "SIGTERM"): Promise<Exit> {
  const gateDir = tempDir();
  const started = path.join(gateDir, "started");
  const go = path.join(gateDir, "go");
  const python = path.join(gateDir, "python3");
  const real = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  const script = `#!/bin/sh\ntouch '${started}'\nwhile [ ! -e '${go}' ]; do sleep 0.01; done\nexec '${real}' "$@"\n`;
  writeFileSync(python, script, { mode: 0o755 });
  const child = spawn(process.execPath, [CLI, "--python", python, ...args, dir], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig, stdout, stderr })));
  await Promise.race([waitFor(started), exited]);
  // kill() makes the signal pending at once; the CLI, idle while it waits for
  // the interpreter, handles it long before the stand-in (which polls for
  // the gate, then starts a real python3) can finish.
  child.kill(signal);
  writeFileSync(go, "");
  return exited;
}

describe.skipIf(process.platform === "win32")("the CLI under a signal", () => {
  it("SIGINT mid-run: exit 130, report printed, nothing half-written, no file started after it", async () => {
    const dir = tree(3);
    const r = await interruptDuringDetection(dir, [], "SIGINT");
    expect(r).toMatchObject({ code: 130, signal: null });
    expect(r.stderr).toContain("interrupted by SIGINT: 0 files changed (listed above);");
    expect(r.stderr).toContain("no file was left half-written");
    expect(states(dir, 3).old).toHaveLength(3);
  });

  it("SIGTERM mid-run: exit 143; --json still prints a whole report", async () => {
    const dir = tree(2);
    const r = await interruptDuringDetection(dir, ["--json"], "SIGTERM");
    expect(r.code).toBe(143);
    const report = JSON.parse(r.stdout);
    expect(report.summary.changed).toBe(0);
    // Each file either not started, or read and left alone at the signal.
    expect(report.summary.files + (report.interrupted?.notStarted ?? 0)).toBe(2);
    for (const f of report.files) expect(f).toMatchObject({ status: "skipped", code: "file/interrupted" });
    expect(r.stderr).toContain("interrupted by SIGTERM");
  });
});
