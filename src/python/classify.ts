// Decides how much a site matters: `required` (the converted result is read
// through an attribute that raises under SOT, so the export dies without the
// fix), `export` (the result is saved, or the site sits in export code), or
// `other` (e.g. training-time conversion).
import path from "node:path";
import type { SyntaxNode } from "./parser.js";
import type { ScopeIndex } from "./scopes.js";
import type { CallSite } from "./sites.js";

export type SiteClass = "required" | "export" | "other";

export interface Classification {
  class: SiteClass;
  reason: string;
}

export interface ClassifyContext {
  scopes: ScopeIndex;
  root: SyntaxNode;
  /** The file's path, used to recognise export scripts by name. */
  filePath: string | null;
  sotAttributes: ReadonlySet<string>;
  saveCallees: ReadonlySet<string>;
}

const EXPORT_NAME = /export/i;
const TRAINING_NAME = /(^|_)(train|training|fit)(_|$)|apply_to_static/i;

export function classifySite(site: CallSite, ctx: ClassifyContext): Classification {
  const evidence = site.form === "decorator" ? decoratorEvidence(site, ctx) : callEvidence(site, ctx);
  return evidence ?? contextClass(site, ctx);
}

function callEvidence(site: CallSite, ctx: ClassifyContext): Classification | null {
  const { targets, savedAt } = resultTargets(site.node, ctx);
  if (savedAt) return { class: "export", reason: `result passed straight to paddle.jit.save at line ${line(savedAt)}` };
  if (!targets.length) return null;
  const scope = enclosingFunction(site.node) ?? ctx.root;
  const aliases = collectAliases(scope, targets);
  const read = findProgramRead(scope, (object) => aliasSuffix(object, aliases), ctx, site.node);
  if (read) return { class: "required", reason: `result read as ${read.path} at line ${line(read.node)}` };
  const bases = new Set(targets.filter((t) => t.includes(".")).map((t) => t.slice(0, t.lastIndexOf("."))));
  const save = findSave(scope, ctx, (arg) => (aliases.has(arg) ? "result" : bases.has(arg) ? arg : null));
  if (save) {
    return save.what === "result"
      ? { class: "export", reason: `result saved with paddle.jit.save at line ${line(save.node)}` }
      : {
          class: "export",
          reason: `result stored on ${targets.find((t) => t.startsWith(`${save.what}.`))}; ${save.what} saved with paddle.jit.save at line ${line(save.node)}`,
        };
  }
  return null;
}

function decoratorEvidence(site: CallSite, ctx: ClassifyContext): Classification | null {
  const name = site.decorated?.childForFieldName("name")?.text;
  if (!name) return null;
  const matchesName = (text: string) => text === name || text.endsWith(`.${name}`);
  const read = findProgramRead(
    ctx.root,
    (object) => (matchesName(object) ? "" : null),
    ctx,
    null,
  );
  if (read) return { class: "required", reason: `decorated ${name} read as ${name}${read.path} at line ${line(read.node)}` };
  const save = findSave(ctx.root, ctx, (arg) => (matchesName(arg) ? "result" : null));
  if (save) return { class: "export", reason: `decorated ${name} saved with paddle.jit.save at line ${line(save.node)}` };
  return null;
}

function contextClass(site: CallSite, ctx: ClassifyContext): Classification {
  const functions = enclosingFunctionNames(site.node);
  const training = functions.find((n) => TRAINING_NAME.test(n));
  if (training) {
    return { class: "other", reason: `training-time conversion in '${training}': nothing saves it or reads its program` };
  }
  const exporting = functions.find((n) => EXPORT_NAME.test(n));
  if (exporting) return { class: "export", reason: `inside export function '${exporting}'` };
  if (ctx.filePath && EXPORT_NAME.test(path.basename(ctx.filePath))) {
    return { class: "export", reason: `in export script ${path.basename(ctx.filePath)}` };
  }
  return { class: "other", reason: "not on an export path: nothing saves the result or reads its program" };
}

/** Names the converted result is bound to (`x`, `self.model`, `net.forward`), or the save call it is passed to. */
function resultTargets(call: SyntaxNode, ctx: ClassifyContext): { targets: string[]; savedAt: SyntaxNode | null } {
  const targets: string[] = [];
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  while (node.parent?.type === "assignment" && node.parent.childForFieldName("right")?.id === node.id) {
    const left = node.parent.childForFieldName("left");
    if (left && (left.type === "identifier" || left.type === "attribute")) targets.push(compact(left));
    node = node.parent;
  }
  let argList: SyntaxNode | null = node.parent;
  if (argList?.type === "keyword_argument") argList = argList.parent;
  const outer = argList?.type === "argument_list" ? argList.parent : null;
  const fn = outer?.type === "call" ? outer.childForFieldName("function") : null;
  const savedAt = fn && isSaveCall(fn, ctx) ? outer : null;
  return { targets, savedAt };
}

/** Follows plain reassignments (`y = x`) inside the scope. */
function collectAliases(scope: SyntaxNode, initial: string[]): Set<string> {
  const aliases = new Set(initial);
  const assignments = scope.descendantsOfType("assignment");
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assignments) {
      const right = a.childForFieldName("right");
      const left = a.childForFieldName("left");
      if (!right || !left || !(left.type === "identifier" || left.type === "attribute")) continue;
      if (aliases.has(compact(right)) && !aliases.has(compact(left))) {
        aliases.add(compact(left));
        changed = true;
      }
    }
  }
  return aliases;
}

/** For an attribute's object text: the path between the alias and the attribute, or null. */
function aliasSuffix(object: string, aliases: Set<string>): string | null {
  if (aliases.has(object)) return "";
  if (object.endsWith(".forward") && aliases.has(object.slice(0, -".forward".length))) return ".forward";
  return null;
}

function findProgramRead(
  scope: SyntaxNode,
  suffixOf: (object: string) => string | null,
  ctx: ClassifyContext,
  after: SyntaxNode | null,
): { node: SyntaxNode; path: string } | null {
  let best: { node: SyntaxNode; path: string } | null = null;
  for (const attr of scope.descendantsOfType("attribute")) {
    const name = attr.childForFieldName("attribute")?.text;
    const object = attr.childForFieldName("object");
    if (!name || !object || !ctx.sotAttributes.has(name)) continue;
    const suffix = suffixOf(compact(object));
    if (suffix === null) continue;
    const found = { node: attr, path: `${suffix}.${name}` };
    // Prefer the first read after the site; fall back to any read.
    if (!after || attr.startIndex >= after.endIndex) return found;
    best ??= found;
  }
  return best;
}

function findSave(
  scope: SyntaxNode,
  ctx: ClassifyContext,
  pick: (argument: string) => string | null,
): { node: SyntaxNode; what: string } | null {
  for (const call of scope.descendantsOfType("call")) {
    const fn = call.childForFieldName("function");
    const args = call.childForFieldName("arguments");
    if (!fn || !args || !isSaveCall(fn, ctx)) continue;
    for (const arg of args.namedChildren) {
      const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
      const what = value ? pick(compact(value)) : null;
      if (what) return { node: call, what };
    }
  }
  return null;
}

function isSaveCall(fn: SyntaxNode, ctx: ClassifyContext): boolean {
  const qualified = ctx.scopes.qualify(fn);
  return qualified !== null && ctx.saveCallees.has(qualified);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return null;
}

function enclosingFunctionNames(node: SyntaxNode): string[] {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "function_definition") {
      const name = n.childForFieldName("name")?.text;
      if (name) names.push(name);
    }
  }
  return names;
}

function compact(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, "");
}

function line(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}
