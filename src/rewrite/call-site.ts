// The keyword at one call site: where it goes in, keeping the layout, and,
// beside it, how --revert takes it out again:
//   f(a, b)            <-> f(a, b, KW)
//   f(a, b,)           <-> f(a, b, KW,)
//   f(\n  a,\n)         <-> f(\n  a,\n  KW,\n)     (a new line, like its neighbours)
//   f()                <-> f(KW)
//   @decorator         <-> @decorator(KW)
// When a formatter's limit had the call re-wrapped (wrap.ts), the keyword is
// taken out and the wrapping stays, which that formatter accepts as it is.
// A keyword found in any other shape (moved by hand) is removed with one
// adjacent comma and reported as irregular. Upstream's bare keyword, where
// the Paddle in use rejects it, is replaced in place, and back:
//   f(m, full_graph=True) <-> f(m, **(KW))   (the parentheses mark it)
import type { SyntaxNode } from "../python/parser.js";
import { leadingWhitespace } from "../python/conventions.js";
import type { CallSite } from "../python/sites.js";
import type { Edit } from "../model.js";
import { insertion, removal } from "./edits.js";
import { lineStart } from "./lines.js";

export function keywordInsertion(text: string, site: CallSite, keyword: string, indentUnit: string): Edit {
  const args = site.args;
  if (!args) return insertion(site.node.endIndex, `(${keyword})`);
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const open = args.children[0];
  if (!items.length) return insertion(open.endIndex, keyword);
  const last = items[items.length - 1];
  const comma = trailingComma(args, last);
  if (!comma) return insertion(last.endIndex, `, ${keyword}`);
  const close = args.children[args.childCount - 1];
  if (close.startPosition.row === comma.startPosition.row) return insertion(comma.endIndex, ` ${keyword},`);
  // The closing paren sits on a later line: add a line of our own after the
  // comma's line (after any comment on it), indented like that line.
  const eolStart = text.indexOf("\n", comma.endIndex);
  const offset = text[eolStart - 1] === "\r" ? eolStart - 1 : eolStart;
  const eol = text[eolStart - 1] === "\r" ? "\r\n" : "\n";
  let indent = leadingWhitespace(text, comma.startIndex);
  if (comma.startPosition.row === open.startPosition.row) indent += indentUnit;
  return insertion(offset, `${eol}${indent}${keyword},`);
}

/** Upstream's bare `full_graph=True` (the keyword_argument node) becomes the guarded keyword, parenthesised. */
export function bareKeywordGuard(keywordArgument: SyntaxNode, guardCall: string): Edit {
  return { start: keywordArgument.startIndex, end: keywordArgument.endIndex, text: `**(${guardCall})` };
}

/** `**(KW)` (the dictionary_splat node) becomes the bare keyword it replaced. */
export function bareKeywordRestore(splat: SyntaxNode, bare: string): Edit {
  return { start: splat.startIndex, end: splat.endIndex, text: bare };
}

/** Whether a comma follows the last argument (black's magic trailing comma). */
export function hasTrailingComma(args: SyntaxNode): boolean {
  const last = args.namedChildren.filter((c) => c.type !== "comment").pop();
  return Boolean(last && trailingComma(args, last));
}

function trailingComma(args: SyntaxNode, last: SyntaxNode): SyntaxNode | null {
  for (const child of args.children) {
    if (child.startIndex >= last.endIndex && child.type === ",") return child;
  }
  return null;
}

// ------------------------------------------------------------------ revert

export interface KeywordRemoval {
  removal: Edit;
  irregular: boolean;
}

export function keywordRemoval(text: string, args: SyntaxNode, splat: SyntaxNode): KeywordRemoval {
  const children = args.children;
  const open = children[0];
  const close = children[children.length - 1];
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const index = items.findIndex((c) => c.id === splat.id);
  const position = children.findIndex((c) => c.id === splat.id);
  const after = children[position + 1];
  const commaAfter = after?.type === "," && after.startIndex === splat.endIndex ? after : null;
  const exact = (start: number, end: number): KeywordRemoval => ({ removal: removal(start, end), irregular: false });
  const isLast = index === items.length - 1;

  if (items.length === 1 && !commaAfter && splat.startIndex === open.endIndex) {
    const decorator = args.parent?.parent?.type === "decorator";
    // `@d(KW)` came from a bare `@d`; `f(KW)` from `f()`.
    if (decorator && splat.endIndex === close.startIndex) return exact(args.startIndex, args.endIndex);
    return exact(splat.startIndex, splat.endIndex);
  }
  if (isLast && index > 0) {
    const prev = items[index - 1];
    if (!commaAfter && text.slice(prev.endIndex, splat.startIndex) === ", ") return exact(prev.endIndex, splat.endIndex);
    // A line of its own after the last argument's comma, as wrap.ts lays it out for a formatter.
    if (!commaAfter && /^,[ \t]*\r?\n[ \t]*$/.test(text.slice(prev.endIndex, splat.startIndex))) return exact(prev.endIndex, splat.endIndex);
    const commaBefore = children.slice(0, position).reverse().find((c) => c.type === ",");
    if (commaAfter && commaBefore && commaBefore.startIndex >= prev.endIndex) {
      // ` KW,` right after the trailing comma, with `)` on that line.
      if (commaBefore.endIndex === splat.startIndex - 1 && text[splat.startIndex - 1] === " " && close.startPosition.row === commaBefore.startPosition.row) {
        return exact(splat.startIndex - 1, commaAfter.endIndex);
      }
      // A line of its own: EOL + indent + `KW,`, before the comma line's own EOL.
      const keywordLine = lineStart(text, splat.startIndex);
      const eol = text.startsWith("\r\n", commaAfter.endIndex) ? "\r\n" : text[commaAfter.endIndex] === "\n" ? "\n" : null;
      const ownLine = /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex)) && commaBefore.endIndex < keywordLine;
      if (eol && ownLine && text.slice(keywordLine - eol.length, keywordLine) === eol && keywordLine - eol.length >= commaBefore.endIndex) {
        return exact(keywordLine - eol.length, commaAfter.endIndex);
      }
    }
  }
  return { removal: looseRemoval(text, children, position, splat), irregular: true };
}

/** Any other shape: the keyword and one comma next to it (its whole line when it stood alone). */
function looseRemoval(text: string, children: SyntaxNode[], position: number, splat: SyntaxNode): Edit {
  const after = children[position + 1];
  if (after?.type === ",") {
    const keywordLine = lineStart(text, splat.startIndex);
    const rest = /^[ \t]*(\r?\n)/.exec(text.slice(after.endIndex, after.endIndex + 256));
    if (rest && /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex))) {
      return removal(keywordLine, after.endIndex + rest[0].length);
    }
    const spaces = /^[ \t]*/.exec(text.slice(after.endIndex, after.endIndex + 256))![0];
    return removal(splat.startIndex, after.endIndex + spaces.length);
  }
  const before = children.slice(0, position).reverse().find((c) => c.type === "," || c.type === "(");
  if (before?.type === ",") return removal(before.startIndex, splat.endIndex);
  return removal(splat.startIndex, splat.endIndex);
}
