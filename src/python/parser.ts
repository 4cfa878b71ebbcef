// tree-sitter setup. The native parser is loaded on first use only, so runs
// whose files all fail the byte prefilter never pay for it.
import { createRequire } from "node:module";
import type ParserType from "tree-sitter";

export type Tree = ParserType.Tree;
export type SyntaxNode = ParserType.SyntaxNode;

const require = createRequire(import.meta.url);
let parser: ParserType | undefined;

function getParser(): ParserType {
  if (!parser) {
    const Parser = require("tree-sitter") as typeof ParserType;
    const Python = require("tree-sitter-python");
    parser = new Parser();
    parser.setLanguage(Python);
  }
  return parser;
}

export function parsePython(text: string): Tree {
  // A callback input avoids the binding's size limit on one string argument.
  const chunk = 64 * 1024;
  return getParser().parse((index: number) => text.slice(index, index + chunk));
}

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
