// A file's own conventions, so inserted code looks like its neighbours:
// line ending, indentation unit and preferred string quote.
import { query, type Tree } from "./parser.js";

export interface Conventions {
  eol: "\n" | "\r\n";
  indent: string;
  quote: '"' | "'";
}

export function detectConventions(text: string, tree: Tree): Conventions {
  return { eol: detectEol(text), indent: detectIndent(text, tree), quote: detectQuote(tree) };
}

export function detectEol(text: string): "\n" | "\r\n" {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}

// Conventions show in the first part of a file; looking further only costs.
const SAMPLE = 256 * 1024;

/** The most common step between a block and the statement that opens it. */
function detectIndent(text: string, tree: Tree): string {
  const counts = new Map<string, number>();
  for (const match of query("(_ body: (block) @block) @owner").matches(tree.rootNode, { startIndex: 0, endIndex: SAMPLE })) {
    const owner = match.captures.find((c) => c.name === "owner")!.node;
    const block = match.captures.find((c) => c.name === "block")!.node;
    if (block.startPosition.row === owner.startPosition.row) continue;
    const inner = leadingWhitespace(text, block.startIndex);
    const outer = leadingWhitespace(text, owner.startIndex);
    if (inner.length > outer.length && inner.startsWith(outer)) {
      const unit = inner.slice(outer.length);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
  }
  let best = "    ";
  let bestCount = 0;
  for (const [unit, count] of counts) {
    if (count > bestCount) [best, bestCount] = [unit, count];
  }
  return best;
}

export function leadingWhitespace(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  let end = start;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return text.slice(start, end);
}

function detectQuote(tree: Tree): '"' | "'" {
  let single = 0;
  let double = 0;
  for (const { node } of query("(string_start) @start").captures(tree.rootNode, { startIndex: 0, endIndex: SAMPLE })) {
    const delimiter = node.text.replace(/^[a-zA-Z]+/, "");
    if (delimiter === "'") single++;
    else if (delimiter === '"') double++;
  }
  return single > double ? "'" : '"';
}
