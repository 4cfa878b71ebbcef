// Where the keyword goes when the project's formatter has a say. The plain
// insertion (call-site.ts) keeps the call's layout; when that would push a
// line past the formatter's column limit, the call's arguments are laid out
// as that formatter lays them out, so its next run leaves our lines alone:
//
//   yapf (pep8, google)  one argument per line, aligned with the bracket,
//                        or all on hanging lines when aligned ones do not fit:
//                          m = to_static(net,            m = to_static(
//                                        input_spec=s,       net,
//                                        **KW)               **KW)
//   black, ruff format   the arguments on one indented line, the bracket on
//                        its own; else one per line with a trailing comma:
//                          m = to_static(                m = to_static(
//                              net, input_spec=s, **KW       net,
//                          )                                 **KW,
//                                                        )
//   pycodestyle, flake8  (a limit, no layout) the keyword alone moves to a
//                        new line, aligned with the arguments.
//
// yapf also keeps the arguments of a call it split one per line, so there
// the keyword gets a line of its own whatever its length. Shapes the layouts
// do not cover (comments among the arguments, an argument over several
// lines, a call nested in another bracket, tabs) keep the plain insertion.
import type { SyntaxNode } from "../python/parser.js";
import type { CallSite } from "../python/sites.js";
import type { Edit, LineStyle } from "../model.js";
import { hasTrailingComma } from "./call-site.js";
import { applyEdits } from "./edits.js";
import { lineEnd, lineStart } from "./lines.js";

export interface WrapContext {
  /** The file's line ending. */
  eol: string;
  /**
   * black without target versions: whether the file, once fixed, holds
   * syntax of Python 3.5+ (black then puts a comma after `**KW` too).
   */
  modernSyntax: () => boolean;
}

/** The keyword's edit under `style`: `plain` itself where it fits or no layout applies. */
export function wrappedKeyword(text: string, site: CallSite, keyword: string, plain: Edit, style: LineStyle, context: WrapContext): Edit {
  const call = callShape(text, site);
  if (!call) return plain;
  const tooLong = overLimit(text, plain, style.columnLimit);
  switch (style.formatter) {
    case "yapf":
      if (!tooLong && call.open.startPosition.row === call.close.startPosition.row) return plain;
      if (call.trailingComma) return plain;
      return yapfLayout(text, call, keyword, style, context.eol) ?? plain;
    case "black":
    case "ruff":
      // A magic trailing comma keeps the call exploded: the plain insertion adds a line like the others.
      if (!tooLong || call.trailingComma || call.multiLineItem) return plain;
      return blackLayout(call, keyword, style, context) ?? plain;
    case "pycodestyle":
      if (!tooLong || call.trailingComma || call.multiLineItem) return plain;
      return ownLine(text, call, keyword, style, context.eol) ?? plain;
  }
}

interface CallShape {
  text: string;
  open: SyntaxNode;
  close: SyntaxNode;
  /** The arguments' texts. */
  items: string[];
  /** Whether an argument spans lines (only yapf's layout takes such a call). */
  multiLineItem: boolean;
  trailingComma: boolean;
  /** The line up to and including the opening bracket. */
  head: string;
  /** What follows the closing bracket on its line (without the end of line). */
  tail: string;
  /** The indentation of the statement's first line. */
  indent: string;
  /** Whether the statement starts on the bracket's line and nothing encloses the call. */
  alone: boolean;
}

const BRACKETED = new Set([
  "argument_list",
  "list",
  "tuple",
  "dictionary",
  "set",
  "parenthesized_expression",
  "subscript",
  "generator_expression",
  "list_comprehension",
  "dictionary_comprehension",
  "set_comprehension",
]);

function callShape(text: string, site: CallSite): CallShape | null {
  const args = site.args;
  if (!args || args.type !== "argument_list") return null;
  const open = args.children[0];
  const close = args.children[args.childCount - 1];
  if (args.namedChildren.some((c) => c.type === "comment")) return null;
  const items = args.namedChildren.map((c) => text.slice(c.startIndex, c.endIndex));
  const headStart = lineStart(text, open.startIndex);
  const head = text.slice(headStart, open.endIndex);
  const closeLineEnd = lineEnd(text, close.endIndex);
  const tail = text.slice(close.endIndex, closeLineEnd).replace(/\r?\n$/, "");
  if (head.includes("\t") || tail.includes("#")) return null;
  const statement = statementOf(site.node);
  const indent = /^[ ]*/.exec(head)![0];
  let alone = statement !== null && statement.startPosition.row === open.startPosition.row && lineStart(text, statement.startIndex) === headStart;
  for (let node = site.node.parent; alone && node && node.id !== statement!.id; node = node.parent) {
    if (BRACKETED.has(node.type)) alone = false;
  }
  return { text, open, close, items, multiLineItem: items.some((item) => item.includes("\n")), trailingComma: hasTrailingComma(args), head, tail, indent, alone };
}

/** The simple statement (or decorator) the call belongs to. */
function statementOf(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode | null = node;
  while (current?.parent && current.parent.type !== "block" && current.parent.type !== "module" && current.type !== "decorator") {
    current = current.parent;
  }
  return current;
}

function width(line: string): number {
  let n = 0;
  for (const _ of line) n++;
  return n;
}

/** Spaces up to a node's column (in characters), to align a new line with it. */
function padTo(text: string, node: SyntaxNode): string {
  return " ".repeat(width(text.slice(lineStart(text, node.startIndex), node.startIndex)));
}

/** Whether a line that the edit touches would be longer than the limit. */
function overLimit(text: string, edit: Edit, limit: number): boolean {
  const from = lineStart(text, edit.start);
  const to = lineEnd(text, edit.end);
  const after = applyEdits(text.slice(from, to), [{ start: edit.start - from, end: edit.end - from, text: edit.text }]);
  return after.split(/\r?\n/).some((line) => width(line) > limit);
}

function fits(lines: string[], limit: number): boolean {
  return lines.every((line) => width(line) <= limit);
}

/** The whole argument list, between the brackets, replaced. */
function replaceArguments(call: CallShape, inner: string): Edit {
  return { start: call.open.endIndex, end: call.close.startIndex, text: inner };
}

/**
 * yapf (pep8, google): before the first keyword argument, arguments share
 * lines as far as they fit; from it on, each has a line of its own (yapf's
 * split_before_named_assigns). Lines align with the bracket when all fit
 * there, else hang below it by the continuation indent.
 */
function yapfLayout(text: string, call: CallShape, keyword: string, style: LineStyle, eol: string): Edit | null {
  if (!call.alone) return null;
  const args = call.open.parent!.namedChildren;
  const firstNamed = args.findIndex((a) => a.type === "keyword_argument");
  if (call.multiLineItem) {
    // yapf already split an argument over lines: the keyword follows the last one, on a line of its own.
    if (firstNamed < 0) return null;
    const last = args[args.length - 1];
    const pad = padTo(text, last);
    if (!fits([pad + keyword + ")" + call.tail], style.columnLimit)) return null;
    return { start: last.endIndex, end: call.close.startIndex, text: "," + eol + pad + keyword };
  }
  const items = [...call.items, keyword];
  const shared = firstNamed < 0 ? items.length : firstNamed;
  const layout = (first: string, next: string): string[] => {
    const lines: string[] = [];
    let line = first;
    let empty = true;
    items.forEach((item, i) => {
      const piece = item + (i === items.length - 1 ? ")" + call.tail : ",");
      const alone = i >= shared;
      if (!empty && (alone || width(line + " " + piece) > style.columnLimit)) {
        lines.push(line);
        line = next + piece;
      } else {
        line += (empty ? "" : " ") + piece;
      }
      empty = false;
    });
    return [...lines, line];
  };
  const inner = (lines: string[]) => {
    const whole = lines.join(eol);
    return whole.slice(call.head.length, whole.length - 1 - call.tail.length);
  };
  const aligned = layout(call.head, " ".repeat(width(call.head)));
  if (fits(aligned, style.columnLimit)) return replaceArguments(call, inner(aligned));
  const hang = call.indent + " ".repeat(style.continuationIndent);
  const hanging = [call.head, ...layout(hang, hang)];
  if (fits(hanging, style.columnLimit)) return replaceArguments(call, inner(hanging));
  return null;
}

function blackLayout(call: CallShape, keyword: string, style: LineStyle, context: WrapContext): Edit | null {
  if (!call.alone || call.tail.trim() !== "") return null;
  const items = [...call.items, keyword];
  const limit = style.columnLimit;
  const { eol } = context;
  const body = call.indent + " ".repeat(4);
  const oneLine = items.join(", ");
  if (width(call.head + oneLine + ")") <= limit) return replaceArguments(call, oneLine);
  // The right-hand split: the arguments on one line of their own.
  if (fits([call.head, body + oneLine], limit)) return replaceArguments(call, eol + body + oneLine + eol + call.indent);
  // Exploded, one per line; black adds the comma after `**KW` only where
  // every Python it targets accepts one there (3.5+), ruff always (3.7+).
  const comma = style.formatter === "ruff" || acceptsCommaAfterUnpacking(style.targetVersions, context) ? "," : "";
  const lines = items.map((item, i) => body + item + (i === items.length - 1 ? comma : ","));
  if (!fits([call.head, ...lines], limit)) return null;
  return replaceArguments(call, eol + lines.join(eol) + eol + call.indent);
}

function acceptsCommaAfterUnpacking(targets: string[] | null, context: WrapContext): boolean {
  if (targets) return targets.length > 0 && targets.every((t) => !/^py3[34]$/i.test(t) && !/^py2/i.test(t));
  return context.modernSyntax();
}

/** The keyword on a new line, aligned with the first argument, or with the last one's line when they hang. */
function ownLine(text: string, call: CallShape, keyword: string, style: LineStyle, eol: string): Edit | null {
  if (!call.items.length) return null;
  const args = call.open.parent!;
  const first = args.namedChildren[0];
  const last = args.namedChildren[args.namedChildCount - 1];
  const pad =
    first.startPosition.row === call.open.startPosition.row
      ? padTo(text, first)
      : /^[ ]*/.exec(text.slice(lineStart(text, last.startIndex)))![0];
  const lastLine = text.slice(lineStart(text, last.startIndex), last.endIndex) + ",";
  const rest = text.slice(last.endIndex, lineEnd(text, last.endIndex)).replace(/\r?\n$/, "");
  if (fits([lastLine, pad + keyword + rest], style.columnLimit)) return { start: last.endIndex, end: last.endIndex, text: "," + eol + pad + keyword };
  // Aligned, it does not fit: all the arguments on a hanging line instead.
  const hang = call.indent + " ".repeat(style.continuationIndent);
  const body = [...call.items, keyword].join(", ");
  if (!call.alone || !fits([hang + body + ")" + call.tail], style.columnLimit)) return null;
  return replaceArguments(call, eol + hang + body);
}

/**
 * Whether black would see syntax of Python 3.5+ in the file (it then
 * targets only versions that accept a comma after `**kwargs`): f-strings,
 * underscores in numbers, `:=`, positional-only parameters, `match`, a comma
 * after `*args`/`**kwargs`. A lexical look: such text inside a string or
 * comment can only make a comma appear where black would put none, which a
 * formatter run shows at once.
 */
export function usesModernSyntax(text: string): boolean {
  return /(?<![\w.])(?:[fF][rRbB]?|[rR][fF])["']|\b\d+_\d|:=|,\s*\/\s*[,)]|^\s*match\s.+:\s*$|\*[\w.]+(?:\([^()]*\))?,\s*\)/m.test(text);
}

// ------------------------------------------------------------------ revert
//
// A re-wrapped call's old layout is not in the fixed text, so the fix leaves
// a note of it in the guard block (which --revert removes whole), one comment
// line per call:
//   # --revert restores call 1f2e3d4c to: 0/16 0 1 0
// the fingerprint of the call's argument list as the fix wrote it, then the
// white space of each gap between its old tokens (the brackets, arguments and
// commas): space counts, `/` for a line break. Revert restores the gaps of
// a call whose argument list still has that fingerprint; a call edited since
// keeps its wrapping, and the report says so.

const RECORD = /^# --revert restores call ([0-9a-f]{8}) to: ([0-9/ ]+)$/;

/** The guard-block line recording the layout `edit` replaces, or null when it cannot be recorded. */
export function layoutRecord(text: string, args: SyntaxNode, edit: Edit, eol: string): string | null {
  const open = args.children[0];
  const close = args.children[args.childCount - 1];
  const gaps: string[] = [];
  let last = open.endIndex;
  for (const token of [...args.children.slice(1, -1), close]) {
    const gap = text.slice(last, token.startIndex);
    if (gap.replaceAll(eol, "").replace(/ /g, "") !== "") return null;
    gaps.push(gap.split(eol).map((run) => run.length).join("/"));
    last = token.endIndex;
  }
  const written = text.slice(open.startIndex, edit.start) + edit.text + text.slice(edit.end, close.endIndex);
  return `# --revert restores call ${fingerprint(written)} to: ${gaps.join(" ")}`;
}

export interface LayoutNote {
  fingerprint: string;
  gaps: string[];
}

/** The layout notes among a guard block's lines. */
export function layoutNotes(block: string): LayoutNote[] {
  return block.split(/\r?\n/).flatMap((line) => {
    const m = RECORD.exec(line);
    return m ? [{ fingerprint: m[1], gaps: m[2].split(" ").map((gap) => gap.replace(/\d+/g, (n) => " ".repeat(Number(n)))) }] : [];
  });
}

/**
 * The argument list `args` (as the fix wrote it, `keyword` being the added
 * argument) back in its noted layout: an edit of the span between its
 * brackets, or null when no note fits it. The used note leaves `notes`.
 */
export function layoutRestore(text: string, args: SyntaxNode, keyword: SyntaxNode, notes: LayoutNote[], eol: string): Edit | null {
  const at = notes.findIndex((n) => n.fingerprint === fingerprint(text.slice(args.startIndex, args.endIndex)));
  if (at < 0) return null;
  const items = args.namedChildren.filter((c) => c.id !== keyword.id).map((c) => text.slice(c.startIndex, c.endIndex));
  const tokens = items.flatMap((item, i) => (i ? [",", item] : [item]));
  const gaps = notes[at].gaps.map((gap) => gap.replaceAll("/", eol));
  if (gaps.length !== tokens.length + 1) return null;
  notes.splice(at, 1);
  const inner = tokens.reduce((out, token, i) => out + token + gaps[i + 1], gaps[0]);
  return { start: args.children[0].endIndex, end: args.children[args.childCount - 1].startIndex, text: inner };
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell a call edited since the fix. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
