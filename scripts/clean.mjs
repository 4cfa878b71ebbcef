// First build step: empties dist/, so that output of a source file since
// deleted or renamed cannot linger there and end up in the published tarball
// (package.json "files" takes dist/ by pattern, not by list).
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

rmSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist"), { recursive: true, force: true });
