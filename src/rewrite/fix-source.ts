// The core: source text in, new text and a per-site account out. No I/O.
import { loadPatch, type Patch } from "../patches.js";
import { mayContainSite } from "../prefilter.js";
import { argumentState } from "../python/arguments.js";
import { classifySite, type ClassifyContext, type SiteClass } from "../python/classify.js";
import { detectConventions } from "../python/conventions.js";
import { NameIndex } from "../python/names.js";
import { firstSyntaxError, parsePython, type Tree } from "../python/parser.js";
import { ScopeFacts } from "../python/scope-facts.js";
import { calleeWords, findSites, type CallSite, type SiteForm } from "../python/sites.js";
import { callSiteInsertion } from "./call-site.js";
import { guardInsertion } from "./guard.js";
import { applyInsertions, type Insertion } from "./insertions.js";

export type FixStyle = "guarded" | "plain";
export type SiteAction = "fixed" | "would-fix" | "already-fixed" | "skipped" | "needs-review";

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
}

export interface SiteReport {
  line: number;
  column: number;
  form: SiteForm;
  callee: string;
  class: SiteClass;
  action: SiteAction;
  reason: string;
}

export interface FixSourceResult {
  status: "changed" | "unchanged" | "skipped" | "error";
  reason?: string;
  text: string;
  sites: SiteReport[];
  insertions: Insertion[];
}

interface Analysis {
  sites: { site: CallSite; report: SiteReport }[];
  hasGuardBlock: boolean;
  usesGuard: boolean;
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

  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError) {
    return unchanged([], { status: "skipped", reason: `syntax error at ${syntaxError.line}:${syntaxError.column}` });
  }
  const analysis = analyse(tree, text, options, patch);
  const toFix = analysis.sites.filter((s) => s.report.action === "fixed");
  const style = options.style ?? "guarded";
  const keywordText = style === "plain" ? `${patch.keyword}=${patch.value}` : `**${patch.guard.function}()`;
  const conv = detectConventions(text);
  const insertions = toFix.map(({ site }) => callSiteInsertion(text, site, keywordText, conv.indent));
  const needsGuard = style === "guarded" && (toFix.length > 0 || analysis.usesGuard) && !analysis.hasGuardBlock;
  if (needsGuard) {
    const firstUse = Math.min(text.length, ...toFix.map((s) => s.site.node.startIndex));
    insertions.push(guardInsertion(text, tree.rootNode, patch.guard, conv, firstUse));
  }
  const reports = analysis.sites.map((s) => s.report);
  if (!insertions.length) return unchanged(reports);

  const newText = applyInsertions(text, insertions);
  const problem = options.verify === false ? null : verify(newText);
  if (problem) return unchanged(reports, { status: "error", reason: `edit not applied: ${problem}` });
  return { status: "changed", text: newText, sites: reports, insertions };
}

function analyse(tree: Tree, text: string, options: FixSourceOptions, patch: Patch): Analysis {
  const callees = [patch.callee, ...patch.calleeAliases];
  const names = new NameIndex(tree, text, [...callees, ...patch.saveCallees], calleeWords([...callees, ...patch.saveCallees]));
  const ctx: ClassifyContext = {
    names,
    root: tree.rootNode,
    filePath: options.path ?? null,
    sotAttributes: new Set(patch.sotAttributes),
    saveCallees: new Set(patch.saveCallees),
    facts: new ScopeFacts(new Set(patch.sotAttributes)),
  };
  let usesGuard = false;
  const sites = findSites(names, new Set(callees)).map((site) => {
    const classification = classifySite(site, ctx);
    const state = argumentState(site, patch.keyword, patch.value, patch.guard.function);
    if (state.kind === "already-fixed" && state.viaGuard) usesGuard = true;
    const base = {
      line: site.node.startPosition.row + 1,
      column: site.node.startPosition.column + 1,
      form: site.form,
      callee: site.calleeNode.text,
      class: classification.class,
    };
    const forced = options.force?.get(base.line);
    let report: SiteReport;
    if (state.kind !== "open") report = { ...base, action: state.kind, reason: state.reason };
    else if (forced) report = { ...base, action: "fixed", reason: forced };
    else if (classification.class === "other" && !options.all) {
      report = { ...base, action: "skipped", reason: `${classification.reason} (--all fixes it too)` };
    } else report = { ...base, action: "fixed", reason: classification.reason };
    return { site, report };
  });
  return { sites, hasGuardBlock: text.includes(patch.guard.beginMarker), usesGuard };
}

/** The new text must parse without an error the old one did not have. */
function verify(newText: string): string | null {
  const error = firstSyntaxError(parsePython(newText));
  return error ? `the result would have a syntax error at ${error.line}:${error.column}` : null;
}
