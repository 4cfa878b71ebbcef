// Name resolution for the few names that matter: which import a name refers
// to at a given place, following Python's scoping rules closely enough for
// call-site matching. A name resolves to a qualified import path only when
// every binding of it in the scope that owns it is an import; any other
// binding (parameter, assignment, def, loop variable...) shadows it.
//
// Only the imports and the occurrences of names they bind are looked at, so
// the cost follows the matches, not the size of the file.
import { bindablePositions, isField, locate, sameNode, wordPositions, type Chain } from "./locate.js";
import type { SyntaxNode, Tree } from "./parser.js";

interface Binding {
  /** Qualified import path (e.g. "paddle.jit"), or null for a non-import binding. */
  qualified: string | null;
}

const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);
const PATTERNS = new Set([
  "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list",
  "parenthesized_expression", "list_splat_pattern", "as_pattern_target",
]);

export class NameIndex {
  private readonly bindings = new Map<string, Map<string, Binding[]>>();
  private readonly globals = new Map<string, Set<string>>();
  private readonly starModules: string[] = [];
  /** Local names some import (or an alias of one) binds to a prefix of a target path. */
  readonly names = new Set<string>();
  /**
   * Names bound by an alias assignment (`ts = paddle.jit.to_static`,
   * `jit = paddle.jit`, `convert = functools.partial(paddle.jit.to_static)`),
   * by the offset of the name being bound.
   */
  readonly aliases = new Map<number, string>();
  /** Chains of every occurrence of those names (and of extra words asked for). */
  readonly chains: Map<number, Chain>;

  /**
   * @param targets qualified paths that matter (e.g. paddle.jit.to_static, paddle.jit.save)
   * @param extraWords further words whose occurrences the caller wants located
   */
  constructor(tree: Tree, text: string, targets: readonly string[], extraWords: readonly string[]) {
    const root = tree.rootNode;
    const importChains = locate(tree, wordPositions(text, ["import"]));
    const statements = new Map<number, { node: SyntaxNode; chain: Chain }>();
    for (const chain of importChains.values()) {
      for (let i = chain.length - 1; i >= 0; i--) {
        const node = chain[i];
        if (node.type === "import_statement" || node.type === "import_from_statement") {
          statements.set(node.startIndex, { node, chain: chain.slice(0, i + 1) });
          break;
        }
      }
    }
    const relevant = (q: string) => targets.some((t) => t === q || t.startsWith(`${q}.`));
    for (const { node, chain } of statements.values()) {
      const scope = scopeKey(innerScopes(chain, chain.length - 1)[0] ?? root);
      for (const [name, qualified, star] of importedNames(node)) {
        if (star) {
          if (qualified && chain.length <= 2) this.starModules.push(qualified);
          for (const t of targets) if (qualified && t.startsWith(`${qualified}.`)) this.names.add(t.slice(qualified.length + 1).split(".")[0]);
          continue;
        }
        this.bind(scope, name, qualified);
        if (qualified && relevant(qualified)) this.names.add(name);
      }
    }
    this.findAliases(tree, text, relevant);
    // Only occurrences that could bind the name (see bindablePositions):
    // that spares a chain per `paddle.xxx` in big files.
    const bindable = bindablePositions(text, [...this.names].filter((n) => !extraWords.includes(n)));
    this.chains = locate(tree, [...bindable, ...wordPositions(text, extraWords)]);
    for (const chain of this.chains.values()) {
      const leaf = chain[chain.length - 1];
      if (leaf.type === "identifier" && this.names.has(leaf.text)) this.recordOccurrence(chain, root);
    }
  }

  /** Qualified path of a dotted expression (`pd.jit.to_static` -> "paddle.jit.to_static"), seen from `chain`. */
  qualify(expr: SyntaxNode, chain: Chain): string | null {
    const parts: string[] = [];
    let node: SyntaxNode | null = expr;
    while (node?.type === "attribute") {
      const attribute = node.childForFieldName("attribute");
      if (!attribute) return null;
      parts.unshift(attribute.text);
      node = node.childForFieldName("object");
    }
    if (node?.type !== "identifier") return null;
    const base = this.resolve(node.text, chain);
    return base === null ? null : [base, ...parts].join(".");
  }

  /** What `name` refers to at the place `chain` leads to. */
  resolve(name: string, chain: Chain): string | null {
    const scopes = innerScopes(chain, chain.length - 1);
    scopes.push(chain[0]);
    let first = true;
    for (const scope of scopes) {
      const key = scopeKey(scope);
      // Class bodies are visible only to code directly inside them.
      if (scope.type === "class_definition" && !first) continue;
      first = false;
      if (this.globals.get(key)?.has(name)) return this.fromScope(scopeKey(chain[0]), name);
      const bindings = this.bindings.get(key)?.get(name);
      if (bindings) return fromBindings(bindings);
    }
    return this.fromStar(name);
  }

  private fromScope(key: string, name: string): string | null {
    const bindings = this.bindings.get(key)?.get(name);
    return bindings ? fromBindings(bindings) : this.fromStar(name);
  }

  private fromStar(name: string): string | null {
    const m = this.starModules;
    return m.length ? `${m[m.length - 1]}.${name}` : null;
  }

  private bind(scope: string, name: string, qualified: string | null): void {
    let names = this.bindings.get(scope);
    if (!names) this.bindings.set(scope, (names = new Map()));
    const list = names.get(name);
    if (list) list.push({ qualified });
    else names.set(name, [{ qualified }]);
  }

  /**
   * Alias assignments of an imported path: each binds its name like an
   * import does. Two passes reach an alias of an alias (`jit = paddle.jit`
   * then `ts = jit.to_static`). Found from the text, then checked on the tree.
   */
  private findAliases(tree: Tree, text: string, relevant: (q: string) => boolean): void {
    for (let pass = 0; pass < 2; pass++) {
      const before = this.aliases.size;
      for (const m of text.matchAll(ALIAS_LINE)) {
        if (!this.names.has(aliasPath(m).split(".")[0])) continue;
        const at = m.index + m[1].length;
        if (this.aliases.has(at)) continue;
        const chain = locate(tree, [at]).get(at);
        const leaf = chain?.[chain.length - 1];
        const assignment = chain?.[chain.length - 2];
        if (!chain || leaf?.type !== "identifier" || assignment?.type !== "assignment" || !isField(assignment, "left", leaf)) continue;
        const value = aliasedValue(assignment.childForFieldName("right"));
        const qualified = value ? this.qualify(value, chain) : null;
        if (!qualified || !relevant(qualified)) continue;
        this.bind(scopeKey(innerScopes(chain, chain.length - 1)[0] ?? tree.rootNode), leaf.text, qualified);
        this.names.add(leaf.text);
        this.aliases.set(at, leaf.text);
      }
      if (this.aliases.size === before) break;
    }
  }

  /** Records a non-import binding (or a global declaration) of a relevant name. */
  private recordOccurrence(chain: Chain, root: SyntaxNode): void {
    const leafIndex = chain.length - 1;
    const leaf = chain[leafIndex];
    if (this.aliases.has(leaf.startIndex)) return;
    const parent = chain[leafIndex - 1];
    if (!parent) return;
    if (parent.type === "global_statement" || parent.type === "nonlocal_statement") {
      const scope = innerScopes(chain, leafIndex)[0] ?? root;
      const key = scopeKey(scope);
      if (!this.globals.has(key)) this.globals.set(key, new Set());
      this.globals.get(key)!.add(leaf.text);
      return;
    }
    // def/class names bind in the scope around the definition.
    if ((parent.type === "function_definition" || parent.type === "class_definition") && isField(parent, "name", leaf)) {
      this.bind(scopeKey(innerScopes(chain, leafIndex - 1)[0] ?? root), leaf.text, null);
      return;
    }
    if (isParameter(chain, leafIndex)) {
      const owner = chain.slice(0, leafIndex).reverse().find((n) => n.type === "function_definition" || n.type === "lambda");
      if (owner) this.bind(scopeKey(owner), leaf.text, null);
      return;
    }
    if (isBindingTarget(chain, leafIndex)) {
      this.bind(scopeKey(innerScopes(chain, leafIndex)[0] ?? root), leaf.text, null);
    }
  }
}

// `NAME = dotted.path` or `NAME = [functools.]partial(dotted.path, ...)` at the start of a line.
// The value is the whole right-hand side (not the start of a call like `s = paddle.jit.to_static(net)`).
const ALIAS_LINE =
  /^([ \t]*)([A-Za-z_]\w*)[ \t]*=[ \t]*(?:(?:functools[ \t]*\.[ \t]*)?partial[ \t]*\([ \t]*([A-Za-z_][\w.]*)[ \t]*[,)]|([A-Za-z_][\w.]*)[ \t]*(?:#.*)?\r?$)/gm;

/** The dotted path an ALIAS_LINE match names. */
const aliasPath = (m: RegExpMatchArray): string => m[3] ?? m[4];

/** Whether any line looks like an alias assignment of one of `names` (checked on the tree later). */
export function mayHoldAlias(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(ALIAS_LINE)) if (names.has(aliasPath(m).split(".")[0])) return true;
  return false;
}

/** The dotted expression an alias assignment names: the value itself, or a partial's first argument. */
function aliasedValue(value: SyntaxNode | null): SyntaxNode | null {
  if (value?.type === "identifier" || value?.type === "attribute") return value;
  if (value?.type !== "call") return null;
  const fn = value.childForFieldName("function")?.text.replace(/\s+/g, "");
  if (fn !== "partial" && fn !== "functools.partial") return null;
  const first = value.childForFieldName("arguments")?.namedChildren[0];
  return first?.type === "identifier" || first?.type === "attribute" ? first : null;
}

function fromBindings(bindings: Binding[]): string | null {
  if (bindings.some((b) => b.qualified === null)) return null;
  // A try/except import fallback binds one name to several imports: the
  // first (the preferred spelling) decides.
  return bindings[0].qualified;
}

/** Function, lambda and class nodes whose own scope holds chain[index], innermost first. */
export function innerScopes(chain: Chain, index: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const node = chain[i];
    if (!SCOPES.has(node.type)) continue;
    const inner = chain[i + 1];
    const body = node.childForFieldName("body");
    // Only the body belongs to the inner scope (parameters are handled by the caller).
    if (body && inner && sameNode(body, inner)) out.push(node);
  }
  return out;
}

function scopeKey(node: SyntaxNode): string {
  return `${node.type}:${node.startIndex}:${node.endIndex}`;
}

function isParameter(chain: Chain, leafIndex: number): boolean {
  const leaf = chain[leafIndex];
  const parent = chain[leafIndex - 1];
  const grand = chain[leafIndex - 2];
  if (parent.type === "parameters" || parent.type === "lambda_parameters") return true;
  if ((parent.type === "default_parameter" || parent.type === "typed_default_parameter") && isField(parent, "name", leaf)) return true;
  if (["typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"].includes(parent.type)) {
    return !!grand && (grand.type === "parameters" || grand.type === "lambda_parameters");
  }
  return false;
}

function isBindingTarget(chain: Chain, leafIndex: number): boolean {
  let j = leafIndex - 1;
  while (j > 0 && PATTERNS.has(chain[j].type)) j--;
  const owner = chain[j];
  const child = chain[j + 1];
  switch (owner.type) {
    case "assignment":
    case "augmented_assignment":
    case "for_statement":
    case "for_in_clause":
      return isField(owner, "left", child);
    case "as_pattern":
      return isField(owner, "alias", child);
    case "named_expression":
      return isField(owner, "name", child);
    default:
      return false;
  }
}

/** [local name, qualified path (null for relative imports), is star import] for each name an import binds. */
function importedNames(node: SyntaxNode): [string, string | null, boolean][] {
  const out: [string, string | null, boolean][] = [];
  const dotted = (n: SyntaxNode) => n.text.replace(/\s+/g, "");
  if (node.type === "import_statement") {
    for (const item of node.namedChildren) {
      if (item.type === "dotted_name") {
        // `import paddle.jit` binds `paddle` to the top package.
        const top = dotted(item).split(".")[0];
        out.push([top, top, false]);
      } else if (item.type === "aliased_import") {
        const name = item.childForFieldName("name");
        const alias = item.childForFieldName("alias");
        if (name && alias) out.push([alias.text, dotted(name), false]);
      }
    }
    return out;
  }
  const moduleNode = node.childForFieldName("module_name");
  if (!moduleNode) return out;
  // Relative imports never reach the paddle package.
  const module = moduleNode.type === "relative_import" ? null : dotted(moduleNode);
  for (const child of node.namedChildren) {
    if (sameNode(child, moduleNode) || child.type === "comment") continue;
    if (child.type === "wildcard_import") out.push(["*", module, true]);
    else if (child.type === "dotted_name") out.push([child.text, module ? `${module}.${dotted(child)}` : null, false]);
    else if (child.type === "aliased_import") {
      const name = child.childForFieldName("name");
      const alias = child.childForFieldName("alias");
      if (name && alias) out.push([alias.text, module ? `${module}.${dotted(name)}` : null, false]);
    }
  }
  return out;
}
