// Decides how much a site matters: `required` (the converted result is read
// through an attribute that raises under SOT, so the export dies without the
// fix), `export` (the result is saved, or the site sits in export code), or
// `other` (e.g. training-time conversion).
import path from "node:path";
import { assignedNames, compact, forwardOwner, FORWARD, type Chain } from "./locate.js";
import type { NameIndex } from "./names.js";
import type { SyntaxNode } from "./parser.js";
import { ScopeFacts } from "./scope-facts.js";
import type { CallSite } from "./sites.js";

import type { SiteClass, SiteCode } from "../model.js";

export interface Classification {
  class: SiteClass;
  code: SiteCode;
  reason: string;
  /**
   * Set when no evidence in the module decided and the site's result is
   * returned by a module-level function: callers in other modules of the
   * checkout may decide (helperUseEvidence), as the engine asks them.
   */
  returnedBy?: string;
}

export interface ClassifyContext {
  names: NameIndex;
  root: SyntaxNode;
  /** The file's path, used to recognise export scripts by name. */
  filePath: string | null;
  sotAttributes: ReadonlySet<string>;
  saveCallees: ReadonlySet<string>;
  /** Per-scope facts, computed once per scope node and shared by its sites. */
  facts: ScopeFacts;
  /** 1-based line of a node in the file (the parsed text may be an excerpt of it). */
  line: (node: SyntaxNode) => number;
}

const EXPORT_NAME = /export/i;
const TRAINING_NAME = /(^|_)(train|training|fit)(_|$)|apply_to_static/i;

export function classifySite(site: CallSite, ctx: ClassifyContext): Classification {
  if (site.form === "decorator") return decoratorEvidence(site, ctx) ?? contextClass(site, ctx);
  const { targets, savedAt } = resultTargets(site.chain, ctx);
  const evidence = callEvidence(site, targets, savedAt, ctx);
  if (evidence) return evidence;
  const context = contextClass(site, ctx);
  const helper = returningHelper(site, targets);
  return helper && helper.fn.parent?.type === "module" ? { ...context, returnedBy: helper.name } : context;
}

/** The function that returns the site's converted model (`return to_static(m)`, or a name bound to it), if any. */
function returningHelper(site: CallSite, targets: string[]): { fn: SyntaxNode; name: string } | null {
  const fn = enclosingFunction(site.chain);
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name) return null;
  const direct = site.chain.some((n) => n.type === "return_statement");
  const returned = direct || fn.descendantsOfType("return_statement").some((r) => targets.includes(compact(r.namedChildren[0] ?? r)));
  return returned ? { fn, name } : null;
}

/**
 * In another module: `x = helper(...)` (or `mod.helper(...)`) whose result
 * has its program read or is saved, which makes the helper's site required
 * or an export. `where` names a line of that module for the reason.
 */
export function helperUseEvidence(helper: string, ctx: ClassifyContext, where: (line: number) => string): Classification | null {
  for (const { call, target: result, facts } of assignedCalls(helper, ctx)) {
    const aliases = facts.aliases([result]);
    const at = `returned by ${helper} to ${result} at ${where(ctx.line(call))}`;
    const read = programReadOf(facts, aliases, call.endIndex);
    if (read) return { class: "required", code: "required/returned-reads-program", reason: `${at}, read as ${result}${read.path} at ${where(ctx.line(read.node))}` };
    const chain = ancestry(call);
    const save = facts.save(
      (fn) => isSave(fn, chain, ctx),
      (arg) => (aliases.has(arg) ? "result" : null),
    );
    if (save) return { class: "export", code: "export/returned-saved", reason: `${at}, saved with paddle.jit.save at ${where(ctx.line(save.node))}` };
  }
  return null;
}

/** A node's ancestors from the module down to itself. */
function ancestry(node: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

function callEvidence(site: CallSite, targets: string[], savedAt: SyntaxNode | null, ctx: ClassifyContext): Classification | null {
  if (savedAt) return { class: "export", code: "export/passed-to-save", reason: `result passed straight to paddle.jit.save at line ${ctx.line(savedAt)}` };
  return (targets.length ? resultEvidence(site, targets, ctx) : null) ?? inPlaceEvidence(site, ctx) ?? returnedEvidence(site, targets, ctx);
}

/**
 * Every `x = name(...)` (or `x = obj.name(...)`) in the module: the call,
 * the name it is assigned to, and the facts of the scope it sits in.
 */
function* assignedCalls(name: string, ctx: ClassifyContext): Generator<{ call: SyntaxNode; target: string; facts: ScopeFactsOf }> {
  for (const call of ctx.root.descendantsOfType("call")) {
    const fn = call.childForFieldName("function");
    if (!fn || (fn.text !== name && !fn.text.endsWith(`.${name}`))) continue;
    const assignment = call.parent;
    const left = assignment?.type === "assignment" && assignment.childForFieldName("right")?.id === call.id ? assignment.childForFieldName("left") : null;
    if (!left || (left.type !== "identifier" && left.type !== "attribute")) continue;
    let scope: SyntaxNode | null = call.parent;
    while (scope && scope.type !== "function_definition") scope = scope.parent;
    yield { call, target: compact(left), facts: ctx.facts.of(scope ?? ctx.root) };
  }
}

type ScopeFactsOf = ReturnType<ClassifyContext["facts"]["of"]>;

/** A read of the program (`.main_program`, `.forward.outputs`, ...) of one of `names` after `after`. */
function programReadOf(facts: ScopeFactsOf, names: ReadonlySet<string>, after: number): { node: SyntaxNode; path: string } | null {
  return facts.programRead((object) => aliasSuffix(object, names), after);
}

/** A paddle.jit.save of one of `names`, resolved from the site's place. */
function saveOf(facts: ScopeFactsOf, names: ReadonlySet<string>, site: CallSite, ctx: ClassifyContext): { node: SyntaxNode; what: string } | null {
  return facts.save(
    (fn) => isSave(fn, site.chain, ctx),
    (arg) => (names.has(arg) ? "result" : null),
  );
}

/**
 * A helper that returns the converted model (`return to_static(m)`, or a
 * name bound to it): its callers in this module decide, when they read the
 * result's program or save it.
 */
function returnedEvidence(site: CallSite, targets: string[], ctx: ClassifyContext): Classification | null {
  const helper = returningHelper(site, targets)?.name;
  if (!helper) return null;
  for (const { call, target: result, facts } of assignedCalls(helper, ctx)) {
    const aliases = facts.aliases([result]);
    const where = `returned by ${helper} to ${result} at line ${ctx.line(call)}`;
    const read = programReadOf(facts, aliases, call.endIndex);
    if (read) return { class: "required", code: "required/returned-reads-program", reason: `${where}, read as ${result}${read.path} at line ${ctx.line(read.node)}` };
    const save = saveOf(facts, aliases, site, ctx);
    if (save) return { class: "export", code: "export/returned-saved", reason: `${where}, saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  }
  return null;
}

/**
 * `to_static(net)` converts a Layer in place: a later save of `net`, or a
 * read of `net.forward.main_program`, makes the call an export whatever is
 * done with its result.
 */
function inPlaceEvidence(site: CallSite, ctx: ClassifyContext): Classification | null {
  const first = site.args?.type === "argument_list" ? site.args.namedChildren.find((c) => c.type !== "comment") : undefined;
  if (!first || (first.type !== "identifier" && first.type !== "attribute")) return null;
  const converted = compact(first);
  const facts = ctx.facts.of(enclosingFunction(site.chain) ?? ctx.root);
  const aliases = facts.aliases([converted]);
  const read = programReadOf(facts, aliases, site.node.endIndex);
  if (read) return { class: "required", code: "required/in-place-reads-program", reason: `converts ${converted} in place, read as ${converted}${read.path} at line ${ctx.line(read.node)}` };
  const save = saveOf(facts, aliases, site, ctx);
  if (save) return { class: "export", code: "export/in-place-saved", reason: `converts ${converted} in place; ${converted} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  return null;
}

function resultEvidence(site: CallSite, targets: string[], ctx: ClassifyContext): Classification | null {
  const scope = enclosingFunction(site.chain) ?? ctx.root;
  const facts = ctx.facts.of(scope);
  const aliases = facts.aliases(targets);
  const read = programReadOf(facts, aliases, site.node.endIndex);
  if (read) return { class: "required", code: "required/reads-program", reason: `result read as ${read.path} at line ${ctx.line(read.node)}` };
  const bases = new Set(targets.filter((t) => t.includes(".")).map((t) => t.slice(0, t.lastIndexOf("."))));
  const save = facts.save(
    (fn) => isSave(fn, site.chain, ctx),
    (arg) => (aliases.has(arg) ? "result" : bases.has(arg) ? arg : null),
  );
  if (!save) return null;
  if (save.what === "result") return { class: "export", code: "export/saved", reason: `result saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  const holder = targets.find((t) => t.startsWith(`${save.what}.`));
  return { class: "export", code: "export/holder-saved", reason: `result stored on ${holder}; ${save.what} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
}

function decoratorEvidence(site: CallSite, ctx: ClassifyContext): Classification | null {
  const name = site.decorated?.childForFieldName("name")?.text;
  if (!name) return null;
  const matchesName = (text: string) => text === name || text.endsWith(`.${name}`);
  const facts = ctx.facts.of(ctx.root);
  const read = facts.programRead((object) => (matchesName(object) ? "" : null), null);
  if (read) return { class: "required", code: "required/decorated-reads-program", reason: `decorated ${name} read as ${name}${read.path} at line ${ctx.line(read.node)}` };
  const save = facts.save(
    (fn) => isSave(fn, site.chain, ctx),
    (arg) => (matchesName(arg) ? "result" : null),
  );
  if (save) return { class: "export", code: "export/decorated-saved", reason: `decorated ${name} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  return instanceEvidence(site, name, ctx);
}

/**
 * `@to_static def forward` in `class Net`: an instance made in this module
 * (`net = Net(...)`) that is then saved makes the decorator an export.
 */
function instanceEvidence(site: CallSite, method: string, ctx: ClassifyContext): Classification | null {
  const klass = [...site.chain].reverse().find((n) => n.type === "class_definition");
  const className = klass?.childForFieldName("name")?.text;
  if (!className) return null;
  for (const { target: instance, facts } of assignedCalls(className, ctx)) {
    const save = saveOf(facts, facts.aliases([instance]), site, ctx);
    if (save) {
      return { class: "export", code: "export/instance-saved", reason: `decorates ${className}.${method}; a ${className} (${instance}) is saved with paddle.jit.save at line ${ctx.line(save.node)}` };
    }
  }
  return null;
}

function contextClass(site: CallSite, ctx: ClassifyContext): Classification {
  const functions = enclosingFunctionNames(site.chain);
  const training = functions.find((n) => TRAINING_NAME.test(n));
  if (training) {
    return { class: "other", code: "other/training-helper", reason: `training-time conversion in '${training}': nothing saves it or reads its program` };
  }
  const exporting = functions.find((n) => EXPORT_NAME.test(n));
  if (exporting) return { class: "export", code: "export/in-export-function", reason: `inside export function '${exporting}'` };
  if (ctx.filePath && EXPORT_NAME.test(path.basename(ctx.filePath))) {
    return { class: "export", code: "export/in-export-script", reason: `in export script ${path.basename(ctx.filePath)}` };
  }
  return { class: "other", code: "other/not-on-export-path", reason: "not on an export path: nothing saves the result or reads its program" };
}

/** Names the converted result is bound to (`x`, `self.model`, `net.forward`), or the save call it is passed to. */
function resultTargets(chain: Chain, ctx: ClassifyContext): { targets: string[]; savedAt: SyntaxNode | null } {
  const { targets, outermost } = assignedNames(chain);
  let j = outermost - 1;
  if (chain[j]?.type === "keyword_argument") j--;
  const outer = chain[j]?.type === "argument_list" ? chain[j - 1] : null;
  const fn = outer?.type === "call" ? outer.childForFieldName("function") : null;
  const savedAt = fn && isSave(fn, chain, ctx) ? outer : null;
  return { targets, savedAt };
}

/** Whether `fn` names paddle.jit.save, resolved from the site's place. */
function isSave(fn: SyntaxNode, chain: Chain, ctx: ClassifyContext): boolean {
  if (fn.type !== "identifier" && fn.type !== "attribute") return false;
  const qualified = ctx.names.qualify(fn, chain);
  return qualified !== null && ctx.saveCallees.has(qualified);
}

/** For an attribute's object text: the path between the alias and the attribute, or null. */
function aliasSuffix(object: string, aliases: ReadonlySet<string>): string | null {
  if (aliases.has(object)) return "";
  const owner = forwardOwner(object);
  if (owner !== null && aliases.has(owner)) return FORWARD;
  return null;
}

/** The innermost function around the chain's last node; null where module-wide facts decide its class. */
export function enclosingFunction(chain: Chain): SyntaxNode | null {
  for (let i = chain.length - 2; i >= 0; i--) if (chain[i].type === "function_definition") return chain[i];
  return null;
}

function enclosingFunctionNames(chain: Chain): string[] {
  const names: string[] = [];
  for (let i = chain.length - 2; i >= 0; i--) {
    if (chain[i].type === "function_definition") {
      const name = chain[i].childForFieldName("name")?.text;
      if (name) names.push(name);
    }
  }
  return names;
}
