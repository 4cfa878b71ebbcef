// Runs the fix (or its revert) over paths: files -> candidate sources ->
// fixBytes / revertBytes -> written or reported. The only I/O-heavy module;
// the rewriting itself is pure.
//
// Safety: every file is read once from its real path without blocking,
// rewritten only through replaceFile (atomic, content-checked), and a file
// the tool cannot handle is reported with a one-line reason while the rest
// of the run proceeds. An abort signal (the CLI wires SIGINT/SIGTERM to it)
// stops new files from being started; a file already read is abandoned
// whole if its write has not begun, and a write under way completes (its
// temp file renamed or removed: the run ends only once every write has).
//
// Temp files a killed run left behind are swept at the end, in the folders
// of the files the report lists (every folder written to is one of them, and
// a temp file sits beside a file with a call site, which is listed on the
// rerun): removed by a write run, only reported by check and dry-run.
import path from "node:path";
import { setImmediate as turn } from "node:timers/promises";
import { relativeInside, walkPaths, type SourceFile, type WalkOptions } from "./files/walk.js";
import { supportsFullGraphKeyword } from "./detect/versions.js";
import { fixBytes, revertBytes, type FixBytesResult, type RevertBytesResult } from "./rewrite/fix-bytes.js";
import { helperUses, type BareKeywordPolicy } from "./rewrite/fix-source.js";
import { positionsAfterEdits } from "./rewrite/edits.js";
import type { Classification } from "./python/classify.js";
import { DEFAULT_MAX_FILE_BYTES, describeFsError, nodeFs, NotRegularFileError, readRegularFile, TooLargeError, type ReadFile } from "./files/fs-layer.js";
import { diffPaths, unifiedDiff, type DiffPaths } from "./report/diff.js";
import { UNCHECKED_FILE_CODES, type Edit, type Environment, type FileCode, type FileReport, type FileStatus, type FixStyle, type LineStyle, type Mode, type Report, type RevertCounts, type SiteReport, type StaleTempFiles, type Summary } from "./model.js";
import { ChangedOnDiskError, contentHash, replaceFile } from "./files/write.js";
import { sweepStaleTemps } from "./files/temp-files.js";
import { LineStyles } from "./files/line-style.js";
import { toolInfo } from "./files/package-root.js";
import { plural } from "./report/words.js";
import { loadPatch } from "./patches.js";

export interface FixPathsOptions extends WalkOptions {
  mode?: Mode;
  /** Remove what this tool added (guard blocks and keywords) instead of fixing. */
  revert?: boolean;
  all?: boolean;
  style?: FixStyle;
  /** Paths in the report are relative to this folder. */
  cwd?: string;
  /**
   * Attached to the report (see detectEnvironment); its Paddle decides what a
   * bare full_graph=True gets. May be the detection under way: the walk,
   * reads and analysis go on meanwhile, and only what depends on it waits
   * (a file that names the keyword, the first write, the report). A
   * detection that fails fails the run, with nothing written.
   */
  environment?: Environment | null | PromiseLike<Environment | null | undefined>;
  /**
   * Called once with the environment before the first write (the CLI's
   * --style plain gate); if it throws, nothing is written and the run fails.
   */
  beforeWrite?: (environment: Environment | null) => void;
  /** Guard upstream's bare full_graph=True whatever the Paddle (--guard-bare-keyword). */
  guardBareKeywords?: boolean;
  /** Once aborted, no new file is started (see the header). */
  signal?: AbortSignal;
  /** Files larger than this are reported and left alone (default 64 MiB). */
  maxFileBytes?: number;
  /**
   * Sites to fix whatever their class: real file path -> (1-based line ->
   * reason), e.g. a traceback plan's `force`.
   */
  force?: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /**
   * Lay out a keyword that would make a line too long as the project's
   * formatter would (its config decides; default true). false: never wrap.
   */
  wrap?: boolean;
  /** Change full_graph=False to True where the program is read (--fix-full-graph-false). */
  fixFullGraphFalse?: boolean;
  /** Called as files are found (phase walk) and after each file is handled (phase scan); keep it cheap. */
  onProgress?: (progress: RunProgress) => void;
}

/** How far a run is: files found so far while walking, then files handled of those found. */
export interface RunProgress {
  phase: "walk" | "scan";
  done: number;
  /** Files to handle (0 while walking). */
  total: number;
}

const READ_CONCURRENCY = 16;

export async function fixPaths(paths: string[], options: FixPathsOptions = {}): Promise<Report> {
  const mode = options.mode ?? "write";
  const cwd = options.cwd ?? process.cwd();
  // Detection may still be running: awaited only where its answer matters
  // (see Environmental). Until then a failure of it must not go unhandled.
  const environment = Promise.resolve(options.environment).then((env) => env ?? null);
  environment.catch(() => {});
  let gate: Promise<void> | undefined;
  const env: Environmental = {
    environment,
    beforeWrite: () => (gate ??= environment.then((found) => options.beforeWrite?.(found))),
  };
  const onFound = options.onProgress && ((found: number) => options.onProgress!({ phase: "walk", done: found, total: 0 }));
  const { files, ignored, excluded } = await walkPaths(paths, { ...options, cwd, onFound });
  // Only files worth a line in the report are kept (in walk order); the
  // others are counted. At monorepo scale that is most of the memory saved.
  const reported: (FileReport | undefined)[] = new Array(files.length);
  let handled = 0;
  const { signal } = options;
  const styles = options.wrap === false ? null : new LineStyles();
  // Files whose export may be decided in another module wait for the others (followHelpers).
  const deferred = new Map<number, string[]>();
  const diff = mode === "dry-run" ? diffPaths(cwd, paths) : null;
  // Which files the second pass must read again: those read before a helper
  // was known, or that name one (most files, read once, are neither).
  const callers = new HelperCallers(files.length);
  // What those that name one do with helpers' results, read from their first parse (few, small).
  const usesRead = new Map<number, UsesRead>();

  // Reads run a few at a time; the parse inside fixSource is synchronous, and
  // the loop yields after each one so the binding can free finished trees.
  let next = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const index = next++;
      const run: RunContext = {
        styles,
        diff,
        env,
        read: (bytes) => callers.check(index, bytes),
        uses: (use) => void usesRead.set(index, use),
        defer: (helpers) => {
          deferred.set(index, helpers);
          callers.learn(helpers);
        },
      };
      const result = await processFile(files[index], displayPath(files[index].path, cwd), mode, options, run);
      handled++;
      options.onProgress?.({ phase: "scan", done: handled, total: files.length });
      if (result && (result.status !== "unchanged" || result.sites.length > 0)) reported[index] = result;
      await turn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  if (deferred.size) {
    const evidence = await followHelpers(files, deferred, cwd, options, (j) => callers.mayCall(j), usesRead);
    for (const index of deferred.keys()) {
      const run = { styles, diff, env, evidence: evidence.get(index) ?? new Map() };
      const result = await processFile(files[index], displayPath(files[index].path, cwd), mode, options, run);
      if (result && (result.status !== "unchanged" || result.sites.length > 0)) reported[index] = result;
    }
  }

  const listed = reported.filter((r): r is FileReport => r !== undefined);
  const summary = {
    ...summarize(listed, mode),
    files: handled,
    ignoredFiles: ignored.files,
    ignoredFolders: ignored.folders,
    excludedFiles: excluded.files,
    excludedFolders: excluded.folders,
  };
  const report: Report = { version: 1, tool: toolInfo(), mode, environment: options.environment === undefined ? undefined : await environment, files: listed, summary };
  if (options.revert) report.revert = true;
  if (diff && !diff.fromCwd) report.diffRoot = diff.root;
  if (signal?.aborted && next < files.length) report.interrupted = { signal: abortName(signal), notStarted: files.length - next };
  const folders = files.filter((file, i) => reported[i] && file.target).map((file) => path.dirname(file.target!));
  const stale = await sweepFolders(folders, mode, cwd, options);
  if (stale) report.staleTempFiles = stale;
  return report;
}

/**
 * Second pass for helpers that return a converted model and were not put on
 * the export path in their own module: every other walked module that
 * imports one (by name, or its module) and calls it is asked what it does
 * with the result (helperUses). By deferred file index, helper -> evidence.
 */
async function followHelpers(
  files: SourceFile[],
  deferred: ReadonlyMap<number, string[]>,
  cwd: string,
  options: FixPathsOptions,
  mayCall: (index: number) => boolean,
  usesRead: ReadonlyMap<number, UsesRead>,
): Promise<Map<number, Map<string, Classification>>> {
  const found = new Map<number, Map<string, Classification>>();
  const wanted = [...new Set([...deferred.values()].flat())];
  const wantedBytes = wanted.map((helper) => Buffer.from(helper));
  const calls = new Map(wanted.map((helper) => [helper, new RegExp(`\\b${helper}\\s*\\(`)]));
  const layer = options.fs ?? nodeFs;
  for (let j = 0; j < files.length; j++) {
    const file = files[j];
    if (!file.target || options.signal?.aborted || !mayCall(j)) continue;
    let bytes: Buffer;
    try {
      bytes = (await readRegularFile(layer, file.target, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)).bytes;
    } catch {
      continue;
    }
    // Most modules name no helper at all: not decoded, nor searched.
    if (!wantedBytes.some((name) => bytes.includes(name))) continue;
    const text = bytes.toString("utf8");
    const called = wanted.filter((helper) => calls.get(helper)!.test(text));
    // Which deferred files this module may decide about, and for which of their helpers.
    const asked = new Map<number, string[]>();
    // Deferred files share module names (a helper module per copy of a
    // checkout): each (helper, module) pair is matched against this text once.
    const imports = new Map<string, boolean>();
    const importsOnce = (helper: string, module: string): boolean => {
      const key = `${helper}\0${module}`;
      let found = imports.get(key);
      if (found === undefined) imports.set(key, (found = importsHelper(text, helper, module)));
      return found;
    };
    for (const [index, helpers] of called.length ? deferred : []) {
      if (index === j) continue;
      const module = path.basename(files[index].path, ".py");
      const mine = helpers.filter((helper) => called.includes(helper) && importsOnce(helper, module));
      if (mine.length) asked.set(index, mine);
    }
    if (!asked.size) continue;
    // One parse of this module for every deferred file it may decide about
    // (a helper's evidence does not depend on which other helpers are asked).
    // (Or none: the first pass parsed it whole and read its uses of every helper asked.)
    const askedHelpers = [...new Set([...asked.values()].flat())];
    const read = usesRead.get(j);
    const uses = read && askedHelpers.every((helper) => read.asked.includes(helper)) ? read.found : helperUses(text, askedHelpers, { path: displayPath(file.path, cwd) });
    for (const [index, mine] of asked) {
      const evidence = found.get(index) ?? new Map<string, Classification>();
      for (const helper of mine) {
        const use = uses.get(helper);
        if (use && !evidence.has(helper)) evidence.set(helper, use);
      }
      found.set(index, evidence);
    }
    await turn();
  }
  return found;
}

/**
 * The first pass's note of which files may call a helper that returns a
 * converted model, so the second pass reads only those again: a file is
 * checked (its bytes searched for the helper names known so far) when it is
 * read; it must be read again if it names one, or if a helper became known
 * after it was checked. At monorepo scale, where one helper recurs in every
 * copy, that is the files before its first module and the few that name it.
 */
export class HelperCallers {
  private readonly names: Buffer[] = [];
  private readonly known = new Set<string>();
  /** Per file: how many helpers were known when it was checked (0: never checked). */
  private readonly checkedWith: Uint32Array;
  /** Per file: 1 when it names a helper known when it was checked. */
  private readonly naming: Uint8Array;

  constructor(files: number) {
    this.checkedWith = new Uint32Array(files);
    this.naming = new Uint8Array(files);
  }

  learn(helpers: readonly string[]): void {
    for (const helper of helpers) {
      if (this.known.has(helper)) continue;
      this.known.add(helper);
      this.names.push(Buffer.from(helper));
    }
  }

  /** Notes the file as checked; returns the known helpers it names. */
  check(index: number, bytes: Buffer): string[] {
    // Stored plus one, so 0 stays "never checked".
    this.checkedWith[index] = this.names.length + 1;
    const named = this.names.filter((name) => bytes.includes(name));
    if (named.length) this.naming[index] = 1;
    return named.map((name) => name.toString());
  }

  mayCall(index: number): boolean {
    return this.naming[index] === 1 || this.checkedWith[index] !== this.names.length + 1;
  }
}

/** Whether a module imports `helper` from a module named `module`, or imports that module and calls `.helper(`. */
export function importsHelper(text: string, helper: string, moduleName: string): boolean {
  const module = moduleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const byName = new RegExp(`^[ \\t]*from[ \\t]+[\\w.]*\\b${module}[ \\t]+import[ \\t]+(?:\\([^)]*|[^\\n]*)\\b${helper}\\b`, "m");
  if (byName.test(text)) return true;
  const theModule = new RegExp(`^[ \\t]*(?:import[ \\t]+[\\w.]*\\b${module}\\b|from[ \\t]+[\\w.]+[ \\t]+import[ \\t]+(?:\\([^)]*|[^\\n]*)\\b${module}\\b)`, "m");
  return theModule.test(text) && new RegExp(`\\.${helper}\\s*\\(`).test(text);
}

/** Removes (write) or lists (check, dry-run) the stale temp files in the folders; undefined when there are none. */
async function sweepFolders(folders: string[], mode: Mode, cwd: string, options: FixPathsOptions): Promise<StaleTempFiles | undefined> {
  const { removed, remaining } = await sweepStaleTemps(folders, { remove: mode === "write", layer: options.fs ?? nodeFs });
  if (!removed.length && !remaining.length) return undefined;
  return { removed: removed.length, remaining: remaining.map((file) => displayPath(file, cwd)) };
}

interface Outcome {
  status: FileStatus;
  code?: FileCode;
  reason?: string;
  sites: SiteReport[];
  bytes: Buffer;
  before?: string;
  after?: string;
  edits?: Edit[];
  revert?: RevertCounts;
  returnedHelpers?: string[];
  helperUses?: ReadonlyMap<string, Classification>;
}

/**
 * The run's dependencies on the environment, explicit: the detection runs
 * while files are walked, read and analysed, and only these wait for it.
 */
interface Environmental {
  /** Awaited by a file whose plan depends on the Paddle in use (needsEnvironment), and by the report. */
  environment: Promise<Environment | null>;
  /** Awaited before every write: a failed detection, or a failed gate, writes nothing. */
  beforeWrite: () => Promise<void>;
}

/**
 * Whether a file's plan depends on the environment: only upstream's bare
 * keyword does (bareKeywordPolicy), and a file that does not contain the
 * keyword's name cannot hold it (the callee's prefilter reads the same raw
 * bytes, so an encoding that hides one hides both).
 */
export function needsEnvironment(bytes: Buffer, keyword: Buffer = (keywordBytes ??= Buffer.from(loadPatch().keyword))): boolean {
  return bytes.includes(keyword);
}
let keywordBytes: Buffer | undefined;

/** helperUses of a file, read in its first parse: the helpers asked, and the evidence found (none for some). */
interface UsesRead {
  asked: readonly string[];
  found: ReadonlyMap<string, Classification>;
}

/** What one file's processing shares with the run. */
interface RunContext {
  styles: LineStyles | null;
  /** Dry-run: the paths the diffs name. */
  diff: DiffPaths | null;
  env: Environmental;
  /** Uses of helpers found in other modules, when this is the file's second pass. */
  evidence?: ReadonlyMap<string, Classification>;
  /** First pass: hand over a file whose helpers other modules may decide about (nothing is written then). */
  defer?: (helpers: string[]) => void;
  /** First pass: the file's bytes, once read (HelperCallers.check); returns the known helpers it names. */
  read?: (bytes: Buffer) => string[];
  /** First pass: what the file does with those helpers' results, read from its parse. */
  uses?: (use: UsesRead) => void;
}

/**
 * The report of a file, or null when it was deferred: its export may be
 * decided in another module (a helper returning the converted model).
 */
async function processFile(file: SourceFile, display: string, mode: Mode, options: FixPathsOptions, run: RunContext): Promise<FileReport | null> {
  const base = { path: display, sites: [] as SiteReport[] };
  const because = (status: FileStatus, code: FileCode, reason: string) => ({ status, code, reason });
  if (file.refusal) return { ...base, ...because(file.refusal.status, file.refusal.code, file.refusal.reason) };
  if (!file.target) return { ...base, status: "skipped" };
  const layer = options.fs ?? nodeFs;
  let read: ReadFile;
  try {
    read = await readRegularFile(layer, file.target, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof NotRegularFileError) return { ...base, ...because("skipped", "file/not-regular", error.message) };
    if (error instanceof TooLargeError) return { ...base, ...because("skipped", "file/too-large", error.message) };
    return { ...base, ...because("error", "file/unreadable", `cannot read: ${describeFsError(error)}`) };
  }
  const named = run.read?.(read.bytes) ?? [];
  const force = options.force?.get(file.target);
  // Reverting never depends on the Paddle; fixing only where the bare keyword may be.
  const environment = !options.revert && needsEnvironment(read.bytes) ? await run.env.environment : null;
  const outcome = options.revert ? revertOutcome(read.bytes, mode) : fixOutcome(read.bytes, display, mode, options, environment, force, () => run.styles?.forFile(file.path) ?? null, run.evidence, named);
  if (outcome.helperUses) run.uses?.({ asked: named, found: outcome.helperUses });
  if (!options.revert && outcome.returnedHelpers?.length && run.defer) {
    run.defer(outcome.returnedHelpers);
    return null;
  }
  const { code, reason, sites, revert } = outcome;
  const status = gated(outcome.status, code);
  const report: FileReport = { path: display, status, ...(reason ? { code, reason } : {}), sites, ...(revert ? { revert } : {}) };
  if (status !== "changed" || mode === "check") return report;
  if (mode === "dry-run") return { ...report, diff: unifiedDiff(run.diff!.of(file.path), outcome.before!, outcome.after!) };
  const pending = { ...report, sites: sites.map(pendingAction) };
  if (options.signal?.aborted) {
    return { ...pending, ...because("skipped", "file/interrupted", `interrupted (${abortName(options.signal)}) before it was written; left alone`) };
  }
  await run.env.beforeWrite();
  if (options.signal?.aborted) {
    return { ...pending, ...because("skipped", "file/interrupted", `interrupted (${abortName(options.signal)}) before it was written; left alone`) };
  }
  try {
    await replaceFile(file.target, outcome.bytes, { hash: contentHash(read.bytes), stat: read.stat }, layer);
  } catch (error) {
    const code = error instanceof ChangedOnDiskError ? "file/changed-on-disk" : "file/write-failed";
    return { ...pending, ...because("error", code, describeFsError(error)) };
  }
  return options.revert ? { ...report, reason: revertReason(revert!, true) } : { ...report, sites: writtenSites(sites, outcome) };
}

/** The sites of a file that was written, each with where it is in the written text (see SiteReport.written). */
function writtenSites(sites: SiteReport[], outcome: Pick<Outcome, "before" | "after" | "edits">): SiteReport[] {
  const { before, after, edits } = outcome;
  if (before === undefined || after === undefined || !edits) return sites;
  // One pass for all of a file's sites (a generated module may hold tens of thousands).
  const written = positionsAfterEdits(before, edits, after, sites);
  return sites.map(({ line, column, ...rest }, i) => ({ line, column, written: written[i], ...rest }));
}

function fixOutcome(
  bytes: Buffer,
  display: string,
  mode: Mode,
  options: FixPathsOptions,
  environment: Environment | null,
  force: ReadonlyMap<number, string> | undefined,
  lineStyle: () => LineStyle | null,
  helperEvidence: ReadonlyMap<string, Classification> | undefined,
  helperUsesOf: readonly string[] = [],
): Outcome {
  // Nothing is written in check mode, so the result need not be re-parsed.
  const bareKeyword = bareKeywordPolicy(environment, Boolean(options.guardBareKeywords));
  const result = fixBytes(bytes, { path: display, all: options.all, style: options.style, force, bareKeyword, verify: mode !== "check", lineStyle, overrideFullGraphFalse: options.fixFullGraphFalse, helperEvidence, helperUsesOf });
  return { ...result, sites: mode === "write" ? result.sites : result.sites.map(pendingAction) };
}

function revertOutcome(bytes: Buffer, mode: Mode): Outcome {
  const result = revertBytes(bytes);
  const revert = revertCounts(result);
  const reason = result.status === "changed" ? revertReason(revert, mode === "write") : result.reason;
  const code = result.status === "changed" ? "file/reverted" : result.code;
  return { ...result, code, reason, sites: [], ...(result.status === "unchanged" ? {} : { revert }) };
}

/**
 * What upstream's bare full_graph=True gets: guarded when asked, or when the
 * effective Paddle (flag, installed, or the checkout's pin) rejects it
 * (before 2.5); left alone when that Paddle accepts it or is unknown.
 */
export function bareKeywordPolicy(environment: Environment | null, asked: boolean): BareKeywordPolicy {
  const paddle = environment?.paddle ?? null;
  const name = paddle ? (paddle.develop ? "develop" : paddle.raw) : null;
  if (asked) return { action: "guard", paddle: name, asked: true };
  return { action: supportsFullGraphKeyword(paddle) === false ? "guard" : "keep", paddle: name };
}

function revertCounts({ guardBlocks, keywords, irregular, rewrapped, stillWrapped }: RevertCounts): RevertCounts {
  return { guardBlocks, keywords, irregular, rewrapped, stillWrapped };
}

/** `removed the guard block and 2 keywords` (or `would remove ...`), and what could not come back exactly. */
export function revertReason(counts: RevertCounts, done: boolean): string {
  const parts: string[] = [];
  if (counts.guardBlocks) parts.push(counts.guardBlocks === 1 ? "the guard block" : `${counts.guardBlocks} guard blocks`);
  if (counts.keywords) parts.push(plural(counts.keywords, "keyword"));
  let line = `${done ? "removed" : "would remove"} ${parts.join(" and ")}`;
  if (counts.rewrapped) line += `; ${done ? "restored" : "would restore"} the layout of ${plural(counts.rewrapped, "re-wrapped call")}`;
  // What a later edit made impossible to give back exactly, file by file.
  if (counts.irregular) line += ` (${counts.irregular} not in the form this tool writes: removed with its comma, spacing may differ)`;
  if (counts.stillWrapped) line += ` (not exact: ${plural(counts.stillWrapped, "call")} re-wrapped by the fix ${counts.stillWrapped === 1 ? "was" : "were"} edited since and ${counts.stillWrapped === 1 ? "keeps its" : "keep their"} wrapping)`;
  return line;
}

/** A file that may hold a site but could not be checked is an error, whatever the mode (see UNCHECKED_FILE_CODES). */
function gated(status: FileStatus, code: FileCode | undefined): FileStatus {
  return code !== undefined && UNCHECKED_FILE_CODES.has(code) ? "error" : status;
}

function abortName(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (typeof reason === "string") return reason;
  return reason instanceof Error ? reason.message : "aborted";
}

export function pendingAction(site: SiteReport): SiteReport {
  return site.action === "fixed" ? { ...site, action: "would-fix" } : site;
}

/**
 * Counts over the listed files. In write mode only what was written counts
 * as fixed: a site whose file failed to write stays pending (would-fix) and
 * is not counted.
 */
export function summarize(results: FileReport[], mode: Mode): Summary {
  const summary: Summary = { files: results.length, changed: 0, fixed: 0, alreadyFixed: 0, skipped: 0, needsReview: 0, errors: 0, skippedFiles: 0, ignoredFiles: 0, ignoredFolders: 0, excludedFiles: 0, excludedFolders: 0 };
  for (const file of results) {
    if (file.status === "changed") summary.changed++;
    if (file.status === "error") summary.errors++;
    if (file.status === "skipped") summary.skippedFiles++;
    for (const site of file.sites) {
      if (site.action === "fixed" || (site.action === "would-fix" && mode !== "write")) summary.fixed++;
      else if (site.action === "already-fixed") summary.alreadyFixed++;
      else if (site.action === "skipped") summary.skipped++;
      else if (site.action === "needs-review") summary.needsReview++;
    }
  }
  return summary;
}

/** Relative to the working folder when below it, else absolute; `/` separators. */
function displayPath(file: string, cwd: string): string {
  return relativeInside(cwd, file) ?? file.split(path.sep).join("/");
}


/** The report of a single source that was not read from a file (stdin). */
export function reportForSource(
  name: string,
  mode: Mode,
  result: FixBytesResult | RevertBytesResult,
  revert: boolean,
): Report {
  if (revert) {
    const r = result as RevertBytesResult;
    const counts = revertCounts(r);
    const reason = r.status === "changed" ? revertReason(counts, mode === "write") : r.reason;
    const code = r.status === "changed" ? "file/reverted" : r.code;
    const file: FileReport = { path: name, status: gated(r.status, code), ...(reason ? { code, reason } : {}), sites: [], revert: counts };
    return { version: 1, tool: toolInfo(), mode, revert: true, files: [file], summary: summarize([file], mode) };
  }
  const fixed = result as FixBytesResult;
  // Written to stdout in write mode: positions in that text too.
  const sites = mode !== "write" ? fixed.sites.map(pendingAction) : fixed.status === "changed" ? writtenSites(fixed.sites, fixed) : fixed.sites;
  const file: FileReport = { path: name, status: gated(fixed.status, fixed.code), ...(fixed.reason ? { code: fixed.code, reason: fixed.reason } : {}), sites };
  return { version: 1, tool: toolInfo(), mode, files: [file], summary: summarize([file], mode) };
}
