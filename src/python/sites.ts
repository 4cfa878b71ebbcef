// Finds the call sites of the patch's callee: calls and decorators whose
// callee resolves, through the file's imports, to e.g. paddle.jit.to_static.
import { isField, type Chain } from "./locate.js";
import type { NameIndex } from "./names.js";
import type { SyntaxNode } from "./parser.js";

import type { SiteForm } from "../model.js";

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
  /** Root-first chain of nodes down to `node` (its ancestors, then itself). */
  chain: Chain;
}

/** The last name of each dotted path: the words whose occurrences may end a callee. */
export function calleeWords(callees: readonly string[]): string[] {
  return callees.map((c) => c.slice(c.lastIndexOf(".") + 1));
}

/**
 * `guardFunction` names this tool's own guard: the keyword trial inside it
 * (`to_static(lambda: None, full_graph=True)`) is not a site of the file's.
 */
export function findSites(names: NameIndex, callees: ReadonlySet<string>, guardFunction?: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const chain of names.chains.values()) {
    const site = siteAt(chain, names, callees);
    if (site && !(guardFunction && insideModuleFunction(site.chain, guardFunction))) sites.push(site);
  }
  return sites.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** Site whose callee ends with the identifier at the end of `chain`, if any. */
function siteAt(chain: Chain, names: NameIndex, callees: ReadonlySet<string>): CallSite | null {
  let i = chain.length - 1;
  if (chain[i].type !== "identifier") return null;
  // The callee expression: the identifier itself, or the attribute it ends.
  const parent = chain[i - 1];
  if (parent?.type === "attribute") {
    if (!isField(parent, "attribute", chain[i])) return null;
    i--;
  }
  const callee = chain[i];
  const holder = chain[i - 1];
  if (!holder) return null;
  let site: Omit<CallSite, "chain"> | null = null;
  if (holder.type === "call" && isField(holder, "function", callee)) {
    const decorator = chain[i - 2]?.type === "decorator" ? chain[i - 2] : null;
    site = {
      form: decorator ? "decorator" : "call",
      node: holder,
      calleeNode: callee,
      args: holder.childForFieldName("arguments"),
      decorated: decorator ? definitionOf(chain[i - 3]) : null,
    };
    i--;
  } else if (holder.type === "decorator") {
    site = { form: "decorator", node: callee, calleeNode: callee, args: null, decorated: definitionOf(chain[i - 2]) };
  }
  if (!site) return null;
  const qualified = names.qualify(callee, chain.slice(0, i + 1));
  if (qualified === null || !callees.has(qualified)) return null;
  return { ...site, chain: chain.slice(0, i + 1) };
}

/** Whether the chain runs through a module-level `def <name>`. */
function insideModuleFunction(chain: Chain, name: string): boolean {
  const statement = chain[1];
  return statement?.type === "function_definition" && statement.childForFieldName("name")?.text === name;
}

function definitionOf(decorated: SyntaxNode | undefined): SyntaxNode | null {
  return decorated?.type === "decorated_definition" ? decorated.childForFieldName("definition") : null;
}
