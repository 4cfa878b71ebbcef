// A CLI run caught mid-write, for the kill tests: started in the background,
// watched until the tree shows what the test waits for (e.g. a temp file
// being written), then frozen with SIGSTOP. Once every thread of it is
// stopped (Linux: /proc/<pid>/task/*/stat), nothing it does is in flight, so
// what the tree holds is exactly what a SIGKILL sent now leaves behind.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { CLI } from "./cli.js";

export interface Run {
  child: ChildProcess;
  /** Resolves when the process has exited: its code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** True once `exited` has resolved. */
  done(): boolean;
}

export function startCli(args: string[], cwd: string): Run {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  let finished = false;
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => {
      finished = true;
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, exited, done: () => finished };
}

/** Whether every thread of the process is stopped (state T or t). */
function allStopped(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).every((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      return state === "T" || state === "t";
    });
  } catch {
    return false;
  }
}

export async function stop(run: Run): Promise<void> {
  run.child.kill("SIGSTOP");
  const deadline = Date.now() + 10_000;
  while (!allStopped(run.child.pid!)) {
    if (Date.now() > deadline) throw new Error("the run did not stop");
    await new Promise((r) => setTimeout(r, 1));
  }
}

/**
 * Polls until `ready()` holds, then freezes the run and asks again of the
 * frozen tree: true when it still holds (the run is left stopped), false
 * when the run ended first. A frozen run that no longer qualifies is resumed
 * and watched again.
 */
export async function freezeWhen(run: Run, ready: () => boolean): Promise<boolean> {
  for (;;) {
    if (run.done()) return false;
    if (ready()) {
      await stop(run);
      if (ready()) return true;
      run.child.kill("SIGCONT");
    }
    await new Promise((r) => setImmediate(r));
  }
}
