// Runs the fix over paths: files -> candidate sources -> fixSource -> written
// or reported. The only I/O-heavy module; fixSource itself is pure.
import { promises as fs } from "node:fs";
import path from "node:path";
import { setImmediate as turn } from "node:timers/promises";
import type { Environment } from "./detect/index.js";
import { collectFiles, type WalkOptions } from "./files.js";
import { fixBytes } from "./fix-bytes.js";
import { unifiedDiff } from "./report/diff.js";
import type { FixStyle, SiteReport } from "./rewrite/fix-source.js";
import { contentHash, replaceFile } from "./write.js";

export type Mode = "write" | "check" | "dry-run";

export interface FixPathsOptions extends WalkOptions {
  mode?: Mode;
  all?: boolean;
  style?: FixStyle;
  /** Paths in the report are relative to this folder. */
  cwd?: string;
  /** Attached to the report as is (see detectEnvironment). */
  environment?: Environment | null;
}

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

export interface FileReport {
  path: string;
  status: FileStatus;
  reason?: string;
  sites: SiteReport[];
  /** Unified diff of the change (dry-run only). */
  diff?: string;
}

export interface Summary {
  files: number;
  changed: number;
  fixed: number;
  alreadyFixed: number;
  skipped: number;
  needsReview: number;
  errors: number;
  skippedFiles: number;
}

export interface Report {
  version: 1;
  mode: Mode;
  /** What detectEnvironment found, when the caller ran it. */
  environment?: Environment | null;
  files: FileReport[];
  summary: Summary;
}

const READ_CONCURRENCY = 16;

export async function fixPaths(paths: string[], options: FixPathsOptions = {}): Promise<Report> {
  const mode = options.mode ?? "write";
  const cwd = options.cwd ?? process.cwd();
  const files = await collectFiles(paths, options);
  const results: FileReport[] = new Array(files.length);

  // Reads run a few at a time; the parse inside fixSource is synchronous, and
  // the loop yields after each one so the binding can free finished trees.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const display = displayPath(file.path, cwd);
      results[index] = await processFile(file.path, display, mode, options);
      await turn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  const reported = results.filter((r) => r.status !== "unchanged" || r.sites.length > 0);
  return { version: 1, mode, environment: options.environment, files: reported, summary: summarize(results) };
}

async function processFile(file: string, display: string, mode: Mode, options: FixPathsOptions): Promise<FileReport> {
  const base = { path: display, sites: [] as SiteReport[] };
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ...base, status: "skipped", reason: "not a regular file" };
    bytes = await fs.readFile(file);
  } catch (error) {
    return { ...base, status: "error", reason: `cannot read: ${errorText(error)}` };
  }
  const result = fixBytes(bytes, { path: display, all: options.all, style: options.style });
  const sites = mode === "write" ? result.sites : result.sites.map(pendingAction);
  if (result.status !== "changed") return { path: display, status: result.status, reason: result.reason, sites };
  if (mode === "dry-run") {
    return { path: display, status: "changed", sites, diff: unifiedDiff(display, result.before!, result.after!) };
  }
  if (mode === "check") return { path: display, status: "changed", sites };
  try {
    await replaceFile(file, result.bytes, contentHash(bytes));
  } catch (error) {
    return { path: display, status: "error", reason: errorText(error), sites: result.sites.map(pendingAction) };
  }
  return { path: display, status: "changed", sites };
}

export function pendingAction(site: SiteReport): SiteReport {
  return site.action === "fixed" ? { ...site, action: "would-fix" } : site;
}

export function summarize(results: FileReport[]): Summary {
  const summary: Summary = { files: results.length, changed: 0, fixed: 0, alreadyFixed: 0, skipped: 0, needsReview: 0, errors: 0, skippedFiles: 0 };
  for (const file of results) {
    if (file.status === "changed") summary.changed++;
    if (file.status === "error") summary.errors++;
    if (file.status === "skipped") summary.skippedFiles++;
    for (const site of file.sites) {
      if (site.action === "fixed" || site.action === "would-fix") summary.fixed++;
      else if (site.action === "already-fixed") summary.alreadyFixed++;
      else if (site.action === "skipped") summary.skipped++;
      else if (site.action === "needs-review") summary.needsReview++;
    }
  }
  return summary;
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith("..") ? rel : file;
  return shown.split(path.sep).join("/");
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
