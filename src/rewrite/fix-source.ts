// The core: source text in, new text and a per-site account out. No I/O.
import { loadPatch, type Patch } from "../patches.js";
import { mayContainSite } from "../prefilter.js";
import { argumentState } from "../python/arguments.js";
import type { FixStyle, Insertion, SiteReport } from "../model.js";
import { classifySite, enclosingFunction, type ClassifyContext } from "../python/classify.js";
import { detectConventions } from "../python/conventions.js";
import { bindablePositions } from "../python/locate.js";
import { NameIndex } from "../python/names.js";
import { firstSyntaxError, parsePython, type Tree } from "../python/parser.js";
import { Excerpt, excerptAround, PARTIAL_PARSE_MIN_CHARS, PartialPlan } from "../python/partial-parse.js";
import { ScopeFacts } from "../python/scope-facts.js";
import { calleeWords, findSites, type CallSite } from "../python/sites.js";
import { callSiteInsertion } from "./call-site.js";
import { guardInsertion } from "./guard.js";
import { applyInsertions } from "./insertions.js";


export interface FixSourceOptions {
  /** The file's path, used only to recognise export scripts by name. */
  path?: string | null;
  /** Fix `other` sites too (training-time conversions and the like). */
  all?: boolean;
  /** `guarded` (default) passes the keyword through the guard; `plain` writes it bare, like upstream. */
  style?: FixStyle;
  patch?: Patch;
  /**
   * Sites to fix whatever their class, by 1-based line, with the reason the
   * report gives (e.g. a traceback led there).
   */
  force?: ReadonlyMap<number, string>;
  /**
   * Re-parse the result and refuse an edit that would add a syntax error
   * (default true). A --check run, which writes nothing, may skip it.
   */
  verify?: boolean;
  /**
   * Texts of at least this many characters are parsed in part: only the
   * top-level statements that can matter (default PARTIAL_PARSE_MIN_CHARS;
   * Infinity parses every file whole).
   */
  partialParseMinChars?: number;
}

export interface FixSourceResult {
  status: "changed" | "unchanged" | "skipped" | "error";
  reason?: string;
  text: string;
  sites: SiteReport[];
  insertions: Insertion[];
  /** Characters the parser read: the text's length, less for a big file parsed in part; absent when nothing was parsed. */
  parsedChars?: number;
}

interface Analysis {
  sites: { site: CallSite; report: SiteReport }[];
  usesGuard: boolean;
  /** Local names the imports bind to a prefix of a callee (`paddle`, `jit`, `ts`). */
  names: ReadonlySet<string>;
}

export function fixSource(text: string, options: FixSourceOptions = {}): FixSourceResult {
  const patch = options.patch ?? loadPatch();
  const unchanged = (sites: SiteReport[] = [], extra: Partial<FixSourceResult> = {}): FixSourceResult => ({
    status: "unchanged",
    text,
    sites,
    insertions: [],
    ...extra,
  });
  if (!mayContainSite(text, patch)) return unchanged();

  const parsed = parseAndAnalyse(text, options, patch);
  if ("syntaxError" in parsed) {
    const { line, column } = parsed.syntaxError;
    return unchanged([], { status: "skipped", reason: `syntax error at ${line}:${column}` });
  }
  // `source` is the text that was parsed: the file, or an excerpt of a big one.
  const { source, tree, analysis } = parsed;
  const toFix = analysis.sites.filter((s) => s.report.action === "fixed");
  const style = options.style ?? "guarded";
  const keywordText = style === "plain" ? `${patch.keyword}=${patch.value}` : `**${patch.guard.function}()`;
  // The whole file is searched for the block (an excerpt may not hold its marker line).
  const needsGuard = style === "guarded" && (toFix.length > 0 || analysis.usesGuard) && !text.includes(patch.guard.beginMarker);
  // Most parsed files need no edit: their conventions are never looked at.
  const conv = toFix.length > 0 || needsGuard ? detectConventions(text) : null;
  const local = toFix.map(({ site }) => callSiteInsertion(source.text, site, keywordText, conv!.indent));
  if (conv && needsGuard) {
    const firstUse = Math.min(source.text.length, ...toFix.map((s) => s.site.node.startIndex));
    local.push(guardInsertion(source.text, tree.rootNode, patch.guard, conv, firstUse));
  }
  const insertions = local.map((ins) => ({ ...ins, offset: source.originalOffset(ins.offset) }));
  const reports = analysis.sites.map((s) => s.report);
  const parsedChars = source.text.length;
  if (!insertions.length) return unchanged(reports, { parsedChars });

  const newText = applyInsertions(text, insertions);
  const problem = options.verify === false ? null : verify(newText, source instanceof Excerpt ? insertions : null);
  if (problem) return unchanged(reports, { status: "error", reason: `edit not applied: ${problem}`, parsedChars });
  return { status: "changed", text: newText, sites: reports, insertions, parsedChars };
}

/** The whole text, seen as the trivial excerpt of itself. */
class WholeText {
  constructor(readonly text: string) {}
  originalOffset(offset: number): number {
    return offset;
  }
  originalRow(row: number): number {
    return row;
  }
}

type Source = WholeText | Excerpt;
type Parsed = { source: Source; tree: Tree; analysis: Analysis } | { syntaxError: { line: number; column: number } };

function parseAndAnalyse(text: string, options: FixSourceOptions, patch: Patch): Parsed {
  if (text.length >= (options.partialParseMinChars ?? PARTIAL_PARSE_MIN_CHARS)) {
    const part = analysePart(text, options, patch);
    if (part) return part;
  }
  const source = new WholeText(text);
  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError) return { syntaxError };
  return { source, tree, analysis: analyse(tree, source, options, patch) };
}

/**
 * The analysis of an excerpt (see partial-parse.ts), or null where it could
 * differ from a full one: an excerpt that does not parse, or a site whose
 * class depends on module-wide facts (decorators, module-level calls).
 */
function analysePart(text: string, options: FixSourceOptions, patch: Patch): { source: Excerpt; tree: Tree; analysis: Analysis } | null {
  const callees = [patch.callee, ...patch.calleeAliases];
  // Imports and global declarations anywhere decide what names mean.
  const plan = PartialPlan.create(text, [...calleeWords(callees), "import", "global", "nonlocal"]);
  if (!plan) return null;
  const attempt = () => {
    const source = plan.excerpt();
    const tree = parsePython(source.text);
    return tree.rootNode.hasError ? null : { source, tree, analysis: analyse(tree, source, options, patch) };
  };
  let part = attempt();
  // Definitions that rebind a relevant name or call an alias (`ts(net)`) matter too.
  if (part && plan.include(bindablePositions(text, part.analysis.names))) part = attempt();
  // Such sites are classified from facts about the whole module (classify.ts).
  if (!part || part.analysis.sites.some(({ site }) => site.form === "decorator" || !enclosingFunction(site.chain))) return null;
  return part;
}

function analyse(tree: Tree, source: Source, options: FixSourceOptions, patch: Patch): Analysis {
  const { text } = source;
  const callees = [patch.callee, ...patch.calleeAliases];
  const names = new NameIndex(tree, text, [...callees, ...patch.saveCallees], calleeWords([...callees, ...patch.saveCallees]));
  const ctx: ClassifyContext = {
    names,
    root: tree.rootNode,
    filePath: options.path ?? null,
    sotAttributes: new Set(patch.sotAttributes),
    saveCallees: new Set(patch.saveCallees),
    facts: new ScopeFacts(new Set(patch.sotAttributes)),
    line: (node) => source.originalRow(node.startPosition.row) + 1,
  };
  let usesGuard = false;
  const sites = findSites(names, new Set(callees), patch.guard.function).map((site) => {
    const classification = classifySite(site, ctx);
    const state = argumentState(site, patch.keyword, patch.value, patch.guard.function);
    if (state.kind !== "open" && state.code === "already-fixed/guard") usesGuard = true;
    const base = {
      line: ctx.line(site.node),
      column: site.node.startPosition.column + 1,
      form: site.form,
      callee: site.calleeNode.text,
      class: classification.class,
    };
    const forced = options.force?.get(base.line);
    let report: SiteReport;
    if (state.kind !== "open") report = { ...base, action: state.kind, code: state.code, reason: state.reason };
    else if (forced) report = { ...base, action: "fixed", code: "traceback/traced", reason: forced };
    else if (classification.class === "other" && !options.all) {
      report = { ...base, action: "skipped", code: classification.code, reason: `${classification.reason} (--all fixes it too)` };
    } else report = { ...base, action: "fixed", code: classification.code, reason: classification.reason };
    return { site, report };
  });
  return { sites, usesGuard, names: names.names };
}

/**
 * The new text must parse without an error the old one did not have. After an
 * excerpt, only the top-level statements the insertions landed in are
 * re-parsed: everything else is the old text, byte for byte.
 */
function verify(newText: string, excerptInsertions: readonly Insertion[] | null): string | null {
  const source = excerptInsertions ? excerptAround(newText, newSpans(excerptInsertions)) : new WholeText(newText);
  const error = firstSyntaxError(parsePython(source.text));
  return error ? `the result would have a syntax error at ${source.originalRow(error.line - 1) + 1}:${error.column}` : null;
}

/** Where each insertion's text sits in the new text. */
function newSpans(insertions: readonly Insertion[]): { start: number; end: number }[] {
  let shift = 0;
  return [...insertions]
    .sort((a, b) => a.offset - b.offset)
    .map((ins) => {
      const start = ins.offset + shift;
      shift += ins.text.length;
      return { start, end: start + ins.text.length };
    });
}
