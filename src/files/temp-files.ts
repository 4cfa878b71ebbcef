// The temp files a killed run left behind (SIGKILL, the OOM killer, a CI
// timeout: no handler runs, so no `finally` removes them), found and removed
// by a later run. Only the writer's own names count (temp-name.ts), and only
// regular files among them; of those, only one whose process is gone:
//
// - the name carries a pid: stale when no process has that id any more
//   (kill(pid, 0) fails with ESRCH). A live process, ours or anyone's (EPERM:
//   it exists but is not ours to signal), keeps its temp file: two runs at
//   once on one tree stay safe. A pid reused since is taken as alive: the file
//   stays until that process ends too, which errs on the safe side.
// - a 0.1.x name carries no pid: stale once it has not been written to for
//   an hour. A live 0.1.x run renames its temp file within seconds of the last
//   write; an hour-old one belongs to a run that was killed.
//
// A file removed here that another machine's run (on a shared file system,
// where its pid means nothing to us) were still writing would make that
// run's rename fail: it reports the file as not written and leaves it whole.
import type { Dirent } from "node:fs";
import path from "node:path";
import { nodeFs, type FsLayer } from "./fs-layer.js";
import { parseTempName } from "./temp-name.js";

/** A temp file with no pid in its name (0.1.x) is stale once unmodified this long. */
export const PIDLESS_STALE_AFTER_MS = 60 * 60 * 1000;

export interface SweepOptions {
  /** Remove the stale temp files found (a write run); otherwise only list them. */
  remove: boolean;
  layer?: FsLayer;
  /** The time to judge a pid-less temp file's age by (default: now). */
  now?: number;
  /** Whether process `pid` has ended (default: processGone). */
  gone?: (pid: number) => boolean;
}

export interface SweepResult {
  /** Stale temp files removed (absolute paths). */
  removed: string[];
  /** Stale temp files left in place: every one when not removing, else those that could not be removed. */
  remaining: string[];
}

/** True only when no process has this id: kill(pid, 0) fails with ESRCH. */
export function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else. Anything else: unsure, so alive.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** The stale temp files in one folder (absolute paths, sorted); none when the folder cannot be read. */
export async function findStaleTemps(dir: string, options: Omit<SweepOptions, "remove"> = {}): Promise<string[]> {
  const layer = options.layer ?? nodeFs;
  const gone = options.gone ?? processGone;
  const now = options.now ?? Date.now();
  let entries: Dirent[];
  try {
    entries = await layer.readdir(dir);
  } catch {
    return [];
  }
  const stale: string[] = [];
  for (const entry of entries) {
    const name = parseTempName(entry.name);
    if (!name) continue;
    const full = path.join(dir, entry.name);
    // The writer creates regular files only (never through a link): a link,
    // folder or FIFO with such a name is someone else's.
    const stat = await layer.lstat(full).catch(() => null);
    if (!stat?.isFile()) continue;
    const isStale = name.pid === null ? now - stat.mtimeMs >= PIDLESS_STALE_AFTER_MS : gone(name.pid);
    if (isStale) stale.push(full);
  }
  return stale.sort();
}

/**
 * Looks in each folder for stale temp files and, when `remove` is set,
 * removes them. One that vanished meanwhile (another run swept it) counts
 * as neither removed nor remaining.
 */
export async function sweepStaleTemps(dirs: Iterable<string>, options: SweepOptions): Promise<SweepResult> {
  const layer = options.layer ?? nodeFs;
  const result: SweepResult = { removed: [], remaining: [] };
  for (const dir of [...new Set(dirs)].sort()) {
    for (const file of await findStaleTemps(dir, options)) {
      if (!options.remove) {
        result.remaining.push(file);
        continue;
      }
      try {
        await layer.unlink(file);
        result.removed.push(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") result.remaining.push(file);
      }
    }
  }
  return result;
}
