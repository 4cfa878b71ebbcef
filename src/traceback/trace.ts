// Follows the object a traceback frame reads back to the to_static call that
// produced it: through plain reassignments, a parameter to the caller frame
// and the argument it passed, a function's return value, or a decorated method.
import path from "node:path";
import { readSourceText } from "../files/fs-layer.js";
import { loadPatch } from "../patches.js";
import type { SyntaxNode } from "../python/parser.js";
import { compact, forwardOwner } from "../python/locate.js";
import { FileAnalysis, parameterNames, type SiteInfo } from "./analysis.js";
import type { MappedFrame } from "./map.js";

/** A to_static site the object was traced to, and the hops that led there. */
export interface Found {
  info: SiteInfo;
  analysis: FileAnalysis;
  via: string[];
}

/** What one plan's tracing shares: the root, the mapped frames, the files analysed so far. */
export interface Ctx {
  root: string;
  frames: MappedFrame[];
  cache: Map<string, FileAnalysis | null>;
  maxDepth: number;
}

/** Whether a frame maps onto a file of this checkout (its source at that line, or at another). */
export const isInCheckout = (m: MappedFrame | undefined): m is MappedFrame & { file: string; relPath: string } =>
  !!m && (m.status === "mapped" || m.status === "moved") && m.file !== null && m.relPath !== null;

/** The to_static sites whose result `holder` (an expression text at `use`) is, seen from frame `frameIndex`. */
export function resolve(ctx: Ctx, a: FileAnalysis, frameIndex: number, holder: string, use: SyntaxNode, via: string[], depth: number): Found[] {
  if (depth > ctx.maxDepth) return [];
  const { fn, klass } = a.functionAround(use);
  const scope = fn ?? a.tree.rootNode;

  // 1. A site in this scope (or this class, for self.x; or the module) bound to the holder or a name it was copied from.
  const names = origins(a, scope, holderForms(holder));
  const direct = a.sites.filter((s) => s.targets.some((t) => names.has(t)) && visibleFrom(s, fn, klass, use));
  if (direct.length) {
    const before = direct.filter((s) => s.site.node.startIndex < use.startIndex && sameScope(s.scope, fn));
    return (before.length ? before : direct).map((info) => ({ info, analysis: a, via }));
  }

  const rootName = holder.split(".")[0]!;
  const rest = holder.slice(rootName.length);

  // 2. A parameter: go to the caller frame and the argument it passed.
  if (fn) {
    const params = parameterNames(fn);
    const at = params.findIndex((p) => p.name === rootName);
    if (at >= 0 && !params[at]!.star && frameIndex > 0) {
      const caller = ctx.frames[frameIndex - 1];
      const fnName = fn.childForFieldName("name")?.text ?? "";
      if (isInCheckout(caller)) {
        const ca = analyse(ctx, caller.file, caller.relPath);
        const call = ca?.callsSpanning(caller.line).find((c) => lastName(c.childForFieldName("function")) === fnName);
        if (ca && call) {
          const isMethod = !!klass && ["self", "cls"].includes(params[0]?.name ?? "") && call.childForFieldName("function")?.type === "attribute";
          const arg = argumentFor(call, rootName, at - (isMethod ? 1 : 0));
          if (arg) {
            const hop = `passed as '${rootName}' to ${fnName} at ${caller.relPath}:${caller.line}`;
            return resolve(ctx, ca, frameIndex - 1, compact(arg) + rest, call, [...via, hop], depth + 1);
          }
        }
      }
    }
  }

  // 3. The value some function returned: follow into that function's returns.
  for (const { left, right, node } of a.assignments(scope)) {
    if (node.startIndex > use.startIndex || right.type !== "call") continue;
    const position = bindingPosition(left, names);
    if (position === null) continue;
    const callee = right.childForFieldName("function");
    const defs = definitionsOf(ctx, a, callee, klass);
    for (const { analysis: da, def } of defs) {
      const out: Found[] = [];
      const name = def.childForFieldName("name")?.text ?? "?";
      const hop = `returned by ${name} (${da.relPath}:${def.startPosition.row + 1})`;
      for (const { value, node: ret } of da.returns(def)) {
        const picked = position < 0 ? value : value.type === "expression_list" || value.type === "tuple" ? value.namedChildren[position] : null;
        if (!picked) continue;
        const returnedSite = da.sites.find((s) => s.site.node.startIndex === unparen(picked).startIndex && s.site.form === "call");
        if (returnedSite) out.push({ info: returnedSite, analysis: da, via: [...via, hop] });
        else if (picked.type === "identifier" || picked.type === "attribute") {
          out.push(...resolve(ctx, da, -1, compact(picked) + rest, ret, [...via, hop], depth + 1));
        }
      }
      if (out.length) return out;
    }
  }

  // 4. A decorated method: `@to_static def forward` read as `x.forward.<attr>`.
  const method = holder.match(/\.([A-Za-z_]\w*)$/)?.[1];
  if (method) {
    const decorated = a.sites.filter((s) => s.site.form === "decorator" && s.site.decorated?.childForFieldName("name")?.text === method);
    if (decorated.length) return decorated.map((info) => ({ info, analysis: a, via: [...via, `decorates ${method}`] }));
  }
  return [];
}

/** The holder, and the object a `.forward` read is taken from (`m.forward` -> `m`). */
function holderForms(holder: string): string[] {
  const owner = forwardOwner(holder);
  return owner === null ? [holder] : [holder, owner];
}

/** The names and every name they were copied from by plain assignments (`b = a` makes `a` an origin of `b`). */
function origins(a: FileAnalysis, scope: SyntaxNode, start: string[]): Set<string> {
  const names = new Set(start);
  const pairs = a
    .assignments(scope)
    .filter(({ left, right }) => isName(left) && isName(right))
    .map(({ left, right }) => [compact(left), compact(right)] as const);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [left, right] of pairs) {
      if (names.has(left) && !names.has(right)) {
        names.add(right);
        changed = true;
      }
    }
  }
  return names;
}

const isName = (n: SyntaxNode) => n.type === "identifier" || n.type === "attribute";

function sameScope(a: SyntaxNode | null, b: SyntaxNode | null): boolean {
  if (a === null || b === null) return a === b;
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

/** Whether a site's binding can be what `use` sees: same function, same class for self.x, or module level. */
function visibleFrom(s: SiteInfo, fn: SyntaxNode | null, klass: SyntaxNode | null, use: SyntaxNode): boolean {
  if (sameScope(s.scope, fn)) return true;
  if (s.targets.some((t) => t.startsWith("self.")) && klass && s.klass && sameScope(s.klass, klass)) return true;
  return s.scope === null && s.site.node.startIndex < use.startIndex;
}

/** -1 when `left` is the name itself, the index inside a tuple target, or null. */
function bindingPosition(left: SyntaxNode, names: Set<string>): number | null {
  if (isName(left)) return names.has(compact(left)) ? -1 : null;
  if (left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "tuple") {
    const at = left.namedChildren.findIndex((c) => isName(c) && names.has(compact(c)));
    return at >= 0 ? at : null;
  }
  return null;
}

function unparen(n: SyntaxNode): SyntaxNode {
  let node = n;
  while (node.type === "parenthesized_expression" && node.namedChildren[0]) node = node.namedChildren[0];
  return node;
}

function lastName(fn: SyntaxNode | null): string | null {
  if (!fn) return null;
  if (fn.type === "identifier") return fn.text;
  if (fn.type === "attribute") return fn.childForFieldName("attribute")?.text ?? null;
  return null;
}

/** The argument a call passes for parameter `name` at positional index `index`. */
function argumentFor(call: SyntaxNode, name: string, index: number): SyntaxNode | null {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) return arg.childForFieldName("value");
  }
  const positional = [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" || arg.type === "dictionary_splat") break;
    if (arg.type === "list_splat") return null; // *args: cannot tell which one
    positional.push(arg);
  }
  return index >= 0 ? positional[index] ?? null : null;
}

/** Definitions a callee expression can name: a module-level def of this file, a method of this class, or a def imported from a checkout module. */
function definitionsOf(ctx: Ctx, a: FileAnalysis, callee: SyntaxNode | null, klass: SyntaxNode | null): { analysis: FileAnalysis; def: SyntaxNode }[] {
  if (!callee) return [];
  if (callee.type === "attribute") {
    const object = callee.childForFieldName("object")?.text;
    const name = callee.childForFieldName("attribute")?.text;
    if (name && (object === "self" || object === "cls") && klass) return a.functionsNamed(name, klass).map((def) => ({ analysis: a, def }));
    return [];
  }
  if (callee.type !== "identifier") return [];
  const local = a.functionsNamed(callee.text, null);
  if (local.length) return local.map((def) => ({ analysis: a, def }));
  const imported = a.importOf(callee.text);
  if (!imported) return [];
  for (const rel of moduleFiles(a.relPath, imported.module)) {
    const other = analyse(ctx, path.join(ctx.root, ...rel.split("/")), rel);
    if (other) {
      const defs = other.functionsNamed(imported.name, null);
      if (defs.length) return defs.map((def) => ({ analysis: other, def }));
    }
  }
  return [];
}

/** Candidate files (relative to root) for a module named in an import from `fromRel`. */
function moduleFiles(fromRel: string, module: string): string[] {
  const dots = /^\.+/.exec(module)?.[0].length ?? 0;
  const parts = module.slice(dots).split(".").filter(Boolean);
  const bases: string[][] = [];
  if (dots > 0) {
    const dir = fromRel.split("/").slice(0, -1);
    bases.push(dir.slice(0, Math.max(0, dir.length - (dots - 1))));
  } else {
    // Absolute imports resolve from the checkout root, or from a folder above the importing file (a vendored tree).
    const dir = fromRel.split("/").slice(0, -1);
    for (let i = 0; i <= dir.length; i++) bases.push(dir.slice(0, i));
  }
  const out: string[] = [];
  for (const b of bases) {
    const stem = [...b, ...parts].join("/");
    if (stem) out.push(`${stem}.py`, `${stem}/__init__.py`);
  }
  return out;
}

/** The file's analysis (read once per plan; null when unreadable, too large or not valid Python). */
export function analyse(ctx: Ctx, file: string, relPath: string): FileAnalysis | null {
  if (!ctx.cache.has(file)) {
    const text = readSourceText(file);
    ctx.cache.set(file, text === null ? null : build(file, relPath, text));
  }
  return ctx.cache.get(file)!;
}

function build(file: string, relPath: string, text: string): FileAnalysis | null {
  const analysis = new FileAnalysis(file, relPath, text, loadPatch());
  return analysis.syntaxError ? null : analysis;
}

export function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.analysis.file}:${f.info.site.node.startIndex}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
