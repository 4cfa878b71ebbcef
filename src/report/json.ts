// The machine report (JSON version 1).
import type { Report } from "../model.js";

/** `extra` fields (e.g. `traceback`) go after `version`, `tool`, `mode` and the run's flags. */
export function formatJsonReport(report: Report, extra: Record<string, unknown> = {}): string {
  const { version, tool, mode, revert, diffRoot, interrupted, environment, installed, files, summary, staleTempFiles } = report;
  const env =
    environment === undefined
      ? {}
      : {
          environment: environment && {
            paddle: environment.paddle,
            paddledetection: environment.paddledetection,
            verdict: environment.verdict,
            warnings: environment.warnings,
          },
        };
  const flags = { ...(revert ? { revert } : {}), ...(diffRoot ? { diffRoot } : {}), ...(interrupted ? { interrupted } : {}) };
  // Added to version 1 after the rest, present only when there is something to say.
  const stale = staleTempFiles ? { staleTempFiles } : {};
  return JSON.stringify({ version, ...(tool ? { tool } : {}), mode, ...flags, ...extra, ...env, ...(installed ? { installed } : {}), files, summary, ...stale }, null, 2);
}
