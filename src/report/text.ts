// The human report: one line per call site, `path:line:col  ACTION  CLASS  reason`,
// a line per stale temp file still there and how many were removed, then a
// summary line of counts.
import { createColors } from "picocolors";
import { environmentHeader } from "./header.js";
import type { Report, SiteAction, Summary } from "../model.js";
import { excludedNote, ignoredNote, plural } from "./words.js";
import { installedLines } from "./installed.js";

type Colors = ReturnType<typeof createColors>;

export function formatTextReport(report: Report, color: boolean): string[] {
  const c = createColors(color);
  if (report.revert) return [...toolLine(report, c), ...installedBlock(report), ...formatRevertReport(report, c)];
  const lines: string[] = [];
  if (report.environment) {
    const { found, verdict, next, warnings } = environmentHeader(report.environment);
    const tool = report.tool ? `${report.tool.name} ${report.tool.version} · ` : "";
    lines.push(c.bold(`${tool}${found}`), verdict, ...(next ? [next] : []), ...warnings.map((w) => c.yellow(w)), "");
  } else {
    lines.push(...toolLine(report, c));
  }
  lines.push(...installedBlock(report));
  for (const file of report.files) {
    if (file.status === "skipped" || file.status === "error") {
      const label = file.status === "error" ? c.red("error") : c.yellow("skipped");
      lines.push(`${c.bold(file.path)}  ${label}  ${file.reason ?? ""}`.trimEnd());
    }
    for (const site of file.sites) {
      lines.push(`${c.bold(`${file.path}:${site.line}:${site.column}`)}  ${actionLabel(site.action, c)}  ${site.class}  ${c.dim(site.reason)}`);
    }
  }
  lines.push(...staleTempLines(report, c));
  lines.push(summaryLine(report, c));
  return lines;
}

/** With --installed: the toolkits found and their folders, then a blank line. */
function installedBlock(report: Report): string[] {
  return report.installed ? [...installedLines(report.installed, report), ""] : [];
}

/** The tool and its version, alone on the first line when there is no environment header to open. */
function toolLine(report: Report, c: Colors): string[] {
  return report.tool ? [c.bold(`${report.tool.name} ${report.tool.version}`), ""] : [];
}

/**
 * Temp files a killed run left: how many this run removed, or (check and
 * dry-run delete nothing) each one seen and the run that removes them.
 */
function staleTempLines(report: Report, c: Colors): string[] {
  const stale = report.staleTempFiles;
  if (!stale) return [];
  const write = report.mode === "write";
  const lines = stale.remaining.map(
    (file) => `${c.bold(file)}  ${c.yellow("stale")}  temp file left by an interrupted run${write ? "; could not be removed" : ""}`,
  );
  if (stale.removed) lines.push(`removed ${plural(stale.removed, "stale temp file")} left by an interrupted run`);
  if (!write && stale.remaining.length) {
    const flag = report.mode === "check" ? "--check" : "--dry-run";
    const them = stale.remaining.length === 1 ? "it" : "them";
    // --check --dry-run reports as dry-run: name both flags, so the advice holds either way.
    lines.push(`${plural(stale.remaining.length, "stale temp file")} left by an interrupted run (listed above): ${flag} deletes nothing; a run without --check and --dry-run removes ${them}`);
  }
  return lines;
}

function actionLabel(action: SiteAction, c: Colors): string {
  switch (action) {
    case "fixed":
      return c.green(action);
    case "would-fix":
      return c.cyan(action);
    case "already-fixed":
      return c.green(action);
    case "needs-review":
      return c.magenta(action);
    default:
      return c.yellow(action);
  }
}

function summaryLine(report: Report, c: Colors): string {
  const s: Summary = report.summary;
  const verb = report.mode === "write" ? "fixed" : "to fix";
  const parts = [
    `${s.fixed} ${verb}`,
    `${s.alreadyFixed} already fixed`,
    `${s.skipped} skipped`,
    `${s.needsReview} need review`,
  ];
  const files = [`${plural(s.files, "file")} scanned`, `${s.changed} ${report.mode === "write" ? "changed" : "would change"}`];
  if (s.skippedFiles) files.push(`${s.skippedFiles} skipped`);
  if (s.errors) files.push(c.red(`${s.errors} with errors`));
  let line = `${parts.join(", ")} · ${files.join(", ")}`;
  for (const note of [excludedNote(s), ignoredNote(s)]) if (note) line += ` · ${note}`;
  if (report.mode === "check" && s.fixed) line += ` · run without --check to apply`;
  return line;
}

/** The --revert report: one line per file reverted, skipped or failed, then a count. */
function formatRevertReport(report: Report, c: Colors): string[] {
  const lines = report.files.map((file) => {
    const label =
      file.status === "changed"
        ? c.green(report.mode === "write" ? "reverted" : "would revert")
        : file.status === "error"
          ? c.red("error")
          : c.yellow(file.status);
    return `${c.bold(file.path)}  ${label}  ${file.reason ?? ""}`.trimEnd();
  });
  lines.push(...staleTempLines(report, c));
  const s = report.summary;
  const changed = report.files.filter((f) => f.status === "changed");
  const guards = changed.reduce((n, f) => n + (f.revert?.guardBlocks ?? 0), 0);
  const keywords = changed.reduce((n, f) => n + (f.revert?.keywords ?? 0), 0);
  const verb = report.mode === "write" ? "reverted" : "to revert";
  const parts = [
    `${plural(s.changed, "file")} ${verb} (${plural(guards, "guard block")}, ${plural(keywords, "keyword")})`,
    `${plural(s.files, "file")} scanned`,
  ];
  if (s.skippedFiles) parts.push(`${s.skippedFiles} skipped`);
  if (s.errors) parts.push(c.red(`${s.errors} with errors`));
  for (const note of [excludedNote(s), ignoredNote(s)]) if (note) parts.push(note);
  let line = parts.join(" · ");
  if (report.mode === "check" && s.changed) line += " · run without --check to revert";
  lines.push(line);
  return lines;
}
