// tree-sitter setup. The native parser is loaded on first use only, so runs
// whose files all fail the byte prefilter never pay for it.
import { createRequire } from "node:module";
import type ParserType from "tree-sitter";

export type Tree = ParserType.Tree;
export type SyntaxNode = ParserType.SyntaxNode;

const require = createRequire(import.meta.url);
let parser: ParserType | undefined;
const queries = new Map<string, ParserType.Query>();

function getParser(): ParserType {
  if (!parser) {
    const Parser = require("tree-sitter") as typeof ParserType;
    parser = new Parser();
    parser.setLanguage(require("tree-sitter-python"));
  }
  return parser;
}

/** A compiled query over the Python grammar (compiled once, on first use). */
export function query(source: string): ParserType.Query {
  let q = queries.get(source);
  if (!q) {
    const Parser = require("tree-sitter") as typeof ParserType;
    queries.set(source, (q = new Parser.Query(require("tree-sitter-python"), source)));
  }
  return q;
}

export function parsePython(text: string): Tree {
  // A string input (not a callback) lets node.text slice the string directly.
  return withoutNodeCache(getParser().parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length + 1) }));
}

/**
 * The binding (tree-sitter 0.22.4) registers every node object it hands out
 * in a native cache of its tree, so that a node asked for twice is the same
 * object: a weak reference and a finalizer per node, ~230 bytes outside the
 * JS heap, which V8 does not count. Those finalizers run only once the event
 * loop turns, so while one big file is analysed (synchronously) the entries
 * of every node ever touched pile up: at 40,000 sites in one file, about
 * 300 MB and half the analysis time. This code never compares nodes by
 * identity (sameNode, `.id`), so its own trees opt out (on the tree object,
 * not the binding's prototype: other users of tree-sitter in the process
 * keep the cache). The binding has no way to free a tree at once
 * (`Tree.delete` came later): a tree goes with its last node.
 */
function withoutNodeCache(tree: Tree): Tree {
  const cached = tree as Tree & { _cacheNode?: unknown; _cacheNodes?: unknown };
  if (typeof cached._cacheNode === "function") cached._cacheNode = noCache;
  if (typeof cached._cacheNodes === "function") cached._cacheNodes = noCache;
  return tree;
}
const noCache = (): void => {};

/** First syntax error as 1-based line:column, or null when the tree is clean. */
export function firstSyntaxError(tree: Tree): { line: number; column: number } | null {
  if (!tree.rootNode.hasError) return null;
  const cursor = tree.walk();
  let found: SyntaxNode | null = null;
  const visit = (): void => {
    do {
      const node = cursor.currentNode;
      if (node.type === "ERROR" || node.isMissing) {
        found = node;
        return;
      }
      if (node.hasError && cursor.gotoFirstChild()) {
        visit();
        if (found) return;
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
  };
  if (cursor.gotoFirstChild()) visit();
  const node: SyntaxNode = found ?? tree.rootNode;
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}
