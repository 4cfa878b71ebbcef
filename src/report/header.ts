// The environment's lines at the top of the text report and doctor's screen:
// what was found, the verdict, what to do when no Paddle was found, warnings.
import { formatEnvironmentHeader } from "../detect/index.js";
import type { Environment } from "../model.js";

export interface EnvironmentHeader {
  /** What was found: Paddle, the toolkit. */
  found: string;
  verdict: string;
  /** What to do when no Paddle was found, or null. */
  next: string | null;
  /** `warning: ...` lines. */
  warnings: string[];
}

/**
 * The environment's header for the text report and doctor. A stale
 * VIRTUAL_ENV / CONDA_PREFIX is left out: the command line says it on
 * stderr as the run starts (the JSON report keeps it among the warnings).
 */
export function environmentHeader(environment: Environment): EnvironmentHeader {
  const stale = new Set((environment.staleVariables ?? []).map((s) => s.warning));
  const [found, verdict, ...warnings] = formatEnvironmentHeader({ ...environment, warnings: environment.warnings.filter((w) => !stale.has(w)) });
  const next =
    environment.paddle === null
      ? "Next: say which Paddle the export runs with, --python PATH (the interpreter that has it installed) or --paddle-version X (e.g. --paddle-version 3.0.0), and the report says whether the error occurs there."
      : null;
  return { found, verdict, next, warnings };
}
