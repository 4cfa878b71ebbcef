// Where and how the keyword goes into one call site, keeping the layout:
//   f(a, b)            -> f(a, b, KW)
//   f(a, b,)           -> f(a, b, KW,)
//   f(\n  a,\n)         -> f(\n  a,\n  KW,\n)     (a new line, like its neighbours)
//   f()                -> f(KW)
//   @decorator         -> @decorator(KW)
import type { SyntaxNode } from "../python/parser.js";
import { leadingWhitespace } from "../python/conventions.js";
import type { CallSite } from "../python/sites.js";
import type { Insertion } from "../model.js";

export function callSiteInsertion(text: string, site: CallSite, keyword: string, indentUnit: string): Insertion {
  const args = site.args;
  if (!args) return { offset: site.node.endIndex, text: `(${keyword})` };
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const open = args.children[0];
  if (!items.length) return { offset: open.endIndex, text: keyword };
  const last = items[items.length - 1];
  const comma = trailingComma(args, last);
  if (!comma) return { offset: last.endIndex, text: `, ${keyword}` };
  const close = args.children[args.childCount - 1];
  if (close.startPosition.row === comma.startPosition.row) return { offset: comma.endIndex, text: ` ${keyword},` };
  // The closing paren sits on a later line: add a line of our own after the
  // comma's line (after any comment on it), indented like that line.
  const eolStart = text.indexOf("\n", comma.endIndex);
  const offset = text[eolStart - 1] === "\r" ? eolStart - 1 : eolStart;
  const eol = text[eolStart - 1] === "\r" ? "\r\n" : "\n";
  let indent = leadingWhitespace(text, comma.startIndex);
  if (comma.startPosition.row === open.startPosition.row) indent += indentUnit;
  return { offset, text: `${eol}${indent}${keyword},` };
}

function trailingComma(args: SyntaxNode, last: SyntaxNode): SyntaxNode | null {
  for (const child of args.children) {
    if (child.startIndex >= last.endIndex && child.type === ",") return child;
  }
  return null;
}
