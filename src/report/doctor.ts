// `paddle-fullgraph-fix doctor [root]`: one screen that says which Paddle and
// toolkit are installed, whether the export will hit the full_graph error,
// which call sites are still unfixed, and the exact command that fixes them.
// Pure: it reads an Environment (detectEnvironment) and a --check Report
// (fixPaths(paths, { mode: "check" })) and returns lines.
import { supportsFullGraphKeyword } from "../detect/index.js";
import { environmentHeader } from "./header.js";
import type { Environment } from "../model.js";
import { PENDING_REVIEW_CODES, type FileReport, type Report, type SiteReport } from "../model.js";
import { excludedNote, ignoredNote, plural } from "./words.js";
import { installedLines } from "./installed.js";

export interface DoctorOptions {
  /** How to spell the tool in suggested commands (default `paddle-fullgraph-fix`, the installed bin). */
  command?: string;
  /** The checkout root as the user named it (default `.`); shell-quoted in commands. */
  root?: string;
  /** What the suggested commands run on, already quoted, in place of root (`--installed --python PATH`). */
  target?: string;
  /** How many unfixed sites to list before "... and N more" (default 8). */
  maxSites?: number;
}

export type DoctorStatus =
  /** An unfixed site reads the converted program, and this Paddle (or an unknown one) converts with SOT. */
  | "will-fail"
  /** Unfixed export-path sites, but none that dies here (no program read, or a Paddle without SOT). */
  | "pending"
  /**
   * An export-path call passes a bare `full_graph=True` that the Paddle in use
   * (2.3/2.4) rejects with TypeError: said first, whatever else is pending.
   */
  | "keyword-rejected"
  /** Nothing to fix on the export path. */
  | "clean";

export interface SiteRef {
  path: string;
  site: SiteReport;
}

export interface DoctorSummary {
  status: DoctorStatus;
  /** 1 when something needs doing (like `--check`), else 0. */
  exitCode: 0 | 1;
  /** Sites a default run would fix. */
  pending: SiteRef[];
  /** Of those, the ones whose result is read through an attribute SOT refuses. */
  required: SiteRef[];
  /** Sites that pass full_graph=False yet read the program: left for a person, but the export raises as written. */
  raising: SiteRef[];
  /** Sites that pass a bare full_graph=True left as it is (Paddle 2.3/2.4 reject it). */
  unguarded: SiteRef[];
  /** Pending sites whose bare full_graph=True the Paddle in use rejects: the fix guards them. */
  rejected: SiteRef[];
  /** Sites left alone by default (training-time conversions and the like). */
  skipped: SiteRef[];
  needsReview: SiteRef[];
  /** Files that could not be handled (skipped or error). */
  troubled: FileReport[];
  /** The command that fixes the pending sites, or null when there are none. */
  fixCommand: string | null;
}

const DEFAULT_COMMAND = "paddle-fullgraph-fix";

/** POSIX-shell quoting for a path in a suggested command. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function sitesOf(report: Report, test: (s: SiteReport) => boolean): SiteRef[] {
  return report.files.flatMap((f) => f.sites.filter(test).map((site) => ({ path: f.path, site })));
}

export function doctorSummary(environment: Environment | null, report: Report, options: DoctorOptions = {}): DoctorSummary {
  const pending = sitesOf(report, (s) => s.action === "would-fix");
  const required = pending.filter((r) => r.site.class === "required");
  const raising = sitesOf(report, (s) => PENDING_REVIEW_CODES.has(s.code));
  const rejected = pending.filter((r) => r.site.code === "upstream/bare-keyword-rejected" && r.site.class !== "other");
  const unguarded = sitesOf(report, (s) => s.code === "already-fixed/upstream-unguarded");
  const skipped = sitesOf(report, (s) => s.action === "skipped");
  const needsReview = sitesOf(report, (s) => s.action === "needs-review");
  const troubled = report.files.filter((f) => f.status === "skipped" || f.status === "error");
  const paddle = environment?.paddle ?? null;
  const verdict = environment?.verdict.code ?? "unknown";
  const rejects = paddle !== null && !supportsFullGraphKeyword(paddle);

  let status: DoctorStatus = "clean";
  if (rejected.length > 0) status = "keyword-rejected";
  else if (required.length + raising.length > 0 && verdict !== "not-affected") status = "will-fail";
  else if (pending.length + raising.length > 0) status = "pending";
  else if (unguarded.length > 0 && rejects) status = "keyword-rejected";

  const command = options.command ?? DEFAULT_COMMAND;
  const root = targetOf(options);
  const fixCommand = pending.length > 0 ? `${command} ${root}` : null;
  return { status, exitCode: status === "clean" ? 0 : 1, pending, required, raising, unguarded, rejected, skipped, needsReview, troubled, fixCommand };
}

/** The checkout (or `--installed ...`) as a suggested command names it. */
function targetOf(options: DoctorOptions): string {
  return options.target ?? shellQuote(options.root ?? ".");
}

const where = (r: SiteRef) => `${r.path}:${r.site.line}:${r.site.column}`;

/** The doctor's screen: environment, verdict for this checkout, unfixed sites, the fixing command. */
export function doctorReport(environment: Environment | null, report: Report, options: DoctorOptions = {}): string[] {
  const s = doctorSummary(environment, report, options);
  const command = options.command ?? DEFAULT_COMMAND;
  const root = targetOf(options);
  const max = options.maxSites ?? 8;
  const lines: string[] = [];

  if (environment) {
    const { found, verdict, next, warnings } = environmentHeader(environment);
    // The general verdict says the error WILL occur; whether this checkout's export
    // hits it is the Export line's business, so say only what this Paddle does.
    const paddleLine =
      environment.verdict.code === "affected" && environment.paddle
        ? `Paddle ${environment.paddle.develop ? "develop (0.0.0)" : environment.paddle.version} converts with SOT unless to_static gets full_graph=True: code that reads the converted program (.main_program, .outputs, ...) raises "Can't call ... when full_graph=False".`
        : verdict;
    lines.push(`Installed: ${found}`, `Paddle:    ${paddleLine}`, ...(next ? [`           ${next}`] : []), ...warnings);
    if (report.installed) lines.push(...installedLines(report.installed, report).map((l, i) => `${i ? "          " : "Toolkits:  "}${l}`));
  } else {
    lines.push("Installed: not checked (--no-detect); whether the error occurs depends on the Paddle the export runs with (2.6 and newer convert with SOT).");
  }

  const paddle = environment?.paddle ?? null;
  const paddleName = paddle ? (paddle.develop ? "develop (0.0.0)" : paddle.version) : null;
  switch (s.status) {
    case "will-fail": {
      const hits = `${paddleName ? `WILL hit the error with Paddle ${paddleName}` : "will hit the error with Paddle 2.6 and newer"}`;
      const reads = plural(s.required.length + s.raising.length, "unfixed call site reads", "unfixed call sites read");
      // Where the default exporter is already fixed, say which other method still fails rather than "the export".
      const fixedExports = report.files.some((f) => f.sites.some((site) => site.action === "already-fixed" && site.class !== "other"));
      if (fixedExports) {
        const named = [...s.required, ...s.raising].map((r) => (r.site.scope ? `${r.site.scope} (${where(r)})` : where(r)));
        lines.push(`Export:    the export in ${named.slice(0, 3).join(", ")}${named.length > 3 ? ", ..." : ""} ${hits}: ${reads} the converted program; the other export calls already pass full_graph.`);
      } else {
        lines.push(`Export:    ${hits}: ${reads} the converted program.`);
      }
      break;
    }
    case "pending":
      if (s.required.length + s.raising.length > 0) {
        lines.push(
          `Export:    works with Paddle ${paddleName ?? "before 2.6"}, but will hit the error after an upgrade to 2.6 or newer: ${plural(s.required.length + s.raising.length, "unfixed call site reads", "unfixed call sites read")} the converted program.`,
        );
      } else {
        lines.push(
          `Export:    does not read the converted program, so it does not hit this error; ${plural(s.pending.length, "export call site still converts", "export call sites still convert")} with SOT on Paddle 2.6 and newer (paddle.jit.save copes with that); the fix makes ${s.pending.length === 1 ? "it" : "them"} whole-graph.`,
        );
      }
      break;
    case "keyword-rejected":
      if (s.rejected.length > 0) {
        lines.push(
          `Export:    WILL fail with Paddle ${paddleName}: ${plural(s.rejected.length, "export call passes", "export calls pass")} a bare full_graph=True, which Paddle before 2.5 rejects with TypeError (${s.rejected.map(where).slice(0, 3).join(", ")}). The fix guards ${s.rejected.length === 1 ? "it" : "them"}.`,
        );
        break;
      }
      lines.push(
        `Export:    WILL fail with Paddle ${paddleName}: ${plural(s.unguarded.length, "call passes", "calls pass")} a bare full_graph=True, which Paddle before 2.5 rejects with TypeError (${s.unguarded.map(where).join(", ")}). This tool leaves an existing keyword alone: remove it or upgrade Paddle to 2.5 or newer.`,
      );
      break;
    case "clean": {
      const total = report.files.reduce((n, f) => n + f.sites.length, 0);
      if (total === 0) lines.push(`Export:    no paddle.jit.to_static call found in ${report.summary.files} scanned ${report.summary.files === 1 ? "file" : "files"}; nothing to fix.`);
      else {
        const fixedNote = report.summary.alreadyFixed ? ` (${plural(report.summary.alreadyFixed, "call already passes", "calls already pass")} full_graph)` : "";
        lines.push(`Export:    nothing to fix on the export path${fixedNote}.`);
      }
      break;
    }
  }

  if (s.pending.length > 0) {
    lines.push(`Unfixed:   ${plural(s.pending.length, "call site")}`);
    for (const r of s.pending.slice(0, max)) lines.push(`           ${where(r)}  ${r.site.class}  ${r.site.reason}`);
    if (s.pending.length > max) lines.push(`           ... and ${s.pending.length - max} more (${command} --check ${root} lists them all)`);
  }
  if (s.raising.length > 0) {
    lines.push(`Review:    ${plural(s.raising.length, "call passes", "calls pass")} full_graph=False yet ${s.raising.length === 1 ? "reads" : "read"} the converted program; this tool leaves a chosen value to you:`);
    for (const r of s.raising.slice(0, max)) lines.push(`           ${where(r)}  ${r.site.reason}`);
  }
  if (s.unguarded.length > 0 && s.status !== "keyword-rejected") {
    lines.push(`Note:      ${plural(s.unguarded.length, "call passes", "calls pass")} a bare full_graph=True (upstream's fix); Paddle 2.3/2.4 reject it with TypeError.`);
  }
  const alone: string[] = [];
  if (s.skipped.length) alone.push(`${plural(s.skipped.length, "call")} not on an export path (training-time conversions and the like; --all fixes them too)`);
  const otherReview = s.needsReview.filter((r) => !PENDING_REVIEW_CODES.has(r.site.code));
  if (otherReview.length) alone.push(`${plural(otherReview.length, "call")} to review by hand (${otherReview.map(where).slice(0, 3).join(", ")})`);
  if (s.troubled.length) alone.push(`${plural(s.troubled.length, "file")} not handled (${s.troubled.slice(0, 3).map((f) => `${f.path}: ${f.reason ?? f.status}`).join("; ")})`);
  for (const note of [excludedNote(report.summary), ignoredNote(report.summary)]) if (note) alone.push(note);
  if (alone.length) lines.push(`Left:      ${alone.join("; ")}.`);

  if (s.fixCommand) {
    lines.push(`Fix:       ${s.fixCommand}`, `           (preview first: ${command} --dry-run ${root})`);
  }
  if (s.status !== "will-fail" && (s.skipped.length > 0 || s.pending.length === 0)) {
    lines.push(`If an export still dies with "Can't call ... when full_graph=False", hand its traceback to: ${command} --from-traceback export.log ${root}`);
  }
  // Last, so a pasted screen says what produced it.
  if (report.tool) lines.push(`Tool:      ${report.tool.name} ${report.tool.version}`);
  return lines;
}
