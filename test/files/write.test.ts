// replaceFile: all or nothing, mode bits kept, the original never touched
// when anything goes wrong, and no temporary file left behind.
import { chmodSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixPaths } from "../../src/engine.js";
import { nodeFs, readRegularFile } from "../../src/files/fs-layer.js";
import { ChangedOnDiskError, contentHash, replaceFile, WriteError } from "../../src/files/write.js";
import { parseTempName } from "../../src/files/temp-name.js";
import { cleanup, errno, faultyFs, isTemp, leftoverTemps, modeOf, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

async function readState(file: string) {
  const { bytes, stat } = await readRegularFile(nodeFs, file, 1 << 30);
  return { hash: contentHash(bytes), stat };
}

describe("replaceFile", () => {
  it("replaces the contents and keeps the mode bits; no temporary file remains", async () => {
    const dir = tempDir();
    const file = path.join(dir, "run.py");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o754);
    const inode = statSync(file).ino;
    await replaceFile(file, Buffer.from("new\n"), await readState(file));
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(modeOf(file)).toBe(0o754);
    expect(statSync(file).ino).not.toBe(inode); // a rename, not an in-place write
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("the temporary file sits beside the original and its name carries this process's id", async () => {
    const dir = tempDir();
    const file = path.join(dir, "trainer.py");
    writeFileSync(file, "old\n");
    const temps: string[] = [];
    const fs = faultyFs({ open: (p) => void (p !== file && p !== dir && temps.push(p)) });
    await replaceFile(file, Buffer.from("new\n"), await readState(file), fs);
    expect(temps).toHaveLength(1);
    expect(path.dirname(temps[0])).toBe(dir);
    expect(parseTempName(path.basename(temps[0]))).toEqual({ target: "trainer.py", pid: process.pid });
  });

  it("a read-only file (no write bit) is left alone, even for root", async () => {
    const dir = tempDir();
    const file = path.join(dir, "ro.py");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o444);
    await expect(replaceFile(file, Buffer.from("new\n"), await readState(file))).rejects.toThrow(new WriteError("read-only file; left alone"));
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("a file access(W_OK) refuses is read-only too", async () => {
    const dir = tempDir();
    const file = path.join(dir, "acl.py");
    writeFileSync(file, "old\n");
    const fs = faultyFs({ access: () => errno("EACCES", "access") });
    await expect(replaceFile(file, Buffer.from("new\n"), await readState(file), fs)).rejects.toThrow(/read-only file; left alone/);
    expect(readFileSync(file, "utf8")).toBe("old\n");
  });

  it("a folder that refuses new files: reported, original untouched", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    writeFileSync(file, "old\n");
    const fs = faultyFs({ open: (p) => (isTemp(p) ? errno("EACCES") : null) });
    await expect(replaceFile(file, Buffer.from("new\n"), await readState(file), fs)).rejects.toThrow(
      "cannot create a temporary file next to it: permission denied; left alone",
    );
    expect(readFileSync(file, "utf8")).toBe("old\n");
  });

  it("a failing write (disk full) removes the temporary file and keeps the original", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    writeFileSync(file, "old\n");
    const fs = faultyFs({
      handle: (p, handle) =>
        isTemp(p)
          ? (new Proxy(handle, {
              get: (target, key) =>
                key === "writeFile" ? async () => Promise.reject(errno("ENOSPC", "write")) : Reflect.get(target, key, target),
            }) as FileHandle)
          : handle,
    });
    await expect(replaceFile(file, Buffer.from("new\n"), await readState(file), fs)).rejects.toThrow("cannot write: no space left on device; left alone");
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("a failing rename removes the temporary file and keeps the original", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    writeFileSync(file, "old\n");
    const fs = faultyFs({ rename: () => errno("EIO", "rename") });
    await expect(replaceFile(file, Buffer.from("new\n"), await readState(file), fs)).rejects.toThrow("cannot write: input/output error; left alone");
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("a file changed since it was read is left alone (content hash)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    writeFileSync(file, "old\n");
    const read = await readState(file);
    writeFileSync(file, "edited by the user\n");
    await expect(replaceFile(file, Buffer.from("new\n"), read)).rejects.toThrow(ChangedOnDiskError);
    expect(readFileSync(file, "utf8")).toBe("edited by the user\n");
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it("a file swapped for a symlink since it was read is left alone, and the link's target untouched", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    const elsewhere = path.join(tempDir(), "target.py");
    writeFileSync(file, "old\n");
    writeFileSync(elsewhere, "old\n");
    const read = await readState(file);
    unlinkSync(file);
    symlinkSync(elsewhere, file);
    await expect(replaceFile(file, Buffer.from("new\n"), read)).rejects.toThrow(ChangedOnDiskError);
    expect(readFileSync(elsewhere, "utf8")).toBe("old\n");
  });
});

describe("fixPaths: a file edited while the tool runs", () => {
  it("is reported `error` with the reason and keeps the user's edit; the other files are fixed", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, "b.py": NEEDY });
    const a = path.join(dir, "a.py");
    // The user saves a.py just as the tool starts writing it.
    const fs = faultyFs({
      open: (p) => {
        if (isTemp(p) && path.basename(p).startsWith(".a.py.")) writeFileSync(a, `${NEEDY}# saved meanwhile\n`);
      },
    });
    const report = await fixPaths([dir], { fs, cwd: dir });
    expect(report.files.find((f) => f.path === "a.py")).toMatchObject({ status: "error", code: "file/changed-on-disk", reason: "changed on disk while the tool ran; left alone" });
    expect(report.files.find((f) => f.path === "b.py")).toMatchObject({ status: "changed" });
    expect(readFileSync(a, "utf8")).toBe(`${NEEDY}# saved meanwhile\n`);
    expect(readFileSync(path.join(dir, "b.py"), "utf8")).toContain("_paddle_full_graph_kwargs()");
    expect(report.summary.errors).toBe(1);
    expect(leftoverTemps(dir)).toEqual([]);
  });
});
