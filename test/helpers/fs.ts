// Temp trees and a filesystem layer with injected faults, for the safety tests.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { nodeFs, type FsLayer } from "../../src/files/fs-layer.js";
import { tempDir as makeTempDir } from "./temp.js";

/** An export call the tool fixes with the default options. */
export const NEEDY =
  "import paddle\n\n\ndef export(model, spec, path):\n    static = paddle.jit.to_static(model, input_spec=spec)\n    paddle.jit.save(static, path)\n";
export const KW = "**_paddle_full_graph_kwargs()";

export { removeTempDirs as cleanup, writeTree } from "./temp.js";

export function tempDir(prefix = "pfgf-safety-"): string {
  return makeTempDir(prefix);
}

/** Relative path -> sha256 of every regular file below dir (symlinks and specials not followed). */
export function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out.set(path.relative(dir, full), createHash("sha256").update(readFileSync(full)).digest("hex"));
    }
  };
  visit(dir);
  return out;
}

/**
 * Any name the writer has used for a temporary file: `.x.py.pfgf-<pid>-<hex>.tmp`,
 * and 0.1.x's `.x.py.pfgf-<hex>.tmp`. Deliberately looser than the sweep's
 * parser (src/files/temp-name.ts): a leftover the parser failed to
 * recognise still shows here.
 */
export const isTemp = (p: string) => /\.pfgf-[0-9a-f-]+\.tmp$/.test(p);

/** Names in dir (recursively) that look like our temporary files. */
export function leftoverTemps(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (isTemp(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

export function modeOf(file: string): number {
  return statSync(file).mode & 0o7777;
}

export function errno(code: string, syscall = "open"): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated failure, ${syscall}`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  return e;
}

export interface Faults {
  /** Called before each operation; return an error to make it fail. */
  open?: (file: string, flags: number) => Error | null | void | Promise<Error | null | void>;
  readdir?: (dir: string) => Error | null | void;
  access?: (file: string) => Error | null | void;
  rename?: (from: string, to: string) => Error | null | void | Promise<Error | null | void>;
  /** Wraps the handle of each open (e.g. to make writeFile fail). */
  handle?: (file: string, handle: FileHandle) => FileHandle;
}

/** The real filesystem with the given faults injected. */
export function faultyFs(faults: Faults): FsLayer {
  return {
    ...nodeFs,
    async open(file, flags, mode) {
      const error = await faults.open?.(file, flags);
      if (error) throw error;
      const handle = await nodeFs.open(file, flags, mode);
      return faults.handle ? faults.handle(file, handle) : handle;
    },
    async readdir(dir) {
      const error = faults.readdir?.(dir);
      if (error) throw error;
      return nodeFs.readdir(dir);
    },
    async access(file, mode) {
      const error = faults.access?.(file);
      if (error) throw error;
      return nodeFs.access(file, mode);
    },
    async rename(from, to) {
      const error = await faults.rename?.(from, to);
      if (error) throw error;
      return nodeFs.rename(from, to);
    },
  };
}
