// The project formatter's line layout for a file, read from the config the
// formatter itself would read: the nearest folder, from the file's own up to
// the project root (a folder holding .git) or the filesystem root, that
// holds one of them. In one folder a formatter's config wins over a linter's:
//   yapf   .style.yapf [style], setup.cfg [yapf], pyproject [tool.yapf]
//   black  pyproject [tool.black]
//   ruff   ruff.toml, .ruff.toml, pyproject [tool.ruff]
//   flake8 / pycodestyle (a limit only)  setup.cfg, tox.ini, .flake8
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseIni } from "ini";
import { parse as parseToml } from "smol-toml";
import type { LineStyle } from "../model.js";

type Section = Record<string, unknown>;

/** yapf's column limit for each base style (pep8 keeps PEP 8's 79). */
const YAPF_BASE_LIMITS: Record<string, number> = { pep8: 79, google: 80 };

/** A yapf [style] section; null for a base style whose layout we do not follow (facebook closes brackets on their own line). */
export function yapfStyle(section: Section, source: string): LineStyle | null {
  const get = (key: string) => section[key] ?? section[key.replace(/_/g, "-")];
  const base = String(get("based_on_style") ?? "pep8").toLowerCase();
  if (!(base in YAPF_BASE_LIMITS)) return null;
  if (truthy(get("dedent_closing_brackets")) || truthy(get("coalesce_brackets")) || truthy(get("split_all_comma_separated_values"))) return null;
  return {
    formatter: "yapf",
    columnLimit: integer(get("column_limit")) ?? YAPF_BASE_LIMITS[base],
    continuationIndent: integer(get("continuation_indent_width")) ?? 4,
    targetVersions: null,
    stringQuote: null,
    source,
  };
}

export function blackStyle(section: Section, source: string): LineStyle {
  const targets = section["target-version"] ?? section["target_version"];
  return {
    formatter: "black",
    columnLimit: integer(section["line-length"] ?? section["line_length"]) ?? 88,
    continuationIndent: 4,
    targetVersions: Array.isArray(targets) ? targets.map(String) : null,
    stringQuote: truthy(section["skip-string-normalization"] ?? section["skip_string_normalization"]) ? null : '"',
    source,
  };
}

export function ruffStyle(section: Section, source: string): LineStyle {
  const format = (section.format ?? {}) as Section;
  const quote = String(format["quote-style"] ?? "double");
  return {
    formatter: "ruff",
    columnLimit: integer(section["line-length"] ?? section["line_length"]) ?? 88,
    continuationIndent: 4,
    targetVersions: null,
    stringQuote: quote === "single" ? "'" : quote === "double" ? '"' : null,
    source,
  };
}

export function lintStyle(section: Section, source: string): LineStyle | null {
  const limit = integer(section["max-line-length"] ?? section["max_line_length"]);
  return limit === null ? null : { formatter: "pycodestyle", columnLimit: limit, continuationIndent: 4, targetVersions: null, stringQuote: null, source };
}

/**
 * The style one folder's config files give (null inside: a formatter whose
 * layout we do not follow), or null when none is there. Files are read
 * through `read`, which answers null for a missing one.
 */
export function folderLineStyle(folder: string, read: (file: string) => string | null): { style: LineStyle | null } | null {
  const style = folderConfig(folder, read);
  return style === undefined ? null : { style };
}

function folderConfig(folder: string, read: (file: string) => string | null): LineStyle | null | undefined {
  const at = (name: string) => path.join(folder, name);
  const ini = (name: string): Record<string, Section> | null => {
    const text = read(at(name));
    return text === null ? null : (parseIni(text) as Record<string, Section>);
  };
  const toml = (name: string): Section | null => {
    const text = read(at(name));
    if (text === null) return null;
    try {
      return parseToml(text) as Section;
    } catch {
      return null;
    }
  };
  const styleYapf = ini(".style.yapf");
  if (styleYapf?.style) return yapfStyle(styleYapf.style, at(".style.yapf"));
  const setupCfg = ini("setup.cfg");
  if (setupCfg?.yapf) return yapfStyle(setupCfg.yapf, at("setup.cfg"));
  const pyproject = toml("pyproject.toml");
  const tool = (pyproject?.tool ?? {}) as Record<string, Section>;
  if (tool.yapf) return yapfStyle(tool.yapf, at("pyproject.toml"));
  if (tool.black) return blackStyle(tool.black, at("pyproject.toml"));
  for (const name of ["ruff.toml", ".ruff.toml"]) {
    const ruff = toml(name);
    if (ruff) return ruffStyle(ruff, at(name));
  }
  if (tool.ruff) return ruffStyle(tool.ruff, at("pyproject.toml"));
  for (const [name, sections] of [["setup.cfg", setupCfg], ["tox.ini", ini("tox.ini")], [".flake8", ini(".flake8")]] as const) {
    for (const key of ["flake8", "pycodestyle"]) {
      const section = sections?.[key];
      const style = section ? lintStyle(section, at(name)) : null;
      if (style) return style;
    }
  }
  return undefined;
}

/** Finds and caches the style of each folder, walking up from a file. */
export class LineStyles {
  private readonly folders = new Map<string, LineStyle | null>();

  constructor(private readonly read: (file: string) => string | null = readIfFile) {}

  forFile(file: string): LineStyle | null {
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  private forFolder(folder: string): LineStyle | null {
    const cached = this.folders.get(folder);
    if (cached !== undefined) return cached;
    const found = folderLineStyle(folder, this.read);
    const parent = path.dirname(folder);
    let style = found ? found.style : null;
    if (!found && parent !== folder && !existsSync(path.join(folder, ".git"))) style = this.forFolder(parent);
    this.folders.set(folder, style);
    return style;
  }
}

function readIfFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function integer(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === "string" && /^(true|yes|on|1)$/i.test(value.trim()));
}
