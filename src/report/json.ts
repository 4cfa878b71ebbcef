// The machine report (JSON version 1).
import type { Report } from "../engine.js";

export function formatJsonReport(report: Report): string {
  const { version, mode, revert, interrupted, environment, files, summary } = report;
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
  const extra = { ...(revert ? { revert } : {}), ...(interrupted ? { interrupted } : {}) };
  return JSON.stringify({ version, mode, ...extra, ...env, files, summary }, null, 2);
}
