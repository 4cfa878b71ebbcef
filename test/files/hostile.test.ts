// Inputs that must not hurt: every one in a single run, each reported with a
// one-line reason (or fixed with its bytes kept), while the others proceed.
// Tests run as root, where permission bits stop nothing: unreadable files
// and folders, and folders that refuse new files, are simulated through the
// filesystem layer the engine uses; a read-only file is a real chmod 0444
// (the writer refuses files without a write bit, even for root).
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixPaths } from "../../src/engine.js";
import type { FileReport, Report } from "../../src/model.js";
import { revertBytes } from "../../src/rewrite/fix-bytes.js";
import { firstSyntaxError, parsePython } from "../../src/python/parser.js";
import { cleanup, errno, faultyFs, hashes, isTemp, KW, leftoverTemps, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const latin1 = Buffer.from(`# -*- coding: latin-1 -*-\n# Auteur: José Müller\n${NEEDY}`, "latin1");
const gbk = Buffer.concat([Buffer.from("# -*- coding: gbk -*-\n# "), Buffer.from([0xc4, 0xa3, 0xd0, 0xcd]), Buffer.from(`\n${NEEDY}`)]);
const layouts: Record<string, string> = {
  "mixed.py": "import paddle\r\n\n\r\ndef export(model, spec, path):\n    static = paddle.jit.to_static(model, input_spec=spec)\r\n    paddle.jit.save(static, path)\n",
  "tabs.py": NEEDY.replace(/ {4}/g, "\t"),
  "no-eol.py": NEEDY.trimEnd(),
  "long-line.py": `import paddle\n\nTABLE = [${Array.from({ length: 200_000 }, (_, i) => i).join(", ")}]\n\n\ndef export(model, spec, path):\n    static = paddle.jit.to_static(model, input_spec=spec)\n    paddle.jit.save(static, path)\n`,
};

let root: string;
let outside: string;
let report: Report;
let servers: net.Server[] = [];

const entry = (rel: string): FileReport | undefined => report.files.find((f) => f.path === rel);
const read = (rel: string) => readFileSync(path.join(root, rel));

beforeAll(async () => {
  root = tempDir();
  outside = tempDir("pfgf-outside-");
  writeTree(outside, { "theirs.py": NEEDY, "pkg/mod.py": NEEDY });
  writeTree(root, {
    "good.py": NEEDY,
    "syntax.py": `${NEEDY}\ndef broken(:\n    pass\n`,
    "latin1.py": latin1,
    "gbk.py": gbk,
    "bom.py": Buffer.concat([BOM, Buffer.from(`# 模型导出\n${NEEDY}`)]),
    "crlf.py": NEEDY.replace(/\n/g, "\r\n"),
    ...layouts,
    "binary.py": Buffer.concat([Buffer.from(NEEDY), Buffer.from([0, 1, 2, 0xff])]),
    "not-utf8.py": Buffer.concat([Buffer.from(NEEDY), Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    "folder.py/inner.py": NEEDY,
    "secret.py": NEEDY,
    "locked/hidden.py": NEEDY,
    "ro.py": NEEDY,
    "ro-folder/mod.py": NEEDY,
    "with space/ünïcödé 模型.py": NEEDY,
    "real.py": NEEDY,
  });
  chmodSync(path.join(root, "ro.py"), 0o444);
  execFileSync("mkfifo", [path.join(root, "pipe.py")]);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(root, "sock.py"), resolve));
  servers.push(server);
  symlinkSync(path.join(outside, "theirs.py"), path.join(root, "out-link.py"));
  symlinkSync(path.join(outside, "pkg"), path.join(root, "out-folder"));
  symlinkSync(root, path.join(root, "self-loop"));
  symlinkSync(path.join(root, "loop-b.py"), path.join(root, "loop-a.py"));
  symlinkSync(path.join(root, "loop-a.py"), path.join(root, "loop-b.py"));
  symlinkSync(path.join(root, "gone.py"), path.join(root, "dangling.py"));
  symlinkSync(path.join(root, "real.py"), path.join(root, "alias.py"));

  const fs = faultyFs({
    open: (p) => (p.endsWith(`${path.sep}secret.py`) || (isTemp(p) && p.includes(`${path.sep}ro-folder${path.sep}`)) ? errno("EACCES") : null),
    readdir: (d) => (d.endsWith(`${path.sep}locked`) ? errno("EACCES", "scandir") : null),
  });
  // The named file outside is given too: the same file reached twice (as real.py and alias.py) must count once.
  report = await fixPaths([root, path.join(root, "real.py")], { fs, cwd: root });
}, 60_000);

afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  servers = [];
  cleanup();
});

describe("one run over every hostile input", () => {
  it("fixes the plain file and counts every problem as the rest of the run goes on", () => {
    expect(entry("good.py")).toMatchObject({ status: "changed" });
    // secret.py (unreadable), locked/ (cannot list), ro.py (read-only), ro-folder/mod.py (no temp file),
    // and the files that could not be checked: syntax.py, gbk.py, not-utf8.py, out-link.py
    const errors = report.files.filter((f) => f.status === "error").map((f) => f.code);
    expect(errors.sort()).toEqual(
      ["file/unreadable", "file/unreadable", "file/write-failed", "file/write-failed", "file/syntax-error", "file/unsupported-encoding", "file/not-utf8", "file/link-outside"].sort(),
    );
    expect(report.summary.errors).toBe(8);
  });

  it("a syntax error anywhere: an error (it could not be checked) with its position, bytes untouched", () => {
    expect(entry("syntax.py")).toMatchObject({ status: "error", code: "file/syntax-error", reason: "syntax error at 8:12" });
    expect(read("syntax.py").toString()).toBe(`${NEEDY}\ndef broken(:\n    pass\n`);
  });

  it("latin-1 with a coding line: edited byte-exactly (revert gives the original bytes)", () => {
    expect(entry("latin1.py")?.status).toBe("changed");
    const out = read("latin1.py");
    expect(out.includes(Buffer.from("José Müller", "latin1"))).toBe(true);
    expect(revertBytes(out).bytes.equals(latin1)).toBe(true);
  });

  it("gbk: an error with the reason (it could not be checked), never re-encoded", () => {
    expect(entry("gbk.py")).toMatchObject({ status: "error", code: "file/unsupported-encoding", reason: "encoding 'gbk' is not supported for editing; file left alone" });
    expect(read("gbk.py").equals(gbk)).toBe(true);
  });

  it("not UTF-8 and no coding line: an error with the reason", () => {
    expect(entry("not-utf8.py")).toMatchObject({ status: "error", code: "file/not-utf8", reason: "not valid UTF-8 and no PEP 263 coding line; file left alone" });
  });

  it("UTF-8 with BOM: the BOM is kept", () => {
    expect(entry("bom.py")?.status).toBe("changed");
    expect(read("bom.py").subarray(0, 3).equals(BOM)).toBe(true);
    expect(read("bom.py").toString("utf8").slice(1)).toContain("# 模型导出");
  });

  it("CRLF: every inserted line ends in CRLF", () => {
    const out = read("crlf.py").toString();
    expect(out).toContain(KW);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("mixed line endings, tabs, no trailing newline, a 1 MB line: fixed, parse, and revert exactly", () => {
    for (const [rel, original] of Object.entries(layouts)) {
      expect(entry(rel)?.status, rel).toBe("changed");
      const out = read(rel);
      expect(firstSyntaxError(parsePython(out.toString())), rel).toBeNull();
      expect(revertBytes(out).bytes.toString(), rel).toBe(original);
    }
    expect(read("tabs.py").toString()).toMatch(/\n\ttry:\n\t\timport paddle\n/);
  });

  it("binary data (a NUL byte): skipped, untouched", () => {
    expect(entry("binary.py")).toMatchObject({ status: "skipped", reason: "binary file (contains a NUL byte)" });
  });

  it("a directory named folder.py is walked as a folder, not read as a file", () => {
    expect(entry("folder.py")).toBeUndefined();
    expect(entry("folder.py/inner.py")?.status).toBe("changed");
  });

  it("a FIFO and a socket named *.py: skipped without blocking", () => {
    expect(entry("pipe.py")).toMatchObject({ status: "skipped", code: "file/not-regular", reason: "not a regular file (FIFO)" });
    expect(entry("sock.py")).toMatchObject({ status: "skipped", code: "file/not-regular", reason: "not a regular file (socket)" });
  });

  it("symlinks: out of the root not followed, loops and dangling links reported, linked folders not walked", () => {
    // It may hold a site that this run cannot check: an error, so --check is a gate.
    expect(entry("out-link.py")).toMatchObject({ status: "error", code: "file/link-outside", reason: expect.stringMatching(/^symlink to .*theirs\.py, outside .*; not followed$/) });
    expect(readFileSync(path.join(outside, "theirs.py"), "utf8")).toBe(NEEDY);
    expect(readFileSync(path.join(outside, "pkg/mod.py"), "utf8")).toBe(NEEDY);
    expect(report.files.some((f) => f.path.startsWith("out-folder/") || f.path.startsWith("self-loop/"))).toBe(false);
    expect(entry("loop-a.py")).toMatchObject({ status: "skipped", code: "file/link-not-followed", reason: "symlink loop; not followed" });
    expect(entry("loop-b.py")).toMatchObject({ status: "skipped", code: "file/link-not-followed", reason: "symlink loop; not followed" });
    expect(entry("dangling.py")).toMatchObject({ status: "skipped", reason: "broken symlink (its target does not exist); not followed" });
  });

  it("the same file reached three ways (link inside the root, walk, named) is edited once, the link kept", () => {
    const reached = report.files.filter((f) => f.path === "alias.py" || f.path === "real.py");
    expect(reached).toHaveLength(1);
    expect(reached[0].status).toBe("changed");
    const out = read("real.py").toString();
    expect(out.split(KW)).toHaveLength(2);
    expect(execFileSync("readlink", [path.join(root, "alias.py")]).toString().trim()).toBe(path.join(root, "real.py"));
  });

  it("unreadable file, unlistable folder, read-only file, folder refusing new files: errors with reasons, untouched", () => {
    expect(entry("secret.py")).toMatchObject({ status: "error", code: "file/unreadable", reason: "cannot read: permission denied" });
    expect(entry("locked")).toMatchObject({ status: "error", code: "file/unreadable", reason: "cannot list folder: permission denied" });
    expect(entry("ro.py")).toMatchObject({ status: "error", code: "file/write-failed", reason: "read-only file; left alone" });
    // Its site was not written: still pending, and not counted as fixed.
    expect(entry("ro.py")!.sites.map((site) => site.action)).toEqual(["would-fix"]);
    expect(report.summary.fixed).toBe(report.files.flatMap((f) => f.sites).filter((site) => site.action === "fixed").length);
    expect(entry("ro-folder/mod.py")).toMatchObject({
      status: "error",
      reason: "cannot create a temporary file next to it: permission denied; left alone",
    });
    for (const rel of ["secret.py", "locked/hidden.py", "ro.py", "ro-folder/mod.py"]) expect(read(rel).toString(), rel).toBe(NEEDY);
    // Sites of a file that could not be written are reported as pending, not fixed.
    expect(entry("ro.py")?.sites.map((s) => s.action)).toEqual(["would-fix"]);
  });

  it("a path with spaces and unicode is fixed", () => {
    expect(entry("with space/ünïcödé 模型.py")?.status).toBe("changed");
  });

  it("leaves no temporary file anywhere", () => {
    expect(leftoverTemps(root)).toEqual([]);
  });

  it("a second run finds nothing left but the files it could not write", async () => {
    const before = hashes(root);
    const again = await fixPaths([root], { cwd: root, mode: "check" });
    const pending = again.files.filter((f) => f.sites.some((s) => s.action === "would-fix")).map((f) => f.path);
    expect(pending.sort()).toEqual(["locked/hidden.py", "ro-folder/mod.py", "ro.py", "secret.py"]);
    expect(hashes(root)).toEqual(before);
  });
});

describe("explicit paths that are not regular files", () => {
  it("a FIFO named on the command line does not block; a folder named x.py is walked", async () => {
    const dir = tempDir();
    writeTree(dir, { "x.py/mod.py": NEEDY });
    execFileSync("mkfifo", [path.join(dir, "fifo.py")]);
    const r = await fixPaths([path.join(dir, "fifo.py"), path.join(dir, "x.py")], { cwd: dir });
    expect(r.files).toEqual([
      expect.objectContaining({ path: "fifo.py", status: "skipped", code: "file/not-regular", reason: "not a regular file (FIFO)" }),
      expect.objectContaining({ path: "x.py/mod.py", status: "changed" }),
    ]);
  });

  it("a symlink named on the command line is not written through to a file outside the given paths", async () => {
    const dir = tempDir();
    const elsewhere = tempDir("pfgf-outside-");
    writeTree(elsewhere, { "target.py": NEEDY });
    symlinkSync(path.join(elsewhere, "target.py"), path.join(dir, "link.py"));
    symlinkSync(path.join(dir, "loop.py"), path.join(dir, "loop.py"));
    const r = await fixPaths([path.join(dir, "link.py"), path.join(dir, "loop.py")], { cwd: dir });
    expect(r.files[0]).toMatchObject({ path: "link.py", status: "error", code: "file/link-outside", reason: expect.stringMatching(/outside the given paths; not written through/) });
    expect(r.files[1]).toMatchObject({ path: "loop.py", status: "skipped", code: "file/link-not-followed", reason: "symlink loop; not followed" });
    expect(readFileSync(path.join(elsewhere, "target.py"), "utf8")).toBe(NEEDY);
    // Named together with the folder that holds the target, the link is followed (the target is a given path).
    const both = await fixPaths([path.join(dir, "link.py"), elsewhere], { cwd: dir });
    expect(both.summary.changed).toBe(1);
    expect(readFileSync(path.join(elsewhere, "target.py"), "utf8")).toContain(KW);
  });

  it("a file larger than the limit is skipped with its size", async () => {
    const dir = tempDir();
    writeTree(dir, { "big.py": NEEDY + `# ${"x".repeat(4096)}\n` });
    const r = await fixPaths([dir], { cwd: dir, maxFileBytes: 1024 });
    expect(r.files[0]).toMatchObject({ path: "big.py", status: "skipped", code: "file/too-large", reason: "larger than 1 KiB (4.1 KiB); left alone" });
  });
});

describe("a run over an empty folder and an unlistable root", () => {
  it("reports the unlistable root as an error and still returns", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "sub"));
    const fs = faultyFs({ readdir: () => errno("EACCES", "scandir") });
    const r = await fixPaths([dir], { fs, cwd: dir });
    expect(r.files).toEqual([expect.objectContaining({ status: "error", code: "file/unreadable", reason: "cannot list folder: permission denied" })]);
  });
});
