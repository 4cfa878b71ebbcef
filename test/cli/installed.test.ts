// --installed: the toolkits a Python has installed, found from their
// metadata (RECORD, an editable install, an .egg-link's checkout), fixed in
// place and nowhere else; RECORD's hashes after a write; a folder that
// cannot be written. Real venvs (python3 -m venv) with hand-written
// dist-info folders and our own PaddleDetection-shaped fixture as ppdet/.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordHashes, recordTopLevels } from "../../src/detect/installed.js";
import { ROOT, runCli, snapshot as snapshotTree } from "../helpers/cli.js";
import { addDist, cleanupTempDirs, makeVenv, tempDir, type Venv } from "../helpers/detect.js";

afterAll(cleanupTempDirs);

const PPDET = path.join(ROOT, "fixtures", "checkouts", "ppdet-2.6.0", "input", "ppdet");
const CHECKOUT = path.join(ROOT, "fixtures", "checkouts", "ppdet-2.6.0", "input");
/** A module of someone else's, installed beside the toolkit, with an export call of the same shape: never touched. */
const FOREIGN = "import paddle\n\n\ndef export(model, spec):\n    static = paddle.jit.to_static(model, input_spec=spec)\n    print(static.forward.main_program)\n    paddle.jit.save(static, 'out')\n";

function files(dir: string, under = ""): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, path.join(under, e.name)) : [path.join(under, e.name)],
  );
}

const digest = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64url");

/** paddledet 2.6.0 as pip installs it: ppdet/ and a dist-info whose RECORD lists every file with its hash. */
function installPaddledet(site: string): void {
  cpSync(PPDET, path.join(site, "ppdet"), { recursive: true });
  const meta = addDist(site, "paddledet", "2.6.0");
  const rows = files(site, "ppdet").map((f) => `${f},sha256=${digest(readFileSync(path.join(site, f)))},${readFileSync(path.join(site, f)).length}`);
  rows.push(`${path.basename(meta)}/METADATA,,`, `${path.basename(meta)}/RECORD,,`, "../../bin/ppdet-tool,sha256=abc,3");
  writeFileSync(path.join(meta, "RECORD"), `${rows.join("\n")}\n`);
}

function installedVenv(): Venv {
  const venv = makeVenv(tempDir("pfgf-installed-"));
  addDist(venv.site, "paddlepaddle", "3.0.0");
  installPaddledet(venv.site);
  mkdirSync(path.join(venv.site, "otherkit"));
  writeFileSync(path.join(venv.site, "otherkit", "export.py"), FOREIGN);
  return venv;
}

const json = (stdout: string) => JSON.parse(stdout);

describe("--installed on a pip-installed paddledet", () => {
  let venv: Venv;
  let before: Map<string, string>;
  beforeAll(() => {
    venv = installedVenv();
    before = snapshotTree(venv.site);
  });

  it("--check lists the interpreter, its site folder and paddledet's ppdet/, and exits 1 for the pending export", () => {
    const r = runCli(["--installed", "--python", venv.python, "--check", "--json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = json(r.stdout);
    expect(report.installed).toMatchObject({ python: venv.python, sitePackages: [venv.site] });
    expect(report.installed.distributions).toEqual([
      expect.objectContaining({ name: "paddledet", version: "2.6.0", location: venv.site, folders: [path.join(venv.site, "ppdet")], from: "RECORD", editable: null }),
    ]);
    expect(report.environment.paddle).toMatchObject({ version: "3.0.0", distribution: "paddlepaddle" });
    expect(report.environment.paddledetection).toMatchObject({ version: "2.6.0", source: "installed paddledet" });
    const walked = report.files.map((f: { path: string }) => f.path);
    expect(walked.some((p: string) => p.endsWith(path.join("ppdet", "engine", "trainer.py")))).toBe(true);
    expect(walked.some((p: string) => p.includes("otherkit")), "nothing outside the toolkit's folders").toBe(false);
    expect(snapshotTree(venv.site)).toEqual(before);
  });

  it("the text header names the interpreter, the site folder and each distribution", () => {
    const r = runCli(["--installed", "--python", venv.python, "--check"]);
    expect(r.stdout).toContain(`installed for ${venv.python} (1 site folder: ${venv.site}):\n  paddledet 2.6.0: ppdet/ in ${venv.site}\n`);
  });

  it("a write fixes ppdet only, says RECORD no longer matches, and --revert restores every byte and RECORD", () => {
    const fixed = runCli(["--installed", "--python", venv.python, "--json"]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const report = json(fixed.stdout);
    const changed = report.files.filter((f: { status: string }) => f.status === "changed").map((f: { path: string }) => f.path);
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) expect(path.resolve(p).startsWith(path.join(venv.site, "ppdet") + path.sep)).toBe(true);
    expect(readFileSync(path.join(venv.site, "otherkit", "export.py"), "utf8")).toBe(FOREIGN);
    const [dist] = report.installed.distributions;
    expect(dist.recordMismatches).toEqual(changed.map((p: string) => path.relative(venv.site, path.resolve(p))).sort());
    const text = runCli(["--installed", "--python", venv.python, "--check"]);
    expect(text.code).toBe(0);

    const reverted = runCli(["--installed", "--python", venv.python, "--revert"]);
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout).toContain("paddledet 2.6.0: every file matches its RECORD again");
    expect(snapshotTree(venv.site)).toEqual(before);
  });

  it("the write run's text says which files differ from RECORD and what restores them", () => {
    const r = runCli(["--installed", "--python", venv.python]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/paddledet 2\.6\.0: 1 file no longer matches the hashes in its RECORD .*--revert --installed, or pip install --force-reinstall --no-deps paddledet==2\.6\.0, restores it/);
    expect(runCli(["--installed", "--python", venv.python, "--revert"]).code).toBe(0);
    expect(snapshotTree(venv.site)).toEqual(before);
  });

  it("doctor --installed gives its verdict for the installed toolkit, and the command that fixes it", () => {
    const r = runCli(["doctor", "--installed", "--python", venv.python]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^Export: +.*WILL hit the error with Paddle 3\.0\.0/m);
    expect(r.stdout).toContain(`paddledet 2.6.0: ppdet/ in ${venv.site}`);
    expect(r.stdout).toContain(`Fix:       paddle-fullgraph-fix --installed --python ${venv.python}`);
    const j = json(runCli(["doctor", "--installed", "--python", venv.python, "--json"]).stdout);
    expect(j.doctor).toMatchObject({ status: "will-fail", fixCommand: `paddle-fullgraph-fix --installed --python ${venv.python}` });
    expect(snapshotTree(venv.site)).toEqual(before);
  });

  it("with paths, --no-detect or --from-traceback it is a usage error (exit 2), nothing read or written", () => {
    for (const extra of [["."], ["--no-detect"], ["--from-traceback", "log.txt"]]) {
      const r = runCli(["--installed", ...extra]);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^paddle-fullgraph-fix: --installed cannot be combined with /);
    }
    expect(runCli(["doctor", "--installed", "--python", venv.python, "."]).code).toBe(2);
  });
});

describe("--installed finds", () => {
  it("nothing: exit 2, naming the interpreter and where it looked", () => {
    const venv = makeVenv(tempDir("pfgf-installed-"));
    addDist(venv.site, "paddlepaddle", "3.0.0");
    const r = runCli(["--installed", "--python", venv.python]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--installed: no paddledet, paddleocr, paddleseg, paddleclas is installed for ${venv.python} (searched ${venv.site})`);
  });

  it("an editable install (direct_url.json): the clone it points at, fixed there once, site-packages untouched", () => {
    const venv = makeVenv(tempDir("pfgf-installed-"));
    const clone = path.join(tempDir("pfgf-clone-"), "PaddleDetection");
    cpSync(CHECKOUT, clone, { recursive: true });
    const editable = { url: `file://${clone}`, dir_info: { editable: true } };
    addDist(venv.site, "paddledet", "2.6.0", { directUrl: editable });
    // A second toolkit from the same clone would not fix it twice.
    addDist(venv.site, "paddleclas", "2.6.0", { directUrl: editable });
    const site = snapshotTree(venv.site);
    const r = runCli(["--installed", "--python", venv.python, "--paddle-version", "3.0.0", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r.stdout);
    expect(report.installed.distributions.map((d: { name: string; from: string; folders: string[] }) => [d.name, d.from, d.folders])).toEqual([
      ["paddleclas", "editable", [clone]],
      ["paddledet", "editable", [clone]],
    ]);
    const paths = report.files.map((f: { path: string }) => path.resolve(f.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(readFileSync(path.join(clone, "ppdet", "engine", "trainer.py"), "utf8")).toBe(
      readFileSync(path.join(ROOT, "fixtures", "checkouts", "ppdet-2.6.0", "expected", "ppdet", "engine", "trainer.py"), "utf8"),
    );
    expect(snapshotTree(venv.site)).toEqual(site);
    const text = runCli(["--installed", "--python", venv.python, "--paddle-version", "3.0.0", "--check"]);
    expect(text.stdout).toContain(`paddledet 2.6.0: editable install of ${clone}, fixed there`);
  });

  it("a `setup.py develop` install (.egg-info in the checkout, its path in a .pth): the checkout", () => {
    const venv = makeVenv(tempDir("pfgf-installed-"));
    const clone = path.join(tempDir("pfgf-clone-"), "PaddleDetection");
    cpSync(CHECKOUT, clone, { recursive: true });
    addDist(clone, "paddledet", "2.6.0", { eggInfo: true });
    writeFileSync(path.join(venv.site, "easy-install.pth"), `${clone}\n`);
    writeFileSync(path.join(venv.site, "paddledet.egg-link"), `${clone}\n.\n`);
    const r = runCli(["--installed", "--python", venv.python, "--paddle-version", "3.0.0", "--check", "--json"]);
    expect(r.code, r.stderr).toBe(1);
    expect(json(r.stdout).installed.distributions).toEqual([expect.objectContaining({ name: "paddledet", from: "editable", editable: clone, folders: [clone] })]);
  });
});

/** Makes a folder unwritable even for root (chattr +i), or with chmod for another user; undone after. */
function lockFolder(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync("chattr", ["+i", dir]);
    return () => execFileSync("chattr", ["-i", dir]);
  }
  execFileSync("chmod", ["a-w", dir]);
  return () => execFileSync("chmod", ["u+w", dir]);
}

describe("--installed in a folder that cannot be written", () => {
  it("each file it cannot write is an error, exit 2, nothing half-written, with a hint", () => {
    const venv = installedVenv();
    const before = snapshotTree(venv.site);
    const engine = path.join(venv.site, "ppdet", "engine");
    const unlock = lockFolder(engine);
    let r;
    try {
      r = runCli(["--installed", "--python", venv.python, "--json"]);
    } finally {
      unlock();
    }
    expect(r.code).toBe(2);
    const trainer = json(r.stdout).files.find((f: { path: string }) => f.path.endsWith(path.join("engine", "trainer.py")));
    expect(trainer).toMatchObject({ status: "error", code: "file/write-failed", reason: "cannot create a temporary file next to it: permission denied; left alone" });
    expect(r.stderr).toMatch(/paddle-fullgraph-fix: 1 file of the installed toolkit could not be written \(listed above\), nothing half-written: fix a copy you own instead, in a virtual environment/);
    // no temp file left beside it, no byte changed
    expect(snapshotTree(venv.site)).toEqual(before);
    expect(existsSync(engine)).toBe(true);
  });
});

describe("RECORD", () => {
  it("top levels: code folders and modules, not metadata, scripts or loose files", () => {
    const record = [
      "ppdet/__init__.py,sha256=x,1",
      "ppdet/engine/trainer.py,sha256=y,2",
      "helper.py,sha256=z,3",
      "paddledet-2.6.0.dist-info/RECORD,,",
      "paddledet-2.6.0.data/scripts/x,,",
      "../../bin/tool,sha256=w,4",
      "__pycache__/helper.cpython-311.pyc,,",
      "paddledet.pth,sha256=v,5",
      '"odd,name/a.py",sha256=u,6',
    ].join("\n");
    expect(recordTopLevels(record)).toEqual(["helper.py", "odd,name", "ppdet"]);
  });

  it("hashes: each row with a sha256, quoted paths unquoted", () => {
    const rows = recordHashes('ppdet/a.py,sha256=AbC-_1,10\nppdet/b.py,,\n"x,""y"".py",sha256=Zz,1\n');
    expect([...rows]).toEqual([
      ["ppdet/a.py", "AbC-_1"],
      ['x,"y".py', "Zz"],
    ]);
  });
});
