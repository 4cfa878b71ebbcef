/**
 * Shapes shared by the detector modules. The environment they describe is
 * part of the report, so its types live in the shared vocabulary (model.ts).
 */
import { UserError } from "../model.js";

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
  /**
   * --installed: the interpreter is asked even with --paddle-version, its
   * toolkits' folders are found, and the toolkit is read where the first of
   * them is installed (root is then unused).
   */
  installed?: boolean;
}

/** A --python that does not exist or is not a Python, or a --paddle-version that is not a version. The CLI maps it to exit 2. */
export class DetectUsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "DetectUsageError";
  }
}
