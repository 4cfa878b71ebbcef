// The shared vocabulary at the bottom of the flow: what the analysis says of
// each call site, what a run says of each file, and the edit shapes. Every
// stage above imports its words from here; this file imports nothing but the
// detector's environment type, which the report carries as is, and holds no
// logic beyond the list of reason codes.
import type { Environment } from "./detect/types.js";

// ------------------------------------------------------------------- sites

/** How a call site reaches the export: the reason it is (or is not) fixed by default. */
export type SiteClass = "required" | "export" | "other";

/** A call `to_static(...)` or a decorator `@to_static` / `@to_static(...)`. */
export type SiteForm = "call" | "decorator";

/** `guarded` passes the keyword through the guard; `plain` writes it bare, like upstream. */
export type FixStyle = "guarded" | "plain";

export type SiteAction = "fixed" | "would-fix" | "already-fixed" | "skipped" | "needs-review";

/**
 * Why a site got its class and action, as a stable code beside the words
 * (like a lint rule's message id): code that needs to know compares these,
 * never the reason text. README's "Reason codes" table documents each one.
 */
export const SITE_CODES = [
  "required/reads-program",
  "required/decorated-reads-program",
  "export/passed-to-save",
  "export/saved",
  "export/holder-saved",
  "export/decorated-saved",
  "export/in-export-function",
  "export/in-export-script",
  "other/training-helper",
  "other/not-on-export-path",
  "already-fixed/guard",
  "already-fixed/upstream-unguarded",
  "needs-review/full-graph-value",
  "needs-review/forwards-kwargs",
  "needs-review/generator-argument",
  "traceback/traced",
] as const;

export type SiteCode = (typeof SITE_CODES)[number];

export interface SiteReport {
  line: number;
  column: number;
  form: SiteForm;
  callee: string;
  class: SiteClass;
  action: SiteAction;
  /** Stable id of the reason (see SITE_CODES). */
  code: SiteCode;
  reason: string;
}

// ------------------------------------------------------------------- edits

/**
 * The one edit shape, for fixing and reverting alike: replace [start, end)
 * with `text`. An insertion has start === end, a removal an empty text.
 * Offsets are UTF-16 code units into the text the edit was planned on.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Whether a site's fix is applied, as ruff decides: `safe` by default
 * (required and export sites), `unsafe` only when asked (`--all`: sites off
 * the export path), `display-only` never (needs-review: shown for a person).
 */
export type Applicability = "safe" | "unsafe" | "display-only";

/** Edits a fix asks for that several sites share, built once for all of them. */
export type SharedEdit = "guard-block";

/** What one site needs: its own edits, the shared edits it relies on, and when it may be applied. */
export interface Fix {
  edits: Edit[];
  shared: SharedEdit[];
  applicability: Applicability;
}

// ------------------------------------------------------------------ a run

export type Mode = "write" | "check" | "dry-run";

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

export interface RevertCounts {
  guardBlocks: number;
  keywords: number;
  /** Keywords not in a form this tool writes (removed with a comma; spacing may differ). */
  irregular: number;
}

export interface FileReport {
  path: string;
  status: FileStatus;
  reason?: string;
  sites: SiteReport[];
  /** Unified diff of the change (dry-run only). */
  diff?: string;
  /** With --revert: what was (or would be) removed. */
  revert?: RevertCounts;
}

export interface Summary {
  files: number;
  changed: number;
  fixed: number;
  alreadyFixed: number;
  skipped: number;
  needsReview: number;
  errors: number;
  skippedFiles: number;
}

export interface Interruption {
  /** The abort reason: the signal's name when the CLI aborted, else a message. */
  signal: string;
  /** Files that were never started (not counted in summary.files). */
  notStarted: number;
}

export interface Report {
  version: 1;
  mode: Mode;
  /** Present (true) for a --revert run. */
  revert?: boolean;
  /** What detectEnvironment found, when the caller ran it. */
  environment?: Environment | null;
  files: FileReport[];
  summary: Summary;
  /** Set when the run was aborted before every file was handled. */
  interrupted?: Interruption;
}
