// GitHub Actions workflow commands, so a CI run annotates the lines:
// a warning per pending fix, a notice per site that needs review, an error
// per file that could not be handled.
import type { Report } from "../model.js";

export function formatGithubReport(report: Report): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.status === "error") lines.push(command("error", { file: file.path }, file.reason ?? "error"));
    for (const site of file.sites) {
      const where = { file: file.path, line: String(site.line), col: String(site.column) };
      if (site.action === "would-fix" || site.action === "fixed") {
        const verb = site.action === "fixed" ? "fixed" : "needs";
        lines.push(
          command("warning", { ...where, title: `paddle-fullgraph-fix (${site.class})` }, `${site.callee}(...) ${verb} full_graph=True: ${site.reason}`),
        );
      } else if (site.action === "needs-review") {
        lines.push(command("notice", { ...where, title: "paddle-fullgraph-fix (needs review)" }, `${site.callee}(...) ${site.reason}`));
      }
    }
  }
  return lines;
}

function command(kind: string, props: Record<string, string>, message: string): string {
  const list = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(",");
  return `::${kind} ${list}::${escapeData(message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
