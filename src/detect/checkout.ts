/**
 * What kind of tree the root is, and which PaddleDetection release it holds.
 * Static reads only: setup.py and ppdet/version.py are read as text, never
 * executed, and nothing under the checkout is imported.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { canonicalName, type RawDist } from "./metadata.js";
import { normalizePaddleVersion } from "./versions.js";
import type { CheckoutKind, PaddleDetectionInfo } from "./types.js";

export const DEVELOP_LABEL = "develop or a branch cut after early 2023 (2.6.1, 2.7.x)";

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

async function readText(p: string, limit = 1024 * 1024): Promise<string | null> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile() || st.size > limit) return null;
    return await fs.readFile(p, "utf8");
  } catch {
    return null;
  }
}

export interface CheckoutLayout {
  kind: PaddleDetectionInfo["kind"];
  /** Directory holding the toolkit's package (ppdet/, ppocr/, paddleseg/, ppcls/); null for "none". */
  base: string | null;
  /** Whether base has a setup.py. */
  hasSetup: boolean;
}

type ToolkitKind = Exclude<CheckoutKind, "none">;

/** What marks each toolkit's tree, and the distribution it installs as. */
export const TOOLKITS: Readonly<Record<ToolkitKind, { name: string; pkg: string; dist: string }>> = {
  paddledetection: { name: "PaddleDetection", pkg: "ppdet", dist: "paddledet" },
  rtdetr: { name: "RT-DETR", pkg: "ppdet", dist: "paddledet" },
  paddleocr: { name: "PaddleOCR", pkg: "ppocr", dist: "paddleocr" },
  paddleseg: { name: "PaddleSeg", pkg: "paddleseg", dist: "paddleseg" },
  paddleclas: { name: "PaddleClas", pkg: "ppcls", dist: "paddleclas" },
};

/** Sibling toolkits, in the order a tree is tested for them (after ppdet/). */
const SIBLINGS: readonly ToolkitKind[] = ["paddleocr", "paddleseg", "paddleclas"];
const PACKAGES = new Set(Object.values(TOOLKITS).map((t) => t.pkg));

export function toolkitName(kind: CheckoutKind): string | null {
  return kind === "none" ? null : TOOLKITS[kind].name;
}

async function layoutOf(dir: string): Promise<CheckoutLayout | null> {
  if (await isDir(path.join(dir, "ppdet"))) {
    const hasSetup = await isFile(path.join(dir, "setup.py"));
    const looksRtdetr = /rt-?detr/i.test(path.basename(dir)) || (await isDir(path.join(dir, "configs", "rtdetr")));
    return { kind: !hasSetup && looksRtdetr ? "rtdetr" : "paddledetection", base: dir, hasSetup };
  }
  for (const kind of SIBLINGS) {
    if (await isDir(path.join(dir, TOOLKITS[kind].pkg))) {
      return { kind, base: dir, hasSetup: await isFile(path.join(dir, "setup.py")) };
    }
  }
  let names: string[] = [];
  try {
    names = (await fs.readdir(dir)).filter((n) => /^rt-?detr.*paddle/i.test(n)).sort();
  } catch {
    return null;
  }
  for (const n of names) {
    const child = path.join(dir, n);
    if (await isDir(path.join(child, "ppdet"))) {
      return { kind: "rtdetr", base: child, hasSetup: await isFile(path.join(child, "setup.py")) };
    }
  }
  return null;
}

/**
 * The checkout's layout: PaddleDetection (ppdet/ at root), a standalone
 * RT-DETR tree vendoring ppdet (root/rtdetr_paddle/ppdet/, or root is such a
 * tree), PaddleOCR (ppocr/), PaddleSeg (paddleseg/), PaddleClas (ppcls/), or
 * none. A root inside a toolkit's package (e.g. ppdet/engine, ppocr/utils) is
 * taken to mean the checkout around it.
 */
export async function findCheckout(root: string): Promise<CheckoutLayout> {
  const abs = path.resolve(root);
  const direct = await layoutOf(abs);
  if (direct) return direct;
  const parts = abs.split(path.sep);
  for (let at = parts.length - 1; at > 0; at--) {
    if (!PACKAGES.has(parts[at]!)) continue;
    const around = await layoutOf(parts.slice(0, at).join(path.sep) || path.sep);
    if (around) return around;
  }
  return { kind: "none", base: null, hasSetup: false };
}

interface FoundVersion {
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

function isRealVersion(raw: string): boolean {
  const n = normalizePaddleVersion(raw);
  return n !== null && !n.develop;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => path.resolve(a)), fs.realpath(b).catch(() => path.resolve(b))]);
  return ra === rb;
}

interface InstalledRelation {
  dist: RawDist;
  fromCheckout: boolean;
  editable: boolean;
  /** Where it was installed from, when direct_url.json says. */
  origin: string | null;
}

async function relate(dist: RawDist, base: string): Promise<InstalledRelation> {
  let origin: string | null = null;
  let editable = false;
  if (dist.directUrl) {
    try {
      const data = JSON.parse(dist.directUrl) as { url?: unknown; dir_info?: { editable?: unknown } };
      if (typeof data.url === "string") {
        origin = data.url.startsWith("file:") ? fileURLToPath(data.url) : data.url;
        editable = data.dir_info?.editable === true;
      }
    } catch {
      /* unreadable direct_url.json: judge by location */
    }
  }
  if (origin !== null && path.isAbsolute(origin) && (await samePath(origin, base))) {
    return { dist, fromCheckout: true, editable, origin };
  }
  if (dist.location && (await samePath(dist.location, base))) return { dist, fromCheckout: true, editable: true, origin };
  return { dist, fromCheckout: false, editable, origin };
}

function finish(kind: PaddleDetectionInfo["kind"], base: string | null, found: FoundVersion | null, labelPrefix = ""): PaddleDetectionInfo {
  const toolkit = toolkitName(kind);
  if (found === null) {
    return { version: null, raw: null, source: "none", kind, label: `${labelPrefix}unknown`, base, toolkit };
  }
  const n = normalizePaddleVersion(found.raw);
  if (n === null) {
    return { version: null, raw: found.raw, source: found.source, kind, label: `${labelPrefix}unknown (${found.from} says ${JSON.stringify(found.raw)})`, base, toolkit };
  }
  if (n.develop) {
    // 0.0.0 means something precise only for PaddleDetection's setup.py.
    const develop = kind === "paddledetection" || kind === "rtdetr" ? DEVELOP_LABEL : "develop";
    return { version: null, raw: found.raw, source: found.source, kind, label: `${labelPrefix}${develop} (${found.from} says ${found.raw})`, base, toolkit };
  }
  const commit = found.commit ? ` (commit ${found.commit.slice(0, 10)})` : "";
  // Sibling toolkits use four-part versions (PaddleOCR 2.7.0.3): show them as written.
  const shown = kind === "paddledetection" || kind === "rtdetr" ? n.version : found.raw.trim();
  return { version: n.version, raw: found.raw, source: found.source, kind, label: `${labelPrefix}${shown}${commit}`, base, toolkit };
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

interface SiblingVersion {
  found: FoundVersion | null;
  /** Why nothing was found, when the tree says why (setuptools_scm). */
  note: string | null;
}

async function siblingVersion(kind: "paddleocr" | "paddleseg" | "paddleclas", base: string, hasSetup: boolean): Promise<SiblingVersion> {
  const candidates: FoundVersion[] = [];
  const pyprojectText = await readText(path.join(base, "pyproject.toml"));
  const pyproject = pyprojectText !== null ? versionFromPyproject(pyprojectText) : null;

  const fromFile = async (rel: string, source = rel): Promise<FoundVersion | null> => {
    const text = await readText(path.join(base, ...rel.split("/")), 4096);
    const raw = text !== null ? versionFromText(text) : null;
    return raw !== null ? { raw, source, from: rel } : null;
  };
  const fromAssignment = async (rel: string, names: readonly string[]): Promise<FoundVersion | null> => {
    const text = await readText(path.join(base, ...rel.split("/")));
    const hit = text !== null ? assignedVersion(text, names) : null;
    return hit ? { raw: hit.raw, source: `${rel} ${hit.name}`, from: rel } : null;
  };
  const push = (v: FoundVersion | null) => {
    if (v) candidates.push(v);
  };

  if (kind === "paddleclas") push(await fromFile("version.txt"));
  if (kind === "paddleseg") push(await fromAssignment("paddleseg/__init__.py", ["__version__"]));
  if (pyproject?.literal) push({ raw: pyproject.literal, source: "pyproject.toml version", from: "pyproject.toml" });
  if (pyproject?.file && !/(^|\/)\.\.(\/|$)/.test(pyproject.file) && !path.isAbsolute(pyproject.file)) {
    push(await fromFile(pyproject.file, `${pyproject.file} (pyproject.toml)`));
  }
  if (kind === "paddleocr") {
    push(await fromAssignment("paddleocr.py", ["VERSION", "__version__"]));
    push(await fromAssignment("paddleocr/__init__.py", ["VERSION", "__version__"]));
  }
  if (hasSetup) {
    const setupText = await readText(path.join(base, "setup.py"));
    const v = setupText !== null ? versionFromSetupPy(setupText) : null;
    if (v) push(v);
  }
  // A real version wins over develop/0.0.0 placeholders found earlier.
  const found = candidates.find((c) => isRealVersion(c.raw)) ?? candidates[0] ?? null;
  const note =
    found === null && pyproject?.scm
      ? "version comes from git tags at build time (setuptools_scm), not from the tree"
      : null;
  return { found, note };
}

/**
 * Toolkit kind and version for the checkout at root (PaddleDetection, RT-DETR,
 * PaddleOCR, PaddleSeg or PaddleClas). `installed` are the distributions the
 * interpreter reported (null when none was asked); an installed distribution
 * of the same toolkit is used for the version only when it was installed
 * from this checkout and nothing in the checkout names a version, and draws
 * a warning when it comes from elsewhere or is a stale-prone copy.
 */
export async function detectPaddleDetection(
  root: string,
  installed: RawDist[] | null,
): Promise<{ info: PaddleDetectionInfo; warnings: string[] }> {
  const warnings: string[] = [];
  const layout = await findCheckout(root);
  if (layout.kind === "none" || layout.base === null) {
    return {
      info: { version: null, raw: null, source: "none", kind: "none", label: "not a PaddleDetection checkout", base: null, toolkit: null },
      warnings: [
        `${path.resolve(root)} does not look like a PaddleDetection checkout or a sibling toolkit's (no ppdet/, ppocr/, paddleseg/ or ppcls/ folder); scanning it anyway.`,
      ],
    };
  }
  const base = layout.base;
  const kind = layout.kind;
  const distName = TOOLKITS[kind].dist;

  let found: FoundVersion | null = null;
  let note: string | null = null;
  if (kind === "paddledetection" || kind === "rtdetr") {
    const versionPyText = await readText(path.join(base, "ppdet", "version.py"));
    const setupText = layout.hasSetup ? await readText(path.join(base, "setup.py")) : null;
    const fromVersionPy = versionPyText !== null ? versionFromVersionPy(versionPyText) : null;
    const fromSetup = setupText !== null ? versionFromSetupPy(setupText) : null;
    if (fromVersionPy && isRealVersion(fromVersionPy.raw)) {
      found = fromVersionPy;
      if (fromSetup && isRealVersion(fromSetup.raw) && normalizePaddleVersion(fromSetup.raw)!.version !== normalizePaddleVersion(fromVersionPy.raw)!.version) {
        warnings.push(
          `ppdet/version.py says ${fromVersionPy.raw} but setup.py says ${fromSetup.raw}; version.py is generated at install time and may be stale. Using ${fromVersionPy.raw}.`,
        );
      }
    } else {
      found = fromSetup ?? fromVersionPy;
    }
  } else {
    ({ found, note } = await siblingVersion(kind, base, layout.hasSetup));
  }

  const mine = await Promise.all((installed ?? []).filter((d) => canonicalName(d.name) === distName).map((d) => relate(d, base)));
  const fromHere = mine.find((r) => r.fromCheckout);
  if (found === null && fromHere) {
    found = { raw: fromHere.dist.version, source: `installed ${distName}`, from: `installed ${distName}` };
  }
  const pkg = TOOLKITS[kind].pkg;
  for (const r of mine) {
    const name = `${canonicalName(r.dist.name)} ${r.dist.version}`;
    const where = r.dist.location ?? "an unknown location";
    if (!r.fromCheckout) {
      const from = r.origin ? ` from ${r.origin}` : "";
      warnings.push(
        `${name} is also installed in ${where}${from}, not from this checkout; code that imports ${pkg} outside the checkout gets that copy, which this run does not change.`,
      );
    } else if (!r.editable) {
      warnings.push(
        `${name} was installed from this checkout as a copy (not editable) into ${where}; reinstall it after patching if you import ${pkg} from outside the checkout.`,
      );
    }
  }

  if (kind === "rtdetr") {
    const info = finish("rtdetr", base, found);
    const tree = path.basename(base);
    info.label = found ? `RT-DETR tree ${tree}/ (vendored ppdet ${info.label})` : `RT-DETR tree ${tree}/ (vendored ppdet, no PaddleDetection version)`;
    return { info, warnings };
  }
  const info = finish(kind, base, found);
  if (found === null && note) info.label = `unknown (${note})`;
  return { info, warnings };
}
