// What one scope (a function, or the module) holds that classification asks
// about: its assignments, attribute reads and calls. Gathered with native
// tree-sitter queries limited to the scope's subtree, once per scope.
import { compact } from "./locate.js";
import { query, type SyntaxNode } from "./parser.js";

interface Assignment {
  left: string;
  right: string;
}
interface AttributeRead {
  node: SyntaxNode;
  object: string;
  attribute: string;
}
interface Call {
  node: SyntaxNode;
  fn: SyntaxNode;
  args: SyntaxNode;
}

// One query, three patterns: reassignments, attribute reads and calls.
const FACTS = `
(assignment left: [(identifier) (attribute)] @left right: [(identifier) (attribute)] @right)
(attribute object: (_) @object attribute: (identifier) @attribute) @read
(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call
`;


export class ScopeFacts {
  private readonly cache = new Map<string, Facts>();
  private readonly hint: RegExp;

  /** @param attributeNames the attribute reads worth recording (those that raise under SOT) */
  constructor(private readonly attributeNames: ReadonlySet<string>) {
    this.hint = new RegExp(`save|${[...attributeNames].join("|")}`);
  }

  of(scope: SyntaxNode): Facts {
    const key = `${scope.type}:${scope.startIndex}:${scope.endIndex}`;
    let facts = this.cache.get(key);
    if (!facts) this.cache.set(key, (facts = new Facts(scope, this.attributeNames, this.hint)));
    return facts;
  }
}

export class Facts {
  private gathered?: { assignments: Assignment[]; attributes: AttributeRead[]; calls: Call[] };

  constructor(
    private readonly scope: SyntaxNode,
    private readonly attributeNames: ReadonlySet<string>,
    private readonly hint: RegExp,
  ) {}

  /** The targets plus every name that plain reassignments (`y = x`) make of them. */
  aliases(initial: string[]): Set<string> {
    const aliases = new Set(initial);
    const assignments = this.assignments();
    for (let changed = true; changed; ) {
      changed = false;
      for (const a of assignments) {
        if (aliases.has(a.right) && !aliases.has(a.left)) {
          aliases.add(a.left);
          changed = true;
        }
      }
    }
    return aliases;
  }

  /** First read of a listed attribute whose object `suffixOf` accepts; after `after` when possible. */
  programRead(
    suffixOf: (object: string) => string | null,
    after: number | null,
  ): { node: SyntaxNode; path: string } | null {
    let best: { node: SyntaxNode; path: string } | null = null;
    for (const read of this.attributes()) {
      const suffix = suffixOf(read.object);
      if (suffix === null) continue;
      const found = { node: read.node, path: `${suffix}.${read.attribute}` };
      if (after === null || read.node.startIndex >= after) return found;
      best ??= found;
    }
    return best;
  }

  /** First call `isSave` accepts with an argument `pick` names. */
  save(isSave: (fn: SyntaxNode) => boolean, pick: (argument: string) => string | null): { node: SyntaxNode; what: string } | null {
    for (const call of this.calls()) {
      if (!isSave(call.fn)) continue;
      for (const arg of call.args.namedChildren) {
        const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
        const what = value ? pick(compact(value)) : null;
        if (what) return { node: call.node, what };
      }
    }
    return null;
  }

  private assignments(): Assignment[] {
    return this.gather().assignments;
  }

  private attributes(): AttributeRead[] {
    return this.gather().attributes;
  }

  private calls(): Call[] {
    return this.gather().calls;
  }

  private gather(): { assignments: Assignment[]; attributes: AttributeRead[]; calls: Call[] } {
    if (this.gathered) return this.gathered;
    const gathered = { assignments: [] as Assignment[], attributes: [] as AttributeRead[], calls: [] as Call[] };
    this.gathered = gathered;
    // Skip the query when the scope's text cannot hold what is asked about.
    if (!this.hint.test(this.scope.text)) return gathered;
    for (const m of query(FACTS).matches(this.scope)) {
      const get = (name: string) => m.captures.find((c) => c.name === name)!.node;
      if (m.pattern === 0) {
        gathered.assignments.push({ left: compact(get("left")), right: compact(get("right")) });
      } else if (m.pattern === 1) {
        const attribute = get("attribute").text;
        if (this.attributeNames.has(attribute)) gathered.attributes.push({ node: get("read"), object: compact(get("object")), attribute });
      } else {
        const fn = get("fn");
        // Attribute calls can only be a save when they end in `.save`.
        if (fn.type === "attribute" && !/save$/.test(fn.text)) continue;
        gathered.calls.push({ node: get("call"), fn, args: get("args") });
      }
    }
    return gathered;
  }
}
