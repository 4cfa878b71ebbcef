// The machine report (JSON version 1).
import type { Report } from "../engine.js";

export function formatJsonReport(report: Report, extra: Record<string, unknown> = {}): string {
  const { version, files, summary } = report;
  return JSON.stringify({ version, ...extra, files, summary }, null, 2);
}
