// One file's structure as the traceback planner needs it: the to_static
// sites (found and resolved exactly as fixSource finds them) with the names
// their results are bound to, and small structural look-ups by line: the
// attribute reads and calls on a line, the function around a node, its
// parameters, assignments and returns. Built on the same tree-sitter parse
// and helpers as the rewriter (parser.ts, locate.ts, names.ts, sites.ts).
import { loadPatch, type Patch } from "../patches.js";
import { argumentState, type ArgumentState } from "../python/arguments.js";
import { assignedNames, compact, locate, type Chain } from "../python/locate.js";
import { NameIndex } from "../python/names.js";
import { firstSyntaxError, parsePython, query, type SyntaxNode, type Tree } from "../python/parser.js";
import { calleeWords, findSites, type CallSite } from "../python/sites.js";

export interface SiteInfo {
  site: CallSite;
  /** 1-based line of the call (the line fixSource's `force` is keyed by). */
  line: number;
  column: number;
  /** Names the result is bound to, compacted (`static_model`, `self.model`, `net.forward`). */
  targets: string[];
  /** Innermost function around the call, null at module level. */
  scope: SyntaxNode | null;
  /** Innermost class around the call, null outside classes. */
  klass: SyntaxNode | null;
  state: ArgumentState;
}


export class FileAnalysis {
  readonly tree: Tree;
  readonly sites: SiteInfo[];
  readonly syntaxError: { line: number; column: number } | null;
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly relPath: string,
    readonly text: string,
    patch: Patch = loadPatch(),
  ) {
    this.tree = parsePython(text);
    this.syntaxError = firstSyntaxError(this.tree);
    this.lineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    const callees = [patch.callee, ...patch.calleeAliases];
    const words = [...callees, ...patch.saveCallees];
    const names = new NameIndex(this.tree, text, words, calleeWords(words));
    this.sites = findSites(names, new Set(callees), patch.guard.function).map((site) => {
      const targets = assignedNames(site.chain).targets;
      return {
        site,
        line: site.node.startPosition.row + 1,
        column: site.node.startPosition.column + 1,
        targets,
        scope: innermost(site.chain, "function_definition", 1),
        klass: innermost(site.chain, "class_definition", 1),
        state: argumentState(site, patch.keyword, patch.value, patch.guard.function),
      };
    });
  }

  /** Root-first chain down to the deepest node at `index`. */
  chainAt(index: number): Chain {
    return locate(this.tree, [index]).get(index) ?? [this.tree.rootNode];
  }

  /** Text index where 1-based `line` starts (clamped). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(this.lineStarts.length - 1, line - 1))]!;
  }

  /** Attribute nodes `X.<name>` whose attribute name sits on 1-based `line`. */
  attributeReads(line: number, name: string): SyntaxNode[] {
    const row = line - 1;
    const out: SyntaxNode[] = [];
    for (const m of query("(attribute attribute: (identifier) @name) @read").matches(this.tree.rootNode, {
      startPosition: { row: Math.max(0, row - 50), column: 0 },
      endPosition: { row: row + 1, column: 0 },
    })) {
      const id = m.captures.find((c) => c.name === "name")!.node;
      if (id.text === name && id.startPosition.row === row) out.push(m.captures.find((c) => c.name === "read")!.node);
    }
    return out;
  }

  /** Calls that span 1-based `line`, innermost first. */
  callsSpanning(line: number): SyntaxNode[] {
    const row = line - 1;
    const out: SyntaxNode[] = [];
    for (const { node } of query("(call) @call").captures(this.tree.rootNode, {
      startPosition: { row: Math.max(0, row - 200), column: 0 },
      endPosition: { row: row + 1, column: 0 },
    })) {
      if (node.startPosition.row <= row && node.endPosition.row >= row) out.push(node);
    }
    return out.sort((a, b) => a.endIndex - a.startIndex - (b.endIndex - b.startIndex));
  }

  /** Innermost function around `node` (null at module level) and its class, if it is a method. */
  functionAround(node: SyntaxNode): { fn: SyntaxNode | null; klass: SyntaxNode | null } {
    const chain = this.chainAt(node.startIndex);
    return { fn: innermost(chain, "function_definition", 1), klass: innermost(chain, "class_definition", 1) };
  }

  /** Plain `left = right` assignments inside `scope` (not nested functions), compacted. */
  assignments(scope: SyntaxNode): { left: SyntaxNode; right: SyntaxNode; node: SyntaxNode }[] {
    const out: { left: SyntaxNode; right: SyntaxNode; node: SyntaxNode }[] = [];
    for (const m of query("(assignment left: (_) @left right: (_) @right) @assign").matches(scope)) {
      const node = m.captures.find((c) => c.name === "assign")!.node;
      if (!ownedBy(this, node, scope)) continue;
      out.push({ node, left: m.captures.find((c) => c.name === "left")!.node, right: m.captures.find((c) => c.name === "right")!.node });
    }
    return out;
  }

  /** Values of `return` statements directly inside `fn`. */
  returns(fn: SyntaxNode): { node: SyntaxNode; value: SyntaxNode }[] {
    const out: { node: SyntaxNode; value: SyntaxNode }[] = [];
    for (const { node } of query("(return_statement) @ret").captures(fn)) {
      const value = node.namedChildren[0];
      if (value && ownedBy(this, node, fn)) out.push({ node, value });
    }
    return out;
  }

  /** Function definitions named `name`: at module level, or methods of `klass` when given. */
  functionsNamed(name: string, klass: SyntaxNode | null): SyntaxNode[] {
    const container = klass ? klass.childForFieldName("body") : this.tree.rootNode;
    if (!container) return [];
    const out: SyntaxNode[] = [];
    for (const child of container.namedChildren) {
      const def = child.type === "decorated_definition" ? child.childForFieldName("definition") : child;
      if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name) out.push(def);
    }
    return out;
  }

  /** What `from X import name [as alias]` binds `alias` to: [module (dots kept for relative), name], or null. */
  importOf(local: string): { module: string; name: string } | null {
    for (const { node } of query("(import_from_statement) @imp").captures(this.tree.rootNode)) {
      const moduleNode = node.childForFieldName("module_name");
      if (!moduleNode) continue;
      for (const child of node.namedChildren) {
        if (child.startIndex === moduleNode.startIndex) continue;
        if (child.type === "dotted_name" && child.text === local) return { module: compact(moduleNode), name: local };
        if (child.type === "aliased_import" && child.childForFieldName("alias")?.text === local) {
          return { module: compact(moduleNode), name: child.childForFieldName("name")?.text ?? local };
        }
      }
    }
    return null;
  }
}

/** Whether `node`'s innermost function is `scope` (or, for the module, none). */
function ownedBy(a: FileAnalysis, node: SyntaxNode, scope: SyntaxNode): boolean {
  const fn = innermost(a.chainAt(node.startIndex), "function_definition", 0);
  if (scope.type !== "function_definition") return fn === null;
  return fn !== null && fn.startIndex === scope.startIndex && fn.endIndex === scope.endIndex;
}

/** The innermost node of `type` in the chain, not counting the last `skipLast` nodes. */
export function innermost(chain: Chain, type: string, skipLast: number): SyntaxNode | null {
  for (let i = chain.length - 1 - skipLast; i >= 0; i--) if (chain[i]!.type === type) return chain[i]!;
  return null;
}

/** Names of a function's parameters in order, with `*args`/`**kwargs` marked. */
export function parameterNames(fn: SyntaxNode): { name: string; star: boolean }[] {
  const params = fn.childForFieldName("parameters");
  const out: { name: string; star: boolean }[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type === "identifier") out.push({ name: p.text, star: false });
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const name = p.childForFieldName("name");
      if (name) out.push({ name: name.text, star: false });
    } else if (p.type === "typed_parameter") {
      const inner = p.namedChildren[0];
      if (inner?.type === "identifier") out.push({ name: inner.text, star: false });
      else if (inner) out.push({ name: inner.text.replace(/^\*+/, ""), star: true });
    } else if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") {
      out.push({ name: p.text.replace(/^\*+/, ""), star: true });
    }
  }
  return out;
}
