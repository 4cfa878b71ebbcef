// A file's own conventions, so inserted code looks like its neighbours:
// line ending, indentation unit and preferred string quote. Read from the
// text (its first part), not the tree: a query over a big tree costs more than
// the whole edit.
export interface Conventions {
  eol: "\n" | "\r\n";
  indent: string;
  quote: '"' | "'";
}

// Conventions show in the first part of a file; looking further only costs.
const SAMPLE = 256 * 1024;

export function detectConventions(text: string): Conventions {
  const sample = text.slice(0, SAMPLE);
  return { eol: detectEol(text), indent: detectIndent(sample), quote: detectQuote(sample) };
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

/** The most common step from a line that opens a block (ends with `:`) to the next, deeper line. */
function detectIndent(sample: string): string {
  const counts = new Map<string, number>();
  let opener: string | null = null; // indentation of the last line ending in ':'
  for (const line of sample.split(/\r?\n/)) {
    const code = line.replace(/\s+#.*$/, "").trimEnd();
    if (!code.trim() || code.trimStart().startsWith("#")) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (opener !== null && indent.length > opener.length && indent.startsWith(opener)) {
      const unit = indent.slice(opener.length);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    opener = code.endsWith(":") ? indent : null;
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

/** Single quotes only when the code's own (non-docstring) literals mostly use them. */
function detectQuote(sample: string): '"' | "'" {
  const code = sample.replace(/("""|''')[\s\S]*?(\1|$)/g, "").replace(/#.*$/gm, "");
  let single = 0;
  let double = 0;
  for (const m of code.matchAll(/(?<![\w'"\\])[rRbBuUfF]{0,2}(['"])/g)) {
    if (m[1] === "'") single++;
    else double++;
  }
  return single > double ? "'" : '"';
}
