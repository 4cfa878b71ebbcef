// The filesystem as the walk, the engine and the writer see it: a small
// interface over node:fs so tests can inject failures (EACCES on a read, a
// folder that refuses new files, a file that changes between read and write)
// that permission bits cannot produce when the tests run as root.
import { closeSync, constants, fstatSync, openSync, promises as fs, readdirSync, readSync, type Dirent, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { decodeSource } from "./encoding.js";

export interface FsLayer {
  lstat(path: string): Promise<Stats>;
  stat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<Dirent[]>;
  open(path: string, flags: number, mode?: number): Promise<FileHandle>;
  access(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
}

export const nodeFs: FsLayer = {
  lstat: (p) => fs.lstat(p),
  stat: (p) => fs.stat(p),
  realpath: (p) => fs.realpath(p),
  // Blocking, like the reads below: a walk of thousands of folders otherwise
  // spends most of its time waiting on thread-pool round trips.
  readdir: async (p) => readdirSync(p, { withFileTypes: true }),
  open: (p, flags, mode) => fs.open(p, flags, mode),
  access: (p, mode) => fs.access(p, mode),
  rename: (a, b) => fs.rename(a, b),
  unlink: (p) => fs.unlink(p),
  chmod: (p, mode) => fs.chmod(p, mode),
  chown: (p, uid, gid) => fs.chown(p, uid, gid),
};

// O_NOFOLLOW and O_NONBLOCK are 0 where the platform lacks them (Windows).
export const O = {
  /** Never blocks on a FIFO; refuses a symlink in the last component. */
  readSource: constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0),
  /** Never blocks on a FIFO; follows links (for .gitignore files). */
  readFollowing: constants.O_RDONLY | (constants.O_NONBLOCK ?? 0),
  /** A new file only: fails if anything (file or link) has the name already. */
  createTemp: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
} as const;

/** What a regular file held when it was read, and how to recognise it later. */
export interface ReadFile {
  bytes: Buffer;
  stat: Stats;
}

export class NotRegularFileError extends Error {
  /** What it is instead: "FIFO", "socket", "directory", ... */
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}
export class TooLargeError extends Error {}

/** Files larger than this are reported and left alone, by every route that reads a checkout. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A checkout file's text, read and decoded the way the main run reads it
 * (regular files only, the same size limit, UTF-8 with or without BOM or a
 * PEP 263 latin-1 declaration), or null when it cannot be. For routes that
 * only look at source (the traceback mapping), never write it back.
 */
export function readSourceText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | null {
  try {
    const decoded = decodeSource(readRegularFileSync(file, maxBytes, O.readSource).bytes);
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}

/**
 * Reads a regular file without ever blocking: opened non-blocking and
 * without following a final symlink, checked with fstat on the open handle
 * (so a FIFO, socket or device swapped in after the walk is refused, not
 * read), then read from that same handle.
 */
export async function readRegularFile(
  layer: FsLayer,
  file: string,
  maxBytes: number,
  flags: number = O.readSource,
): Promise<ReadFile> {
  // On the real file system, blocking calls: four thread-pool round trips per
  // file cost more than the read itself (the engine yields between files).
  if (layer === nodeFs) return readRegularFileSync(file, maxBytes, flags);
  const handle = await layer.open(file, flags);
  try {
    const stat = await handle.stat();
    checkRegular(stat, maxBytes);
    const bytes = await handle.readFile();
    return { bytes, stat };
  } finally {
    await handle.close();
  }
}

function readRegularFileSync(file: string, maxBytes: number, flags: number): ReadFile {
  const fd = openSync(file, flags);
  try {
    const stat = fstatSync(fd);
    checkRegular(stat, maxBytes);
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const n = readSync(fd, bytes, filled, stat.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { bytes: filled === stat.size ? bytes : bytes.subarray(0, filled), stat };
  } finally {
    closeSync(fd);
  }
}

function checkRegular(stat: Stats, maxBytes: number): void {
  if (!stat.isFile()) throw new NotRegularFileError(fileKind(stat));
  if (stat.size > maxBytes) {
    throw new TooLargeError(`larger than ${formatSize(maxBytes)} (${formatSize(stat.size)}); left alone`);
  }
}

export function fileKind(stat: Stats): string {
  if (stat.isFile()) return "file";
  if (stat.isDirectory()) return "directory";
  if (stat.isFIFO()) return "FIFO";
  if (stat.isSocket()) return "socket";
  if (stat.isSymbolicLink()) return "symlink";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  return "special file";
}

function formatSize(n: number): string {
  const [value, unit] = n >= 1 << 20 ? [n / (1 << 20), "MiB"] : n >= 1024 ? [n / 1024, "KiB"] : [n, "bytes"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** One line for an fs error: `permission denied` rather than a stack-shaped message. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no longer exists";
    case "ELOOP":
      return "symlink loop (too many levels of symbolic links)";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a path component is not a directory";
    case "EBUSY":
      return "busy";
    case "EIO":
      return "input/output error";
    default:
      return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
