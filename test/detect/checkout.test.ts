import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment } from "../../src/detect/index.js";
import { formatEnvironmentHeader } from "../../src/detect/verdict.js";
import { findCheckout } from "../../src/detect/layout.js";
import { DEVELOP_LABEL, detectToolkit } from "../../src/detect/toolkit.js";
import { maskPython, setupCallBody, versionFromSetupPy, versionFromVersionPy } from "../../src/detect/version-files.js";
import { QUERY_TIMEOUT_MS, bareEnv, cleanupTempDirs, fixture, tempDir, writeFiles } from "../helpers/detect.js";

afterAll(cleanupTempDirs);

describe("PaddleDetection version from the fake checkouts", () => {
  it.each([
    ["pd-2.1", { version: "2.1.0", raw: "2.1.0", source: "setup.py setup(version=...)", kind: "paddledetection", label: "2.1.0" }],
    ["pd-2.4", { version: "2.4.0", raw: "2.4.0", source: "setup.py PPDET_VERSION", kind: "paddledetection", label: "2.4.0" }],
    ["pd-develop", { version: null, raw: "0.0.0", source: "setup.py PPDET_VERSION", kind: "paddledetection", label: `${DEVELOP_LABEL} (setup.py says 0.0.0)` }],
    ["pd-generated", { version: "2.5.0", raw: "2.5.0", source: "ppdet/version.py", kind: "paddledetection", label: "2.5.0 (commit 0a1b2c3d4e)" }],
    ["pd-stale-version-py", { version: "2.4.0", raw: "2.4.0", source: "ppdet/version.py", kind: "paddledetection", label: "2.4.0" }],
    ["pd-no-version", { version: null, raw: null, source: "none", kind: "paddledetection", label: "unknown" }],
    ["not-a-checkout", { version: null, raw: null, source: "none", kind: "none" }],
  ])("%s", async (name, expected) => {
    const { info } = await detectToolkit(fixture(name), null);
    expect(info).toMatchObject(expected);
  });

  it("a PaddleDetection-derived project is named for itself, with the version it kept", async () => {
    const { info } = await detectToolkit(fixture("yolo-fork"), null);
    expect(info).toMatchObject({ kind: "paddledetection", toolkit: "PaddleYOLO", derivedFrom: "PaddleDetection", version: "2.6.0", source: "setup.py PPDET_VERSION" });
    const env = await detectEnvironment({ root: fixture("yolo-fork"), paddleVersion: "2.6.2", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(formatEnvironmentHeader(env)[0]).toContain(
      "PaddleYOLO, derived from PaddleDetection; its setup.py PPDET_VERSION says 2.6.0, the PaddleDetection number it kept, not that release's code",
    );
    // PaddleDetection itself, and plain clones of it, are not derived.
    const plain = await detectToolkit(fixture("pd-2.4"), null);
    expect([plain.info.toolkit, plain.info.derivedFrom ?? null]).toEqual(["PaddleDetection", null]);
  });

  it("a git remote names a derived project when its README does not", async () => {
    const root = tempDir();
    const remote = (url: string) => `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;
    writeFiles(root, { "setup.py": 'PPDET_VERSION = "2.6.0"\n', "ppdet/__init__.py": "", ".git/config": remote("git@gitlab.example.com:vision/traffic-det.git") });
    expect((await detectToolkit(root, null)).info).toMatchObject({ toolkit: "traffic-det", derivedFrom: "PaddleDetection" });
    for (const url of ["https://github.com/PaddlePaddle/PaddleDetection.git", "https://github.com/someone/PaddleDetection", "https://gitee.com/paddlepaddle/PaddleDetection.git"]) {
      writeFiles(root, { ".git/config": remote(url) });
      expect((await detectToolkit(root, null)).info.derivedFrom ?? null, url).toBeNull();
    }
  });

  it("says 0.0.0 means develop or a later branch, not a version", async () => {
    const { info } = await detectToolkit(fixture("pd-develop"), null);
    expect(info.label).toMatch(/^develop or a branch cut after early 2023 \(2\.6\.1, 2\.7\.x\)/);
  });

  it("warns when a generated version.py disagrees with setup.py", async () => {
    const { warnings } = await detectToolkit(fixture("pd-stale-version-py"), null);
    expect(warnings.join("\n")).toMatch(/ppdet\/version\.py says 2\.4\.0 but setup\.py says 2\.5\.0/);
    const clean = await detectToolkit(fixture("pd-generated"), null);
    expect(clean.warnings).toEqual([]);
  });

  it("a version.py that says 0.0.0 does not hide a setup.py version", async () => {
    const root = tempDir();
    writeFiles(root, { "setup.py": 'PPDET_VERSION = "2.6.0"\n', "ppdet/version.py": "full_version = '0.0.0'\n" });
    const { info } = await detectToolkit(root, null);
    expect(info).toMatchObject({ version: "2.6.0", source: "setup.py PPDET_VERSION" });
  });

  it("says when the tree is not a PaddleDetection checkout", async () => {
    const { info, warnings } = await detectToolkit(fixture("not-a-checkout"), null);
    expect(info.kind).toBe("none");
    expect(warnings.join("\n")).toMatch(/not look like a PaddleDetection checkout .*scanning it anyway/);
  });
});

describe("kind of tree", () => {
  it("an RT-DETR repository vendoring ppdet in rtdetr_paddle/", async () => {
    const root = fixture("rt-detr");
    expect(await findCheckout(root)).toEqual({ kind: "rtdetr", base: path.join(root, "rtdetr_paddle"), hasSetup: false });
    const { info } = await detectToolkit(root, null);
    expect(info).toMatchObject({ kind: "rtdetr", version: null });
    expect(info.label).toBe("RT-DETR tree rtdetr_paddle/ (vendored ppdet, no PaddleDetection version)");
  });

  it("root is the rtdetr_paddle tree itself", async () => {
    const root = path.join(fixture("rt-detr"), "rtdetr_paddle");
    expect((await findCheckout(root)).kind).toBe("rtdetr");
  });

  it("a PaddleDetection checkout (ppdet/ and setup.py)", async () => {
    expect(await findCheckout(fixture("pd-2.4"))).toEqual({ kind: "paddledetection", base: fixture("pd-2.4"), hasSetup: true });
  });

  it("a root inside ppdet/ means the checkout around it", async () => {
    const root = tempDir();
    writeFiles(root, { "PaddleDetection/setup.py": 'PPDET_VERSION = "2.3.0"\n', "PaddleDetection/ppdet/engine/trainer.py": "" });
    const inner = path.join(root, "PaddleDetection", "ppdet", "engine");
    expect(await findCheckout(inner)).toMatchObject({ kind: "paddledetection", base: path.join(root, "PaddleDetection") });
    expect((await detectToolkit(inner, null)).info.version).toBe("2.3.0");
  });

  it("a toolkit vendored in another project (PaddleRS-style models/ folder, an installed package) is found and said to be vendored", async () => {
    const rs = tempDir();
    writeFiles(rs, { "setup.py": "setup(name='paddlers')\n", "paddlers/models/ppdet/engine/trainer.py": "", "paddlers/models/paddleseg/__init__.py": "__version__ = '2.8.0'\n" });
    expect(await findCheckout(rs)).toEqual({ kind: "paddledetection", base: path.join(rs, "paddlers", "models"), hasSetup: false, vendoredIn: "paddlers/models" });
    expect((await detectToolkit(rs, null)).info.label).toBe("vendored in paddlers/models/ppdet, no version of its own");

    const site = tempDir();
    writeFiles(site, { "paddleocr/ppocr/utils/export_model.py": "" });
    expect(await findCheckout(site)).toMatchObject({ kind: "paddleocr", vendoredIn: "paddleocr" });

    const parent = tempDir();
    writeFiles(parent, { "PaddleDetection/setup.py": 'PPDET_VERSION = "2.6.0"\n', "PaddleDetection/ppdet/engine/trainer.py": "" });
    expect(await findCheckout(parent)).toEqual({ kind: "paddledetection", base: path.join(parent, "PaddleDetection"), hasSetup: true });
  });

  it("nothing around a plain folder", async () => {
    const root = tempDir();
    writeFiles(root, { "src/a.py": "" });
    expect((await findCheckout(path.join(root, "src"))).kind).toBe("none");
  });
});

describe("static reads of setup.py and version.py", () => {
  it("finds the setup( call body past parentheses in strings and comments", () => {
    const text = [
      "def setup_logging(x):",
      "    pass",
      "",
      "setup(",
      "    name='x',  # a comment with ) in it",
      "    description=\"a ) b\",",
      "    data=[('a', ('b',))],",
      "    version='2.0.1',",
      ")",
      "version = 'not this'",
    ].join("\n");
    const body = setupCallBody(text);
    expect(body).toContain("version='2.0.1'");
    expect(body).not.toContain("not this");
  });

  it("ignores a def setup( and reads setuptools.setup(", () => {
    const text = "def setup(app):\n    return {'version': '9'}\n\nsetuptools.setup(name='x', version=\"2.0.0\")\n";
    expect(versionFromSetupPy(text)).toEqual({ raw: "2.0.0", source: "setup.py setup(version=...)", from: "setup.py" });
  });

  it("skips setup( and version= in comments and strings", () => {
    const text = [
      "# call setup(version='9.9.9') below",
      "NOTE = \"setup(version='8.8.8')\"",
      "setup(",
      "    name='x',",
      "    description=\"version='7.7.7'\",  # version='6.6.6'",
      "    version='2.0.0',",
      ")",
    ].join("\n");
    expect(versionFromSetupPy(text)?.raw).toBe("2.0.0");
  });

  it("maskPython blanks comments and string contents only", () => {
    const text = "a = 'x#y'  # c\nb = \"\"\"doc\n(\"\"\")\n";
    const masked = maskPython(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe("a = '   '     \nb = \"\"\"   \n \"\"\")\n");
  });

  it("resolves version=NAME to a module-level literal", () => {
    const text = "VERSION = '2.2.0'\nsetup(name='paddledet', version=VERSION, packages=[])\n";
    expect(versionFromSetupPy(text)).toMatchObject({ raw: "2.2.0", source: "setup.py setup(version=VERSION)" });
  });

  it("prefers PPDET_VERSION and ignores python_requires", () => {
    expect(versionFromSetupPy("PPDET_VERSION = '2.6.0'\nsetup(python_requires='>=3.6', version='1.0')\n")?.raw).toBe("2.6.0");
    expect(versionFromSetupPy("setup(python_requires='>=3.6')\n")).toBeNull();
    expect(versionFromSetupPy("print('no setup here')\n")).toBeNull();
  });

  it("reads the shapes of a generated version.py", () => {
    expect(versionFromVersionPy("full_version = '2.4.0'\nversion = '2.4'\ncommit = 'abc123'\n")).toEqual({
      raw: "2.4.0",
      source: "ppdet/version.py",
      from: "ppdet/version.py",
      commit: "abc123",
    });
    expect(versionFromVersionPy('__version__ = "2.3.1"\n')?.raw).toBe("2.3.1");
    expect(versionFromVersionPy("version = '2.2.0'\ncommit = 'Unknown'\n")).toEqual({ raw: "2.2.0", source: "ppdet/version.py", from: "ppdet/version.py" });
    expect(versionFromVersionPy("# empty\n")).toBeNull();
  });
});

describe("through detectEnvironment", () => {
  it("reports the checkout next to a flagged Paddle, without any interpreter", async () => {
    const env = await detectEnvironment({ root: fixture("pd-develop"), paddleVersion: "3.0.0", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddledetection).toMatchObject({ kind: "paddledetection", raw: "0.0.0", version: null });
    expect(env.interpreter).toBeNull();
  });
});
