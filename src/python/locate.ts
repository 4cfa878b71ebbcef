// Finds, for many text positions at once, the chain of nodes from the root
// down to the deepest node holding each position. One forward walk with a
// tree cursor: siblings are stepped over, never rescanned, and only nodes on
// a path are materialised. (Node.parent is avoided on purpose: tree-sitter
// computes it by descending from the root, which is quadratic on big files.)
import { isNameCode } from "./prefilter.js";
import type { SyntaxNode, Tree } from "./parser.js";

/** root first, deepest node last */
export type Chain = readonly SyntaxNode[];

export function locate(tree: Tree, positions: Iterable<number>): Map<number, Chain> {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const out = new Map<number, Chain>();
  if (!sorted.length) return out;
  const cursor = tree.walk();
  const stack: SyntaxNode[] = [tree.rootNode];
  const holds = (node: { startIndex: number; endIndex: number }, p: number) => node.startIndex <= p && p < node.endIndex;

  for (const p of sorted) {
    // Climb: step forward through siblings, then up, until a node holds p.
    while (stack.length > 1 && !holds(stack[stack.length - 1], p)) {
      let found = false;
      while (cursor.gotoNextSibling()) {
        if (holds(cursor, p)) {
          found = true;
          break;
        }
        if (cursor.startIndex > p) break;
      }
      if (found) {
        stack[stack.length - 1] = cursor.currentNode;
        break;
      }
      stack.pop();
      cursor.gotoParent();
    }
    if (!holds(stack[stack.length - 1], p)) continue; // outside the tree
    // Descend to the deepest node holding p.
    for (;;) {
      if (!cursor.gotoFirstChild()) break;
      let found = false;
      do {
        if (holds(cursor, p)) {
          found = true;
          break;
        }
        if (cursor.startIndex > p) break;
      } while (cursor.gotoNextSibling());
      if (!found) {
        cursor.gotoParent();
        break;
      }
      stack.push(cursor.currentNode);
    }
    out.set(p, stack.slice());
  }
  return out;
}

/** Positions where `\bname\b` occurs in the text, for any of the names. */
export function wordPositions(text: string, names: Iterable<string>): number[] {
  const list = [...new Set(names)].filter((n) => /^\w+$/.test(n));
  if (!list.length) return [];
  const re = new RegExp(`\\b(?:${list.join("|")})\\b`, "g");
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/**
 * Positions of the names that could bind them: not followed by `.`, which
 * makes an occurrence the object of an attribute (`paddle.jit`), a use.
 */
export function bindablePositions(text: string, names: Iterable<string>): number[] {
  return wordPositions(text, names).filter((at) => !followedByDot(text, at));
}

/** The word at `at` is followed (after spaces or tabs) by a dot. */
function followedByDot(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && isNameCode(text.charCodeAt(i))) i++;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return text.charCodeAt(i) === 0x2e;
}


export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** The chain's node that is `node`'s `field` child, tested by position. */
export function isField(parent: SyntaxNode, field: string, child: SyntaxNode): boolean {
  return sameNode(parent.childForFieldName(field), child);
}

export const FORWARD = ".forward";

/**
 * The dotted name of the functions and classes around the chain's last
 * node, outermost first (`Trainer.export`), or null at module level. A
 * decorator's site is named by the function it decorates.
 */
export function scopeName(chain: Chain): string | null {
  const names: string[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const node = chain[i];
    if (node.type !== "function_definition" && node.type !== "class_definition") continue;
    const name = node.childForFieldName("name")?.text;
    if (name) names.push(name);
  }
  return names.length ? names.join(".") : null;
}

/**
 * The object a `.forward` read is taken from (`m.forward` -> `m`), or null.
 * A converted Layer's program is read through its forward
 * (`m.forward.main_program`), so `m.forward` stands for `m` wherever a
 * result is followed: by the classifier and by the traceback's trace alike.
 */
export function forwardOwner(holder: string): string | null {
  return holder.endsWith(FORWARD) ? holder.slice(0, -FORWARD.length) : null;
}


/** A node's text without white space: how names are compared (`self . model` is `self.model`). */
export function compact(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, "");
}

/**
 * Names the call at the end of `chain` hands its result to (`a = b = f(...)`
 * gives both; identifiers and attributes only, compacted), and the index in
 * the chain of the outermost expression that is that result.
 */
export function assignedNames(chain: Chain): { targets: string[]; outermost: number } {
  const targets: string[] = [];
  let i = chain.length - 1;
  while (chain[i - 1]?.type === "parenthesized_expression") i--;
  while (chain[i - 1]?.type === "assignment" && isField(chain[i - 1], "right", chain[i])) {
    const left = chain[i - 1].childForFieldName("left");
    if (left && (left.type === "identifier" || left.type === "attribute")) targets.push(compact(left));
    i--;
  }
  return { targets, outermost: i };
}
