/**
 * Version parsers for a toolkit's files (setup.py, ppdet/version.py,
 * pyproject.toml, version.txt, `__version__ = ...`): pure text functions.
 * Static reads only: the files are read as text, never executed.
 */

/** A version one file names, and where it was found. */
export interface FoundVersion {
  raw: string;
  source: string;
  /** Short name for "(X says 0.0.0)". */
  from: string;
  commit?: string;
}

const STRING = String.raw`(?:'([^'\n]*)'|"([^"\n]*)")`;

function literal(m: RegExpExecArray | null, first: number): string | null {
  if (!m) return null;
  return m[first] ?? m[first + 1] ?? null;
}

/**
 * The text with comments and string contents blanked out (same length, line
 * breaks kept), so a search in it only sees code.
 */
export function maskPython(text: string): string {
  const out = text.split("");
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      blank(i, end);
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) {
        if (quote.length === 1 && text[j] === "\n") break; // unterminated single-quoted string
        j += text[j] === "\\" ? 2 : 1;
      }
      blank(i + quote.length, j);
      i = Math.min(text.length, j + quote.length);
      continue;
    }
    i++;
  }
  return out.join("");
}

/** The text between the parentheses of the first `setup(` call in code (not in comments or strings). */
export function setupCallBody(text: string): string | null {
  const masked = maskPython(text);
  const re = /(^|[^\w])setup\s*\(/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked)) !== null) {
    const before = masked.slice(Math.max(0, m.index - 8), m.index + m[1]!.length);
    if (/\bdef\s*$/.test(before)) continue;
    const open = m.index + m[0].length;
    let depth = 1;
    let i = open;
    for (; i < masked.length && depth > 0; i++) {
      const c = masked[i]!;
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth--;
    }
    return text.slice(open, depth === 0 ? i - 1 : i);
  }
  return null;
}

/** First match of `re` (global) in `body` that starts in code, not in a comment or string. */
function firstInCode(re: RegExp, body: string): RegExpExecArray | null {
  const masked = maskPython(body);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (masked.slice(m.index, m.index + 7) === "version") return m;
  }
  return null;
}

/** Version named by setup.py: `PPDET_VERSION = "..."`, or a literal (or simply named) `version=` inside `setup(`. */
export function versionFromSetupPy(text: string): FoundVersion | null {
  const ppdet = literal(new RegExp(String.raw`^PPDET_VERSION\s*=\s*${STRING}`, "m").exec(text), 1);
  if (ppdet !== null) return { raw: ppdet, source: "setup.py PPDET_VERSION", from: "setup.py" };
  const body = setupCallBody(text);
  if (body === null) return null;
  const lit = literal(firstInCode(new RegExp(String.raw`\bversion\s*=\s*${STRING}`, "g"), body), 1);
  if (lit !== null) return { raw: lit, source: "setup.py setup(version=...)", from: "setup.py" };
  const name = firstInCode(/\bversion\s*=\s*([A-Za-z_]\w*)\s*[,)\n]/g, body + "\n")?.[1];
  if (name) {
    const value = literal(new RegExp(String.raw`^${name}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (value !== null) return { raw: value, source: `setup.py setup(version=${name})`, from: "setup.py" };
  }
  return null;
}

/** Version in a generated ppdet/version.py: `full_version = '...'`, else `__version__` / `version`; plus `commit = '...'`. */
export function versionFromVersionPy(text: string): FoundVersion | null {
  for (const key of ["full_version", "__version__", "version"]) {
    const raw = literal(new RegExp(String.raw`^${key}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (raw !== null) {
      const commit = literal(new RegExp(String.raw`^(?:commit|git_commit)\s*=\s*${STRING}`, "m").exec(text), 1);
      const found: FoundVersion = { raw, source: "ppdet/version.py", from: "ppdet/version.py" };
      if (commit && !/^(unknown|none|)$/i.test(commit.trim())) found.commit = commit.trim();
      return found;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Sibling toolkits' versions (static reads, like setup.py above).

/** The body of a `[name]` table in TOML text (up to the next table header), or null. */
export function tomlTable(text: string, name: string): string | null {
  const lines = text.split(/\r?\n/);
  const header = new RegExp(String.raw`^\s*\[\s*${name.replace(/\./g, String.raw`\s*\.\s*`)}\s*\]\s*(#.*)?$`);
  const at = lines.findIndex((l) => header.test(l));
  if (at < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\s*\[/.test(line)) break;
    body.push(line);
  }
  return body.join("\n");
}

export interface PyprojectVersion {
  /** A literal `[project] version = "..."`. */
  literal: string | null;
  /** `[tool.setuptools.dynamic] version = {file = "..."}`. */
  file: string | null;
  /** `version` is dynamic and `[tool.setuptools_scm]` is configured: it comes from git tags at build time. */
  scm: boolean;
}

/** What a pyproject.toml says about the project's version. */
export function versionFromPyproject(text: string): PyprojectVersion {
  const project = tomlTable(text, "project") ?? "";
  const literal = literal_(/^\s*version\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/m.exec(project));
  const dynamicTable = tomlTable(text, "tool.setuptools.dynamic") ?? "";
  const fileMatch = /^\s*version\s*=\s*\{[^}]*\bfile\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/m.exec(dynamicTable);
  const file = fileMatch ? fileMatch[1] ?? fileMatch[2] ?? null : null;
  const dynamic = /^\s*dynamic\s*=\s*\[[^\]]*["']version["']/m.test(project);
  const scm = literal === null && dynamic && tomlTable(text, "tool.setuptools_scm") !== null;
  return { literal, file, scm };
}

function literal_(m: RegExpExecArray | null): string | null {
  return m ? m[1] ?? m[2] ?? null : null;
}

/** `NAME = "..."` at the start of a line, for the first name that has one. */
export function assignedVersion(text: string, names: readonly string[]): { name: string; raw: string } | null {
  for (const name of names) {
    const raw = literal(new RegExp(String.raw`^${name}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (raw !== null) return { name, raw };
  }
  return null;
}

/** First non-empty, non-comment line of a version.txt. */
export function versionFromText(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && !t.startsWith("#")) return t;
  }
  return null;
}

/** A Paddle requirement a checkout states: `paddlepaddle-gpu==2.4.2`, `paddlepaddle>=2.4.0`. */
export interface PaddlePin {
  /** The requirement as written, e.g. `paddlepaddle-gpu==2.4.2`. */
  requirement: string;
  /** The version it names: the pinned one, or the lower bound of a range. */
  raw: string;
  bound: "exact" | "lower-bound";
}

// A paddlepaddle distribution name, then `==`/`===` (exact) or `>=`/`~=` (a
// lower bound); extras, other clauses and markers after it are ignored.
const PADDLE_REQUIREMENT = /(?<![\w.-])(paddlepaddle(?:[-_][a-z0-9_]+)?)(?:\[[^\]]*\])?\s*(===|==|>=|~=)\s*([0-9][0-9A-Za-z.+!-]*)/i;

/** The first Paddle requirement in one requirement line or string, or null. */
export function paddlePinIn(requirement: string): PaddlePin | null {
  const m = PADDLE_REQUIREMENT.exec(requirement);
  if (!m) return null;
  const raw = m[3].replace(/\.$/, "");
  return { requirement: m[0].replace(/\s+/g, ""), raw, bound: m[2] === "==" || m[2] === "===" ? "exact" : "lower-bound" };
}

/** requirements*.txt: the first non-comment line that names a Paddle requirement. */
export function paddlePinFromRequirements(text: string): PaddlePin | null {
  for (const line of text.split(/\r?\n/)) {
    const code = line.replace(/(^|\s)#.*$/, "").trim();
    if (!code || code.startsWith("-")) continue;
    const pin = paddlePinIn(code);
    if (pin) return pin;
  }
  return null;
}

/** setup.py or pyproject.toml: the first string literal (outside comments) that names a Paddle requirement. */
export function paddlePinFromStrings(text: string): PaddlePin | null {
  const masked = maskPython(text);
  for (const m of text.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)) {
    // A quote inside a comment is blanked in the masked text: skip it.
    if (masked[m.index] !== m[0][0]) continue;
    const pin = paddlePinIn(m[1] ?? m[2] ?? "");
    if (pin) return pin;
  }
  return null;
}
