// The shared vocabulary at the bottom of the flow: what the analysis says of
// each call site, the edit shapes, what a run says of each file and of the
// environment it ran in, and the one error type that is the user's to fix.
// Every stage above imports its words from here; this file imports nothing
// and holds no logic beyond the list of reason codes.

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
  "required/in-place-reads-program",
  "required/returned-reads-program",
  "export/passed-to-save",
  "export/saved",
  "export/holder-saved",
  "export/decorated-saved",
  "export/in-place-saved",
  "export/instance-saved",
  "export/returned-saved",
  "export/in-export-function",
  "export/in-export-script",
  "other/training-helper",
  "other/not-on-export-path",
  "already-fixed/guard",
  "already-fixed/upstream-unguarded",
  "upstream/bare-keyword-rejected",
  "needs-review/full-graph-value",
  "needs-review/full-graph-false-read",
  "required/full-graph-false-overridden",
  "needs-review/forwards-kwargs",
  "needs-review/generator-argument",
  "traceback/traced",
] as const;

export type SiteCode = (typeof SITE_CODES)[number];

/** Sites left for a person that still make `--check` and `doctor` fail: the export will raise as written. */
export const PENDING_REVIEW_CODES: ReadonlySet<SiteCode> = new Set<SiteCode>(["needs-review/full-graph-false-read"]);

export interface SiteReport {
  line: number;
  column: number;
  form: SiteForm;
  callee: string;
  /** The function (and class) it sits in, e.g. `Trainer.export`; absent at module level. */
  scope?: string;
  class: SiteClass;
  action: SiteAction;
  /** Stable id of the reason (see SITE_CODES). */
  code: SiteCode;
  reason: string;
  /**
   * Write mode, in a file that was written: where the call is in the file as
   * written (line and column above stay the original's). Absent otherwise.
   */
  written?: { line: number; column: number };
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


/**
 * The line layout a project's formatter enforces, read from its config
 * (`.style.yapf`, `pyproject.toml`, `setup.cfg`, ...). A keyword that would
 * push a line past `columnLimit` goes where that formatter would put it.
 * `pycodestyle` stands for a linter's limit alone (flake8, pycodestyle): the
 * keyword then moves to a line of its own, touching as little as it can.
 */
export interface LineStyle {
  formatter: "yapf" | "black" | "ruff" | "pycodestyle";
  /** The longest line allowed, in characters. */
  columnLimit: number;
  /** Indent of a hanging continuation line (yapf's continuation_indent_width; 4 elsewhere). */
  continuationIndent: number;
  /**
   * black: the Python versions it targets, when the config names them
   * (`target-version`); they decide whether a trailing comma may follow
   * `**kwargs` in an exploded call. null: black infers them from the file.
   */
  targetVersions: string[] | null;
  /**
   * The quote the formatter turns string literals into (black and ruff:
   * double unless told otherwise); null: it keeps the file's own, which the
   * guard block then follows.
   */
  stringQuote: '"' | "'" | null;
  /** The config file it came from. */
  source: string;
}
// ------------------------------------------------------------ environment

export interface PaddleDistribution {
  distribution: string;
  raw: string;
  version: string;
}

export interface PaddleInfo {
  /** Normalised semver: "2.6.2", "3.0.0-beta.2", "3.3.0-dev.20251118"; develop stays "0.0.0". */
  version: string;
  /** As found: the pip metadata string or the flag value. */
  raw: string;
  /** "paddlepaddle", "paddlepaddle-gpu", ... (null when given by flag). */
  distribution: string | null;
  /** Interpreter path used (null when given by flag). */
  python: string | null;
  /**
   * Where it was found: the flag, the installed metadata, or (when neither
   * gives one) what the checkout pins in its requirements.
   */
  source: "flag" | "importlib" | "site-packages" | "checkout";
  /** True for 0.0.0: develop/untagged builds, treated as the NEWEST release. */
  develop: boolean;
  /** Further paddle distributions installed in the same interpreter. */
  others: PaddleDistribution[];
  /** With source "checkout": the requirement it came from, and whether it is an exact pin or a range's lower bound. */
  pin?: { file: string; requirement: string; bound: "exact" | "lower-bound" };
}

/**
 * The checkout's toolkit (PaddleDetection, RT-DETR, PaddleOCR, PaddleSeg or
 * PaddleClas). The environment keeps it under `paddledetection` (the JSON key
 * the report has always used).
 */
export interface ToolkitInfo {
  /** Normalised, or null when unknown / 0.0.0. */
  version: string | null;
  /** As found, e.g. "2.4.0", "0.0.0". */
  raw: string | null;
  /** Where the version came from, e.g. "setup.py PPDET_VERSION", "ppdet/version.py", "installed paddledet". */
  source: string;
  /**
   * Which toolkit the tree is: PaddleDetection, a standalone RT-DETR tree
   * vendoring ppdet, or a sibling toolkit (PaddleOCR, PaddleSeg, PaddleClas).
   */
  kind: CheckoutKind;
  /** Human-readable: "2.4.0", "develop or a branch cut after early 2023 (...)", "unknown". */
  label: string;
  /** Directory that holds the toolkit's package (ppdet/, ppocr/, paddleseg/, ppcls/); null for kind "none". */
  base?: string | null;
  /** Display name of the toolkit ("PaddleDetection", "RT-DETR", "PaddleOCR", ...); null for kind "none". */
  toolkit?: string | null;
  /**
   * Set for a project derived from a toolkit (a fork under a name of its
   * own, such as PaddleYOLO): the toolkit it came from. Its version is then
   * the number it kept from that toolkit, not that release's code.
   */
  derivedFrom?: string | null;
}

export type CheckoutKind = "paddledetection" | "rtdetr" | "paddleocr" | "paddleseg" | "paddleclas" | "none";

export interface Verdict {
  code: "affected" | "not-affected" | "unknown";
  message: string;
}

/** The interpreter that was asked (extra field: useful for the header and JSON output). */
export interface InterpreterInfo {
  /** Path that was run (as found: flag, $VIRTUAL_ENV/bin/python, PATH entry). */
  path: string;
  origin: "flag" | "VIRTUAL_ENV" | "CONDA_PREFIX" | "PATH";
  /** sys.executable as reported by the interpreter, when the query answered. */
  executable: string | null;
  /** Python version as reported, when the query answered. */
  pythonVersion: string | null;
  /** Whether the query answered ("importlib"), answered without importlib.metadata or failed ("site-packages"), or nothing could be read. */
  read: "importlib" | "site-packages" | "failed";
}

/**
 * VIRTUAL_ENV or CONDA_PREFIX naming an environment that is not there: the
 * folder is gone (a deleted or moved virtualenv still "active" in the shell),
 * is not a folder, or holds no usable python. Detection passes over it.
 */
export interface StaleVariable {
  name: "VIRTUAL_ENV" | "CONDA_PREFIX";
  value: string;
  problem: "missing" | "not-a-folder" | "no-python";
  /** The interpreters looked for in it. */
  looked: string[];
}

/** A toolkit distribution installed in the interpreter (`--installed`), and the folders that hold its code. */
export interface InstalledDistribution {
  name: string;
  version: string;
  /** The folder its files are relative to (site-packages, or the clone of an editable install). */
  location: string;
  /** Its .dist-info / .egg-info folder. */
  metadata: string | null;
  /** What is fixed: its package folders, or the clone an editable install points at. Empty when none was found. */
  folders: string[];
  /** How the folders were found: RECORD, top_level.txt, the toolkit's known package folder, an editable install, or not at all. */
  from: "RECORD" | "top_level.txt" | "known" | "editable" | "none";
  /** The clone, for an editable install (`pip install -e`, `setup.py develop`). */
  editable: string | null;
  /** Its RECORD file, whose hashes a write makes stale (null for an editable install or none). */
  record: string | null;
  /** After a write run (fix or revert): its Python files, as RECORD names them, whose bytes differ from RECORD's hash. */
  recordMismatches?: string[];
}

/** The toolkits installed in one interpreter: what `--installed` fixes. */
export interface InstalledToolkits {
  /** The interpreter asked. */
  python: string;
  /** sys.executable, when it answered. */
  executable: string | null;
  /** The site folders it searched. */
  sitePackages: string[];
  distributions: InstalledDistribution[];
}

export interface Environment {
  paddle: PaddleInfo | null;
  paddledetection: ToolkitInfo | null;
  verdict: Verdict;
  /** One line each; a stale variable's warning is among them (and its details in `staleVariables`). */
  warnings: string[];
  /** Extra: the interpreter that was queried, or null when none was (flag only, or none found). */
  interpreter?: InterpreterInfo | null;
  /** Extra: VIRTUAL_ENV / CONDA_PREFIX passed over, with their warnings (the command line prints these on stderr). */
  staleVariables?: { variable: StaleVariable; warning: string }[];
  /** Extra, with `--installed`: the toolkits installed in the interpreter asked. */
  installed?: InstalledToolkits;
}

// ------------------------------------------------------------------ a run

export type Mode = "write" | "check" | "dry-run";

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

/**
 * Why a file was skipped, failed or (for --revert) changed, as a stable code
 * beside the words. README's "Reason codes" table documents each one.
 */
export const FILE_CODES = [
  "file/syntax-error",
  "file/binary",
  "file/unsupported-encoding",
  "file/not-utf8",
  "file/not-regular",
  "file/link-not-followed",
  "file/link-outside",
  "file/too-large",
  "file/unreadable",
  "file/edit-not-applied",
  "file/revert-not-applied",
  "file/changed-on-disk",
  "file/write-failed",
  "file/interrupted",
  "file/reverted",
] as const;

export type FileCode = (typeof FILE_CODES)[number];

/**
 * Files that may hold a site but could not be checked: a run (any mode, so
 * `--check` is a gate) reports them as errors and exits 2. The other skipped
 * files (binary, FIFO, too large, a broken link) cannot be source.
 */
export const UNCHECKED_FILE_CODES: ReadonlySet<FileCode> = new Set<FileCode>([
  "file/syntax-error",
  "file/unsupported-encoding",
  "file/not-utf8",
  "file/link-outside",
]);

export interface RevertCounts {
  guardBlocks: number;
  keywords: number;
  /** Keywords not in a form this tool writes (removed with a comma; spacing may differ). */
  irregular: number;
  /** Calls re-wrapped for the formatter by the fix whose old layout came back. */
  rewrapped: number;
  /** Calls re-wrapped by the fix and edited since: they keep the wrapping (the keyword still goes). */
  stillWrapped: number;
}

export interface FileReport {
  path: string;
  status: FileStatus;
  /** Stable id of the reason (see FILE_CODES); present whenever reason is. */
  code?: FileCode;
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
  /** .py files in walked folders that ignore rules (.gitignore, .ignore, .git/info/exclude) skipped; 0 with --no-ignore. */
  ignoredFiles: number;
  /** Folders that ignore rules skipped, each counted once: they are not looked into, so their .py files are not counted. */
  ignoredFolders: number;
  /** .py files that --exclude skipped: in walked folders, and named files with --force-exclude. */
  excludedFiles: number;
  /** Folders that --exclude skipped, each counted once (not looked into), a folder named with --force-exclude included. */
  excludedFolders: number;
}

export interface Interruption {
  /** The abort reason: the signal's name when the CLI aborted, else a message. */
  signal: string;
  /** Files that were never started (not counted in summary.files). */
  notStarted: number;
}

/**
 * The tool's own temp files that a killed run left beside the files it was
 * writing (their process is gone), found in the folders of the files listed.
 */
export interface StaleTempFiles {
  /** How many this run removed (a write run, fix or revert; always 0 in check and dry-run, which delete nothing). */
  removed: number;
  /** Those still there, as paths like the files': every one found in check and dry-run, else those that could not be removed. */
  remaining: string[];
}

/** What produced a report: this tool's name and version (its package.json's). */
export interface ToolInfo {
  name: string;
  version: string;
}

export interface Report {
  version: 1;
  /** The tool and version that made the report, so a pasted report says what produced it. */
  tool?: ToolInfo;
  mode: Mode;
  /** Present (true) for a --revert run. */
  revert?: boolean;
  /**
   * Dry-run only, when some file lies outside the current folder: the folder
   * the diffs' paths are relative to (git apply and patch refuse `../`), to
   * apply them from. Absent when that is the current folder.
   */
  diffRoot?: string;
  /** What detectEnvironment found, when the caller ran it. */
  environment?: Environment | null;
  /** With --installed: the toolkits found in the interpreter, and what was fixed of each. */
  installed?: InstalledToolkits;
  files: FileReport[];
  summary: Summary;
  /** Set when the run was aborted before every file was handled. */
  interrupted?: Interruption;
  /** Present when stale temp files were found (removed, or seen by check / dry-run). */
  staleTempFiles?: StaleTempFiles;
}

/**
 * A problem the user must fix (a path that does not exist, an option value
 * that cannot be used): the command line prints its message as one line and
 * exits 2. Anything else that escapes is a fault of the tool.
 */
export class UserError extends Error {}
