// The names of the writer's temporary files, built and parsed without I/O.
//
// A temp file sits beside the file it replaces: `.<name>.pfgf-<pid>-<12 hex>.tmp`,
// e.g. `.trainer.py.pfgf-4242-3653147114f1.tmp`. The pid is the writing
// process's, so a later run can tell a temp file of a run that was killed
// (its process is gone) from one a live run is still writing. 0.1.x wrote
// the same name without the pid (`.<name>.pfgf-<12 hex>.tmp`); those are
// recognised too, as pid-less. Nothing else is ever one of ours: the whole
// name is matched, and the hex is lower case, twelve digits, as written.

/** Random hex digits in a name: 6 random bytes. */
const RANDOM_HEX = 12;
/** Largest pid a name may carry (pid_t is a 32-bit signed int). */
const MAX_PID = 2 ** 31 - 1;

const CURRENT = /^\.(.+)\.pfgf-([1-9][0-9]{0,9})-([0-9a-f]{12})\.tmp$/s;
const PIDLESS = /^\.(.+)\.pfgf-([0-9a-f]{12})\.tmp$/s;

export interface TempName {
  /** Base name of the file the temp was to replace (`trainer.py`). */
  target: string;
  /** The writing process's id; null for a 0.1.x name, which carries none. */
  pid: number | null;
}

/** The temp name for replacing `target` (a base name) from process `pid`. */
export function tempName(target: string, pid: number, random: string): string {
  if (!Number.isSafeInteger(pid) || pid < 1 || pid > MAX_PID) throw new RangeError(`not a process id: ${pid}`);
  if (!new RegExp(`^[0-9a-f]{${RANDOM_HEX}}$`).test(random)) throw new RangeError(`not ${RANDOM_HEX} lower-case hex digits: ${random}`);
  return `.${target}.pfgf-${pid}-${random}.tmp`;
}

/** What a folder entry's name says, if it is one of the writer's temp files; null for any other name. */
export function parseTempName(name: string): TempName | null {
  if (name.includes("/")) return null;
  const current = CURRENT.exec(name);
  if (current) {
    const pid = Number(current[2]);
    return pid <= MAX_PID ? { target: current[1], pid } : null;
  }
  const old = PIDLESS.exec(name);
  return old ? { target: old[1], pid: null } : null;
}
