// Runs one command and measures it: wall time (hrtime around the spawn),
// user/system CPU and peak RSS of the measured process. Peak RSS comes from
// GNU time (`/usr/bin/time -f`) when it exists, else from polling
// /proc/<pid>/status (VmHWM) while the process runs, else it is unknown.
// Every run is bounded by a timeout that kills the whole process group.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const GNU_TIME = (() => {
  if (!fs.existsSync("/usr/bin/time")) return null;
  const probe = spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? "/usr/bin/time" : null;
})();
const PROC = fs.existsSync("/proc/self/status");

export const rssMethod = GNU_TIME ? "GNU time %M (max RSS of the measured process)" : PROC ? "polled /proc/<pid>/status VmHWM (every 10 ms)" : "unavailable";

/**
 * @returns {Promise<{wall:number,user:number|null,sys:number|null,rssKB:number|null,code:number|null,signal:string|null,timedOut:boolean,load:number,stdoutFile:string,stderrFile:string}>}
 */
export function runMeasured(cmd, args, { cwd, timeoutS = 600, logDir, tag = "run", env } = {}) {
  fs.mkdirSync(logDir, { recursive: true });
  const stdoutFile = path.join(logDir, `${tag}.out`);
  const stderrFile = path.join(logDir, `${tag}.err`);
  const timeFile = path.join(logDir, `${tag}.time`);
  const out = fs.openSync(stdoutFile, "w");
  const err = fs.openSync(stderrFile, "w");
  fs.rmSync(timeFile, { force: true });
  const load = os.loadavg()[0];
  const argv = GNU_TIME ? [GNU_TIME, ["-f", "%e %U %S %M", "-o", timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv[1], { cwd, stdio: ["ignore", out, err], detached: true, env: env ?? process.env });
    let timedOut = false;
    let hwm = null;
    let poll = null;
    if (!GNU_TIME && PROC) {
      poll = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) hwm = Math.max(hwm ?? 0, Number(m[1]));
        } catch {
          /* exited */
        }
      }, 10);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }, timeoutS * 1000);
    child.on("error", (e) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      fs.closeSync(out);
      fs.closeSync(err);
      let user = null;
      let sys = null;
      let rssKB = hwm;
      if (GNU_TIME && fs.existsSync(timeFile)) {
        const lines = fs.readFileSync(timeFile, "utf8").trim().split("\n");
        const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? "");
        if (m) {
          user = Number(m[2]);
          sys = Number(m[3]);
          rssKB = Number(m[4]);
        }
      }
      resolve({ wall, user, sys, rssKB, code, signal, timedOut, load, stdoutFile, stderrFile });
    });
  });
}

export function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
