// Throwaway folders for tests: made under the OS temp folder, filled from a
// { relative path: content } map, removed by the test file's afterAll.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

export function tempDir(prefix = "pfgf-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made (in this test file's process). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes the files below root, making folders as needed (`/` in the keys). */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, ...rel.split("/"));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A new temp folder holding the files. */
export function tempTree(prefix: string, files: Record<string, string | Buffer>): string {
  const root = tempDir(prefix);
  writeTree(root, files);
  return root;
}
