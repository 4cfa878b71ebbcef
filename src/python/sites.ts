// Finds the call sites of the patch's callee: calls and decorators whose
// callee resolves, through the file's imports, to e.g. paddle.jit.to_static.
import type { SyntaxNode, Tree } from "./parser.js";
import { ScopeIndex } from "./scopes.js";

export type SiteForm = "call" | "decorator";

export interface CallSite {
  form: SiteForm;
  /** The call node, or the bare decorator expression. */
  node: SyntaxNode;
  /** The callee expression as written (`paddle.jit.to_static`, `ts`). */
  calleeNode: SyntaxNode;
  /** The argument list, null for a bare decorator. */
  args: SyntaxNode | null;
  /** The decorated definition, for decorator sites. */
  decorated: SyntaxNode | null;
}

export interface SiteQuery {
  callees: ReadonlySet<string>;
}

export function findSites(tree: Tree, scopes: ScopeIndex, query: SiteQuery): CallSite[] {
  const sites: CallSite[] = [];
  const matches = (expr: SyntaxNode | null): expr is SyntaxNode => {
    if (!expr || (expr.type !== "identifier" && expr.type !== "attribute")) return false;
    const qualified = scopes.qualify(expr);
    return qualified !== null && query.callees.has(qualified);
  };
  for (const call of tree.rootNode.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (!matches(callee)) continue;
    const decorator = call.parent?.type === "decorator" ? call.parent : null;
    sites.push({
      form: decorator ? "decorator" : "call",
      node: call,
      calleeNode: callee,
      args: call.childForFieldName("arguments"),
      decorated: decorator ? decoratedDefinition(decorator) : null,
    });
  }
  for (const decorator of tree.rootNode.descendantsOfType("decorator")) {
    const expr = decorator.namedChildren.find((c) => c.type !== "comment") ?? null;
    if (!matches(expr)) continue;
    sites.push({ form: "decorator", node: expr, calleeNode: expr, args: null, decorated: decoratedDefinition(decorator) });
  }
  return sites.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

function decoratedDefinition(decorator: SyntaxNode): SyntaxNode | null {
  return decorator.parent?.childForFieldName("definition") ?? null;
}
