// The core: source text in, new text and a per-site account out. No I/O.
// The flow: analyse (sites, their class and what they already pass) ->
// one fix per site with its applicability -> select the fixes to apply
// (select.ts) -> their edits plus the shared guard block -> apply -> verify.
import { loadPatch, type Patch } from "../patches.js";
import { lastName, mayContainSite } from "../python/prefilter.js";
import { namedInCode } from "../python/chunks.js";
import { argumentState, type ArgumentState } from "../python/arguments.js";
import type { Edit, FileCode, Fix, FixStyle, LineStyle, SiteReport } from "../model.js";
import { classifySite, enclosingFunction, helperUseEvidence, type Classification, type ClassifyContext } from "../python/classify.js";
import { detectConventions, type Conventions } from "../python/conventions.js";
import { bindablePositions, scopeName, wordPositions } from "../python/locate.js";
import { mayHoldAlias, NameIndex } from "../python/names.js";
import { firstSyntaxError, parsePython, type SyntaxNode, type Tree } from "../python/parser.js";
import { Excerpt, excerptAround, PARTIAL_PARSE_MIN_CHARS, PartialPlan } from "../python/partial-parse.js";
import { ScopeFacts } from "../python/scope-facts.js";
import { calleeWords, findSites, type CallSite } from "../python/sites.js";
import { bareKeywordGuard, hasTrailingComma, keywordInsertion } from "./call-site.js";
import { applyEdits, editedSpans, sortedEdits } from "./edits.js";
import { guardInsertion, guardNoteInsertion } from "./guard.js";
import { selectFix, type Decision } from "./select.js";
import { layoutRecord, usesModernSyntax, wrappedKeyword } from "./wrap.js";


export interface FixSourceOptions {
  /** The file's path, used only to recognise export scripts by name. */
  path?: string | null;
  /** Apply unsafe fixes too: `other` sites (training-time conversions and the like). */
  all?: boolean;
  /** `guarded` (default) passes the keyword through the guard; `plain` writes it bare, like upstream. */
  style?: FixStyle;
  patch?: Patch;
  /**
   * Sites to fix whatever their class, by 1-based line, with the reason the
   * report gives (a traceback led there): their fixes are promoted.
   */
  force?: ReadonlyMap<number, string>;
  /**
   * Upstream's bare `full_graph=True`: `guard` rewrites it into the guarded
   * form (the effective Paddle rejects it, or the user asked: `asked`), `keep`
   * leaves it (default). `paddle` names the effective release for the
   * reason, null when unknown.
   */
  bareKeyword?: BareKeywordPolicy;
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
  /** Skip the parse when the callee is named only in comments and strings (default true; false: the tests' reference). */
  lexicalSkip?: boolean;
  /**
   * The project formatter's layout (files/line-style.ts reads it), asked
   * for only when a keyword is inserted; none: lines stay as they are.
   */
  lineStyle?: () => LineStyle | null;
  /**
   * Change `full_graph=False` to `True` where the call's program is read
   * (needs-review/full-graph-false-read), which raises on Paddle 2.6+ as
   * written. Someone chose that value, so only when asked.
   */
  overrideFullGraphFalse?: boolean;
  /**
   * What other modules of the checkout do with the result of a helper that
   * returns a converted model (helperUses, by helper name): it decides the
   * class of that helper's site when nothing in this module did.
   */
  helperEvidence?: ReadonlyMap<string, Classification>;
  /**
   * Helpers of other modules this module names: when it is parsed whole,
   * what it does with their results is read from the same tree
   * (helperUses without a parse of its own), in the result's `helperUses`.
   */
  helperUsesOf?: readonly string[];
}

export interface BareKeywordPolicy {
  action: "guard" | "keep";
  paddle: string | null;
  asked?: boolean;
}

export interface FixSourceResult {
  status: "changed" | "unchanged" | "skipped" | "error";
  /** With reason: why the file was skipped or not edited. */
  code?: FileCode;
  reason?: string;
  text: string;
  sites: SiteReport[];
  /** The edits applied, in offsets of the input text: insertions, and upstream's bare keyword replaced where it is guarded. */
  edits: Edit[];
  /** Characters the parser read: the text's length, less for a big file parsed in part; absent when nothing was parsed. */
  parsedChars?: number;
  /**
   * Module-level helpers that return a converted model whose site nothing in
   * this module put on the export path: other modules' use of them may.
   */
  returnedHelpers?: string[];
  /** helperUses(text, options.helperUsesOf), when the text was parsed whole without an error. */
  helperUses?: Map<string, Classification>;
}

/** What the analysis knows of one site, before any fix is chosen. */
interface Finding {
  site: CallSite;
  place: Pick<SiteReport, "line" | "column" | "form" | "callee" | "scope" | "class">;
  classification: Classification;
  state: ArgumentState;
}

interface Analysis {
  findings: Finding[];
  usesGuard: boolean;
  /** Local names the imports bind to a prefix of a callee (`paddle`, `jit`, `ts`). */
  names: ReadonlySet<string>;
  /** Whether an alias assignment (`ts = paddle.jit.to_static`) binds one: its uses need not name the callee. */
  aliased: boolean;
}

export function fixSource(text: string, options: FixSourceOptions = {}): FixSourceResult {
  const patch = options.patch ?? loadPatch();
  const unchanged = (sites: SiteReport[] = [], extra: Partial<FixSourceResult> = {}): FixSourceResult => ({
    status: "unchanged",
    text,
    sites,
    edits: [],
    ...extra,
  });
  if (!mayContainSite(text, patch)) return unchanged();
  // Named only in comments and strings: no site, nothing to parse (proven
  // equal to the parser's reading in test/python/named-in-code.test.ts).
  if (options.lexicalSkip !== false && !namedInCode(text, lastName(patch.callee))) return unchanged();

  const parsed = parseAndAnalyse(text, options, patch);
  if ("syntaxError" in parsed) {
    const { line, column } = parsed.syntaxError;
    return unchanged([], { status: "skipped", code: "file/syntax-error", reason: `syntax error at ${line}:${column}` });
  }
  // `source` is the text that was parsed: the file, or an excerpt of a big one.
  const { source, tree, analysis } = parsed;
  const uses = options.helperUsesOf?.length && source instanceof WholeText ? { helperUses: usesOfHelpers(tree, text, options.helperUsesOf, options.path ?? null, patch) } : {};
  const style = options.style ?? "guarded";
  const exactBare = `${patch.keyword}=${patch.value}`;
  const keywordText = style === "plain" ? exactBare : `**${patch.guard.function}()`;
  // Most parsed files need no edit: their conventions are never looked at.
  let conventions: Conventions | null = null;
  const conv = () => (conventions ??= detectConventions(text));
  // Nor their formatter's style: asked once, when the first edit is built.
  let lineStyle: LineStyle | null | undefined;
  const formatter = () => (lineStyle === undefined ? (lineStyle = options.lineStyle?.() ?? null) : lineStyle);
  const bare: BareKeywordPolicy = options.bareKeyword ?? { action: "keep", paddle: null };
  // A bare keyword is guarded only through the guard: --style plain writes bare ones itself.
  const guardBare = bare.action === "guard" && style === "guarded" ? `${patch.guard.function}()` : null;
  // black infers the Pythons a file targets from its syntax, our edits
  // included: a keyword added after a magic trailing comma (`**KW,`) is such
  // syntax too, which makes black want the comma after every `**KW`.
  // Asked per wrapped site, answered once per file (a scan of the whole text and of every site).
  let modern: boolean | undefined;
  const modernSyntax = () =>
    (modern ??= usesModernSyntax(text) || analysis.findings.some((f) => f.state.kind === "open" && f.site.args !== null && hasTrailingComma(f.site.args)));
  // Re-wrapped calls, each with the note of its old layout that goes in the guard block (wrap.ts).
  const layoutNotes = new Map<Edit, string>();
  const planned = analysis.findings.map((finding) => {
    const keyword = () => {
      const plain = keywordInsertion(source.text, finding.site, keywordText, conv().indent);
      const layout = formatter();
      const wrapped = layout ? wrappedKeyword(source.text, finding.site, keywordText, plain, layout, { eol: conv().eol, modernSyntax }) : plain;
      if (wrapped === plain || style === "plain") return wrapped;
      // A layout that cannot be noted down could not be restored: the plain insertion instead.
      const note = layoutRecord(source.text, finding.site.args!, wrapped, conv().eol);
      if (note === null) return plain;
      layoutNotes.set(wrapped, note);
      return wrapped;
    };
    const fix = planFix(finding, keyword, style, guardBare, exactBare, Boolean(options.overrideFullGraphFalse));
    const decision: Decision = fix ? selectFix(fix, finding.place.line, { unsafe: options.all, promoted: options.force }) : { apply: false };
    return { finding, fix, decision, report: siteReport(finding, decision, bare) };
  });
  const applied = planned.filter((p) => p.decision.apply);
  const local = applied.flatMap((p) => p.fix!.edits);
  // The whole file is searched for the block (an excerpt may not hold its marker line).
  const wantsGuard = applied.some((p) => p.fix!.shared.includes("guard-block")) || analysis.usesGuard;
  const notes = local.flatMap((e) => layoutNotes.get(e) ?? []);
  const hasGuard = text.includes(patch.guard.beginMarker);
  if (style === "guarded" && wantsGuard && !hasGuard) {
    // A loop, not Math.min(...all): a file may hold more sites than a call takes arguments.
    let firstUse = source.text.length;
    for (const p of applied) firstUse = Math.min(firstUse, p.finding.site.node.startIndex);
    // A formatter that normalises string quotes (black) gets the guard in its quotes, not the file's.
    const quote = formatter()?.stringQuote;
    local.push(guardInsertion(source.text, tree.rootNode, patch.guard, quote ? { ...conv(), quote } : conv(), firstUse, notes));
  }
  const mapped = local.map((e) => ({ ...e, start: source.originalOffset(e.start), end: source.originalOffset(e.end) }));
  // A block already there (whole-file offsets: an excerpt may not hold it) takes the new notes before its end marker.
  if (hasGuard && notes.length) {
    const note = guardNoteInsertion(text, patch.guard, notes, conv().eol);
    if (note) mapped.push(note);
  }
  // Sorted once here: applying, proving and mapping positions then read them in one pass each.
  const edits = sortedEdits(mapped);
  const reports = planned.map((p) => p.report);
  const parsedChars = source.text.length;
  // Helpers whose site stayed off the export path: other modules may put it there.
  const helpers = [...new Set(planned.flatMap((p) => (p.finding.classification.returnedBy && p.finding.classification.class === "other" && !p.decision.apply ? [p.finding.classification.returnedBy] : [])))];
  const returnedHelpers = helpers.length ? { returnedHelpers: helpers } : {};
  if (!edits.length) return unchanged(reports, { parsedChars, ...returnedHelpers, ...uses });

  const newText = applyEdits(text, edits);
  const problem = options.verify === false ? null : verify(newText, source instanceof Excerpt ? edits : null);
  if (problem) return unchanged(reports, { status: "error", code: "file/edit-not-applied", reason: `edit not applied: ${problem}`, parsedChars, ...uses });
  return { status: "changed", text: newText, sites: reports, edits, parsedChars, ...returnedHelpers, ...uses };
}

/**
 * The fix a site gets, or null when it already passes the keyword: the
 * keyword for an open site (safe on the export path, unsafe off it), nothing
 * to apply for one a person must review.
 */
function planFix(finding: Finding, keyword: () => Edit, style: FixStyle, guardBare: string | null, exactBare: string, overrideFalse: boolean): Fix | null {
  const { state, classification } = finding;
  // Upstream's bare keyword raises TypeError wherever the call runs, so its
  // guarding is safe for every class; only the exact spelling is rewritten
  // (--revert gives back exactly that).
  if (state.kind === "already-fixed" && state.bareKeyword && guardBare && state.bareKeyword.text === exactBare) {
    return { edits: [bareKeywordGuard(state.bareKeyword, guardBare)], shared: ["guard-block"], applicability: "safe" };
  }
  if (state.kind === "already-fixed") return null;
  // `False` only ever ran on 2.5+ (older releases reject the keyword), where `True` runs too: no guard needed.
  const chosen = falseRead(finding);
  if (overrideFalse && chosen) return { edits: [{ start: chosen.startIndex, end: chosen.endIndex, text: "True" }], shared: [], applicability: "safe" };
  if (state.kind === "needs-review") return { edits: [], shared: [], applicability: "display-only" };
  return {
    edits: [keyword()],
    shared: style === "guarded" ? ["guard-block"] : [],
    applicability: classification.class === "other" ? "unsafe" : "safe",
  };
}

/** The `False` of a call passing `full_graph=False` whose program is read (it raises on 2.6+ as written), else null. */
function falseRead({ state, classification }: Finding): SyntaxNode | null {
  if (state.kind !== "needs-review" || state.code !== "needs-review/full-graph-value" || classification.class !== "required") return null;
  return state.chosenValue?.text === "False" ? state.chosenValue : null;
}

function siteReport(finding: Finding, decision: Decision, bare: BareKeywordPolicy): SiteReport {
  const { place, state, classification } = finding;
  if (state.kind !== "open" && state.bareKeyword) return bareKeywordReport(place, state.bareKeyword.text, decision.apply, bare);
  // Someone chose full_graph=False, but the program is read: that read raises on 2.6+.
  if (state.kind !== "open" && falseRead(finding)) {
    if (decision.apply) {
      const reason = `passed full_graph=False, but ${classification.reason}, which raises on Paddle 2.6+: changed to True (--fix-full-graph-false)`;
      return { ...place, action: "fixed", code: "required/full-graph-false-overridden", reason };
    }
    const reason = `${state.reason}, but ${classification.reason}, which raises on Paddle 2.6+ (full_graph=True there, by hand, or --fix-full-graph-false)`;
    return { ...place, action: "needs-review", code: "needs-review/full-graph-false-read", reason };
  }
  if (state.kind !== "open") return { ...place, action: state.kind, code: state.code, reason: state.reason };
  if (!decision.apply) {
    return { ...place, action: "skipped", code: classification.code, reason: `${classification.reason} (--all fixes it too)` };
  }
  if (decision.promotedBecause) return { ...place, action: "fixed", code: "traceback/traced", reason: decision.promotedBecause };
  return { ...place, action: "fixed", code: classification.code, reason: classification.reason };
}

/** A site passing upstream's bare keyword: guarded here, or left with what the effective Paddle makes of it. */
function bareKeywordReport(place: Finding["place"], written: string, guarded: boolean, bare: BareKeywordPolicy): SiteReport {
  if (guarded) {
    const why = bare.asked ? "guarded (--guard-bare-keyword)" : `Paddle ${bare.paddle} rejects it with TypeError: guarded`;
    return { ...place, action: "fixed", code: "upstream/bare-keyword-rejected", reason: `passes a bare ${written}; ${why}` };
  }
  const unguarded = "unguarded: Paddle 2.3/2.4 reject it with TypeError";
  let reason: string;
  if (bare.action === "guard") reason = `already passes ${written} (${unguarded}; left as written: only the exact spelling is guarded, and only with --style guarded)`;
  else if (bare.paddle) reason = `already passes ${written} (Paddle ${bare.paddle} accepts it; ${unguarded})`;
  else reason = `already passes ${written} (${unguarded}; the Paddle in use is unknown: --paddle-version or --guard-bare-keyword decides)`;
  return { ...place, action: "already-fixed", code: "already-fixed/upstream-unguarded", reason };
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
  // An alias's calls (`ts(net)`) need not name the callee, so an excerpt may miss them.
  // A site classed by its context alone may be returned to a caller outside
  // the excerpt (classify.ts follows returns): read every use of its function's name too.
  const helpers = part ? contextSiteFunctions(part.analysis) : [];
  if (part && helpers.length && plan.include(wordPositions(text, helpers))) part = attempt();
  if (!part || part.analysis.aliased || mayHoldAlias(text, part.analysis.names) || part.analysis.findings.some(({ site }) => site.form === "decorator" || !enclosingFunction(site.chain))) return null;
  return part;
}

/** Codes given from a site's context (names), when no evidence in its scope decided. */
const CONTEXT_CODES = new Set(["other/training-helper", "other/not-on-export-path", "export/in-export-function", "export/in-export-script"]);

/** Names of the functions that hold a site classed from its context alone. */
function contextSiteFunctions(analysis: Analysis): string[] {
  const names = analysis.findings.filter((f) => CONTEXT_CODES.has(f.classification.code)).map((f) => enclosingFunction(f.site.chain)?.childForFieldName("name")?.text);
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}

/** What the classifier needs of a module; `originalRow` maps a parsed row to the file's (an excerpt's rows differ). */
function classifyContext(names: NameIndex, tree: Tree, filePath: string | null, patch: Patch, originalRow: (row: number) => number): ClassifyContext {
  return {
    names,
    root: tree.rootNode,
    filePath,
    sotAttributes: new Set(patch.sotAttributes),
    saveCallees: new Set(patch.saveCallees),
    facts: new ScopeFacts(new Set(patch.sotAttributes)),
    line: (node) => originalRow(node.startPosition.row) + 1,
  };
}

function analyse(tree: Tree, source: Source, options: FixSourceOptions, patch: Patch): Analysis {
  const { text } = source;
  const callees = [patch.callee, ...patch.calleeAliases];
  const names = new NameIndex(tree, text, [...callees, ...patch.saveCallees], calleeWords([...callees, ...patch.saveCallees]));
  const ctx = classifyContext(names, tree, options.path ?? null, patch, (row) => source.originalRow(row));
  let usesGuard = false;
  const findings = findSites(names, new Set(callees), patch.guard.function).map((site): Finding => {
    const own = classifySite(site, ctx);
    const classification = (own.returnedBy && own.class === "other" && options.helperEvidence?.get(own.returnedBy)) || own;
    const state = argumentState(site, patch.keyword, patch.value, patch.guard.function);
    if (state.kind !== "open" && state.code === "already-fixed/guard") usesGuard = true;
    const place = {
      line: ctx.line(site.node),
      column: site.node.startPosition.column + 1,
      form: site.form,
      callee: site.calleeNode.text,
      ...scopeOf(site),
      class: classification.class,
    };
    return { site, place, classification, state };
  });
  return { findings, usesGuard, names: names.names, aliased: names.aliases.size > 0 };
}

/**
 * What a module does with the results of the named helpers (defined in
 * another module): a program read or a save of `x = helper(...)`, by helper.
 * `path` names this module in the reasons. No I/O.
 */
export function helperUses(text: string, helpers: readonly string[], options: { path: string; patch?: Patch }): Map<string, Classification> {
  const patch = options.patch ?? loadPatch();
  const tree = parsePython(text);
  if (firstSyntaxError(tree)) return new Map();
  return usesOfHelpers(tree, text, helpers, options.path, patch);
}

/** helperUses on a tree of the whole text, already parsed without an error. */
function usesOfHelpers(tree: Tree, text: string, helpers: readonly string[], path: string | null, patch: Patch): Map<string, Classification> {
  const found = new Map<string, Classification>();
  const names = new NameIndex(tree, text, [...patch.saveCallees], calleeWords([...patch.saveCallees]));
  const ctx = classifyContext(names, tree, path, patch, (row) => row);
  for (const helper of helpers) {
    const evidence = helperUseEvidence(helper, ctx, (line) => `${path}:${line}`);
    if (evidence) found.set(helper, evidence);
  }
  return found;
}

/** `{ scope }` for a site inside a function or class; a decorator is named by what it decorates. */
function scopeOf(site: CallSite): { scope?: string } {
  const scope = scopeName(site.chain);
  const decorated = site.form === "decorator" ? site.decorated?.childForFieldName("name")?.text : null;
  const name = decorated ? (scope ? `${scope}.${decorated}` : decorated) : scope;
  return name ? { scope: name } : {};
}

/**
 * The new text must parse without an error the old one did not have. After an
 * excerpt, only the top-level statements the edits landed in are
 * re-parsed: everything else is the old text, byte for byte.
 */
function verify(newText: string, excerptEdits: readonly Edit[] | null): string | null {
  const source = excerptEdits ? excerptAround(newText, editedSpans(excerptEdits)) : new WholeText(newText);
  const error = firstSyntaxError(parsePython(source.text));
  return error ? `the result would have a syntax error at ${source.originalRow(error.line - 1) + 1}:${error.column}` : null;
}
