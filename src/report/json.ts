// The machine report (JSON version 1).
import type { Report } from "../engine.js";

export function formatJsonReport(report: Report): string {
  const { version, environment, files, summary } = report;
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
  return JSON.stringify({ version, ...env, files, summary }, null, 2);
}
