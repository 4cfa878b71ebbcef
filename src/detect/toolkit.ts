/**
 * Which toolkit the checkout at root is and which release it holds: its layout
 * and version files, weighed against the installed distribution of the same
 * toolkit. Nothing under the checkout is executed or imported.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCheckout, TOOLKITS, toolkitName } from "./layout.js";
import { canonicalName, type RawDist } from "./metadata.js";
import { normalizePaddleVersion } from "./versions.js";
import {
  assignedVersion,
  versionFromPyproject,
  versionFromSetupPy,
  versionFromText,
  versionFromVersionPy,
  type FoundVersion,
} from "./version-files.js";
import type { ToolkitInfo } from "../model.js";

export const DEVELOP_LABEL = "develop or a branch cut after early 2023 (2.6.1, 2.7.x)";

async function readText(p: string, limit = 1024 * 1024): Promise<string | null> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile() || st.size > limit) return null;
    return await fs.readFile(p, "utf8");
  } catch {
    return null;
  }
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

function finish(kind: ToolkitInfo["kind"], base: string | null, found: FoundVersion | null, labelPrefix = ""): ToolkitInfo {
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

/**
 * The name of a project derived from PaddleDetection whose tree is laid out
 * like it (PaddleYOLO keeps its ppdet/ and setup.py, version included): what
 * its README says it is ("**PaddleYOLO** is ... based on PaddleDetection"),
 * else the repository its git remote names, when that is not PaddleDetection.
 */
export async function derivedName(base: string): Promise<string | null> {
  for (const readme of ["README.md", "README_en.md", "README_cn.md"]) {
    const text = await readText(path.join(base, readme), 256 * 1024);
    const name = text === null ? null : nameFromReadme(text);
    if (name) return name;
  }
  const config = await readText(path.join(base, ".git", "config"), 64 * 1024);
  return config === null ? null : nameFromGitConfig(config);
}

const NOT_DERIVED = /^paddle-?detection$/i;

export function nameFromReadme(text: string): string | null {
  const m = /\*\*([A-Za-z][\w.-]{1,40})\*\*\s*(?:is\b|是)[^\n]{0,120}?(?:based on|基于)\s*\[?PaddleDetection\b/.exec(text.slice(0, 16 * 1024));
  return m && !NOT_DERIVED.test(m[1]) ? m[1] : null;
}

export function nameFromGitConfig(text: string): string | null {
  const origin = /\[remote "origin"\]([^[]*)/.exec(text)?.[1] ?? "";
  const url = /^\s*url\s*=\s*(\S+)/m.exec(origin)?.[1];
  const name = url ? /([^/:]+?)(?:\.git)?\/?$/.exec(url)?.[1] : null;
  return name && !NOT_DERIVED.test(name) ? name : null;
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
export async function detectToolkit(
  root: string,
  installed: RawDist[] | null,
): Promise<{ info: ToolkitInfo; warnings: string[] }> {
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
  if (kind === "paddledetection" && !layout.vendoredIn) {
    const fork = await derivedName(base);
    if (fork) Object.assign(info, { toolkit: fork, derivedFrom: "PaddleDetection" });
  }
  if (layout.vendoredIn) info.label = `vendored in ${layout.vendoredIn}/${pkg}, ${found ? info.label : "no version of its own"}`;
  return { info, warnings };
}
