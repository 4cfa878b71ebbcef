// Name resolution: which import (if any) a name refers to at a given node,
// following Python's scoping rules closely enough for call-site matching.
// A name resolves to a qualified import path only when every binding of it in
// the scope that owns it is an import; any other binding (parameter,
// assignment, def, loop variable...) shadows it.
import type { SyntaxNode } from "./parser.js";

interface Binding {
  /** Qualified import path (e.g. "paddle.jit"), or null for a non-import binding. */
  qualified: string | null;
}

interface Scope {
  node: SyntaxNode;
  kind: "module" | "function" | "class";
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  /** Modules star-imported here (`from paddle.jit import *`). */
  starModules: string[];
}

const SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition"]);

export class ScopeIndex {
  private readonly scopes = new Map<number, Scope>();
  private readonly module: Scope;

  constructor(root: SyntaxNode) {
    this.module = this.newScope(root, "module", null);
    this.collect(root, this.module);
  }

  /** Qualified name of a dotted expression (`pd.jit.to_static` -> "paddle.jit.to_static"). */
  qualify(expr: SyntaxNode): string | null {
    if (expr.type === "identifier") return this.resolveName(expr.text, expr);
    if (expr.type === "attribute") {
      const object = expr.childForFieldName("object");
      const attribute = expr.childForFieldName("attribute");
      if (!object || !attribute) return null;
      const base = this.qualify(object);
      return base === null ? null : `${base}.${attribute.text}`;
    }
    return null;
  }

  resolveName(name: string, at: SyntaxNode): string | null {
    let scope: Scope | null = this.scopeOf(at);
    let first = true;
    while (scope) {
      // Class bodies are visible only to code directly inside them.
      if (scope.kind === "class" && !first) {
        scope = scope.parent;
        continue;
      }
      if (scope.globals.has(name)) return this.fromScope(this.module, name);
      const bindings = scope.bindings.get(name);
      if (bindings) return this.fromBindings(bindings);
      first = false;
      scope = scope.parent;
    }
    return this.fromStar(name);
  }

  private fromScope(scope: Scope, name: string): string | null {
    const bindings = scope.bindings.get(name);
    return bindings ? this.fromBindings(bindings) : this.fromStar(name);
  }

  private fromBindings(bindings: Binding[]): string | null {
    if (bindings.some((b) => b.qualified === null)) return null;
    // A try/except import fallback binds one name to several imports: the
    // first (the preferred spelling) decides.
    return bindings[0].qualified;
  }

  private fromStar(name: string): string | null {
    const modules = this.module.starModules;
    return modules.length ? `${modules[modules.length - 1]}.${name}` : null;
  }

  private scopeOf(node: SyntaxNode): Scope {
    for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
      const scope = this.scopes.get(n.id);
      if (scope && !isInScopeHeader(node, n)) return scope;
    }
    return this.module;
  }

  private newScope(node: SyntaxNode, kind: Scope["kind"], parent: Scope | null): Scope {
    const scope: Scope = { node, kind, parent, bindings: new Map(), globals: new Set(), starModules: [] };
    this.scopes.set(node.id, scope);
    return scope;
  }

  private bind(scope: Scope, name: string, qualified: string | null): void {
    const list = scope.bindings.get(name);
    if (list) list.push({ qualified });
    else scope.bindings.set(name, [{ qualified }]);
  }

  private collect(node: SyntaxNode, scope: Scope): void {
    for (const child of node.namedChildren) this.visit(child, scope);
  }

  private visit(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case "function_definition":
      case "class_definition": {
        const name = node.childForFieldName("name");
        if (name) this.bind(scope, name.text, null);
        // Decorators, defaults and bases belong to the enclosing scope.
        for (const field of ["parameters", "superclasses", "return_type"]) {
          const part = node.childForFieldName(field);
          if (part && field !== "parameters") this.collect(part, scope);
        }
        const inner = this.newScope(node, node.type === "class_definition" ? "class" : "function", scope);
        const params = node.childForFieldName("parameters");
        if (params) this.bindParameters(params, inner, scope);
        const body = node.childForFieldName("body");
        if (body) this.collect(body, inner);
        return;
      }
      case "lambda": {
        const inner = this.newScope(node, "function", scope);
        const params = node.childForFieldName("parameters");
        if (params) this.bindParameters(params, inner, scope);
        const body = node.childForFieldName("body");
        if (body) this.collect(body, inner);
        return;
      }
      case "import_statement":
        for (const item of node.namedChildren) this.bindImport(item, scope);
        return;
      case "import_from_statement":
        this.bindFromImport(node, scope);
        return;
      case "global_statement":
      case "nonlocal_statement":
        for (const id of node.namedChildren) if (id.type === "identifier") scope.globals.add(id.text);
        return;
      case "assignment":
      case "augmented_assignment": {
        const left = node.childForFieldName("left");
        if (left) this.bindTarget(left, scope);
        break;
      }
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) this.bind(scope, name.text, null);
        break;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = node.childForFieldName("left");
        if (left) this.bindTarget(left, scope);
        break;
      }
      case "as_pattern": {
        const alias = node.childForFieldName("alias");
        if (alias) this.bindTarget(alias, scope);
        break;
      }
      case "except_clause": {
        // `except E as name`
        const children = node.children;
        const asIndex = children.findIndex((c) => c.type === "as");
        if (asIndex >= 0 && children[asIndex + 1]?.type === "identifier") {
          this.bind(scope, children[asIndex + 1].text, null);
        }
        break;
      }
    }
    this.collect(node, scope);
  }

  private bindParameters(params: SyntaxNode, inner: Scope, outer: Scope): void {
    for (const param of params.namedChildren) {
      const name = parameterName(param);
      if (name) this.bind(inner, name, null);
      // Default values are evaluated in the enclosing scope.
      const value = param.childForFieldName("value");
      if (value) this.visit(value, outer);
    }
  }

  private bindTarget(target: SyntaxNode, scope: Scope): void {
    switch (target.type) {
      case "identifier":
        this.bind(scope, target.text, null);
        return;
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
      case "tuple":
      case "list":
      case "parenthesized_expression":
      case "list_splat_pattern":
      case "as_pattern_target":
        for (const child of target.namedChildren) this.bindTarget(child, scope);
        return;
      default:
        return; // attribute / subscript targets bind no name
    }
  }

  private bindImport(item: SyntaxNode, scope: Scope): void {
    if (item.type === "dotted_name") {
      // `import paddle.jit` binds `paddle` to the top package.
      const top = item.namedChildren[0]?.text ?? item.text;
      this.bind(scope, top, top);
    } else if (item.type === "aliased_import") {
      const name = item.childForFieldName("name");
      const alias = item.childForFieldName("alias");
      if (name && alias) this.bind(scope, alias.text, dotted(name));
    }
  }

  private bindFromImport(node: SyntaxNode, scope: Scope): void {
    const moduleNode = node.childForFieldName("module_name");
    if (!moduleNode) return;
    // Relative imports never reach the paddle package.
    const module = moduleNode.type === "relative_import" ? null : dotted(moduleNode);
    for (const child of node.namedChildren) {
      if (child.id === moduleNode.id) continue;
      if (child.type === "wildcard_import") {
        if (module) scope.starModules.push(module);
      } else if (child.type === "dotted_name") {
        this.bind(scope, child.text, module ? `${module}.${dotted(child)}` : null);
      } else if (child.type === "aliased_import") {
        const name = child.childForFieldName("name");
        const alias = child.childForFieldName("alias");
        if (name && alias) this.bind(scope, alias.text, module ? `${module}.${dotted(name)}` : null);
      }
    }
  }
}

function dotted(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, "");
}

function parameterName(param: SyntaxNode): string | null {
  switch (param.type) {
    case "identifier":
      return param.text;
    case "default_parameter":
    case "typed_default_parameter": {
      const name = param.childForFieldName("name");
      return name?.type === "identifier" ? name.text : null;
    }
    case "typed_parameter":
    case "list_splat_pattern":
    case "dictionary_splat_pattern": {
      const id = param.namedChildren.find((c) => c.type === "identifier");
      return id ? id.text : null;
    }
    default:
      return null;
  }
}

/** Decorators, the name, parameters' defaults and bases sit outside the scope their node opens. */
function isInScopeHeader(node: SyntaxNode, scopeNode: SyntaxNode): boolean {
  if (!SCOPE_TYPES.has(scopeNode.type)) return false;
  const body = scopeNode.childForFieldName("body");
  if (!body) return true;
  if (node.startIndex >= body.startIndex && node.endIndex <= body.endIndex) return false;
  // Parameter names themselves belong to the inner scope.
  const params = scopeNode.childForFieldName("parameters");
  if (params && node.startIndex >= params.startIndex && node.endIndex <= params.endIndex) {
    return !(node.type === "identifier" && node.parent?.id === params.id);
  }
  return true;
}
