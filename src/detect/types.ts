/**
 * Shapes shared by the detector modules. `index.ts` re-exports the public ones.
 */

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
  source: "flag" | "importlib" | "site-packages";
  /** True for 0.0.0: develop/untagged builds, treated as the NEWEST release. */
  develop: boolean;
  /** Further paddle distributions installed in the same interpreter. */
  others: PaddleDistribution[];
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

export interface Environment {
  paddle: PaddleInfo | null;
  paddledetection: ToolkitInfo | null;
  verdict: Verdict;
  warnings: string[];
  /** Extra: the interpreter that was queried, or null when none was (flag only, or none found). */
  interpreter?: InterpreterInfo | null;
}

export interface DetectOptions {
  /** The checkout root (first directory the user passed, or cwd). */
  root: string;
  /** --paddle-version: wins over anything installed. */
  paddleVersion?: string;
  /** --python PATH */
  python?: string;
  /** Defaults to process.env (VIRTUAL_ENV, CONDA_PREFIX, PATH). */
  env?: NodeJS.ProcessEnv;
  /** Bound on the interpreter query in ms (default 5000). */
  timeoutMs?: number;
}

/** A --python that does not exist or is not a Python, or a --paddle-version that is not a version. The CLI maps it to exit 2. */
export class DetectUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DetectUsageError";
  }
}
