// The detector on sibling-toolkit trees: which toolkit, which version, and
// from where (static reads only), plus the shapes each toolkit's history has
// used for its version. Trees are written to temp folders per test.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findCheckout } from "../../src/detect/layout.js";
import { detectToolkit } from "../../src/detect/toolkit.js";
import { assignedVersion, tomlTable, versionFromPyproject, versionFromText } from "../../src/detect/version-files.js";
import type { RawDist } from "../../src/detect/metadata.js";
import { removeTempDirs, tempTree } from "../helpers/temp.js";

afterAll(removeTempDirs);

function tree(files: Record<string, string>): string {
  return tempTree("pfgf-tk-detect-", files);
}

describe("PaddleOCR versions", () => {
  it("a literal [project] version in pyproject.toml (2.8-2.10 shape)", async () => {
    const root = tree({ "ppocr/__init__.py": "", "pyproject.toml": '[project]\nname = "paddleocr"\nversion = "2.10.0"\n\n[tool.x]\nversion = "9"\n' });
    const { info } = await detectToolkit(root, null);
    expect(info).toMatchObject({ kind: "paddleocr", toolkit: "PaddleOCR", version: "2.10.0", label: "2.10.0", source: "pyproject.toml version" });
  });

  it("VERSION in paddleocr.py, four parts shown as written (2.x shape)", async () => {
    const root = tree({ "ppocr/__init__.py": "", "paddleocr.py": "import os\n__all__ = ['PaddleOCR']\nVERSION = '2.7.0.3'\n", "setup.py": "from paddleocr import VERSION\nsetup(name='paddleocr', version=VERSION)\n" });
    const { info } = await detectToolkit(root, null);
    expect(info).toMatchObject({ kind: "paddleocr", version: "2.7.0", raw: "2.7.0.3", label: "2.7.0.3", source: "paddleocr.py VERSION" });
  });

  it("a setuptools_scm tree says the version is not in the tree, and an installed paddleocr from it fills it in", async () => {
    const root = tree({
      "ppocr/__init__.py": "",
      "paddleocr/_version.py": "version = '0.0.0'\n",
      "pyproject.toml": '[project]\nname = "paddleocr"\ndynamic = ["version"]\n\n[tool.setuptools_scm]\nversion_scheme = "release-branch-semver"\n',
    });
    const { info } = await detectToolkit(root, null);
    expect(info).toMatchObject({ kind: "paddleocr", version: null, raw: null });
    expect(info.label).toBe("unknown (version comes from git tags at build time (setuptools_scm), not from the tree)");
    const installed: RawDist = {
      name: "PaddleOCR",
      version: "3.1.0",
      location: "/venv/lib/python3.11/site-packages",
      metadataDir: null,
      directUrl: JSON.stringify({ url: `file://${root}`, dir_info: { editable: true } }),
      installer: "pip",
    };
    const withDist = await detectToolkit(root, [installed]);
    expect(withDist.info).toMatchObject({ version: "3.1.0", source: "installed paddleocr", label: "3.1.0" });
    expect(withDist.warnings).toEqual([]);
  });

  it("warns about a paddleocr installed from elsewhere, and ignores other toolkits' distributions", async () => {
    const root = tree({ "ppocr/__init__.py": "", "pyproject.toml": '[project]\nversion = "2.9.1"\n' });
    const other = (name: string): RawDist => ({ name, version: "2.8.0", location: "/opt/site-packages", metadataDir: null, directUrl: null, installer: null });
    const { info, warnings } = await detectToolkit(root, [other("paddleocr"), other("paddledet")]);
    expect(info.version).toBe("2.9.1");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^paddleocr 2\.8\.0 is also installed in \/opt\/site-packages, not from this checkout; code that imports ppocr outside/);
  });
});

describe("PaddleSeg and PaddleClas versions", () => {
  it("__version__ in paddleseg/__init__.py; 'develop' on the develop branch is not a version", async () => {
    const release = tree({ "paddleseg/__init__.py": "from . import models\n\n__version__ = '2.9.0'\n" });
    expect((await detectToolkit(release, null)).info).toMatchObject({ kind: "paddleseg", toolkit: "PaddleSeg", version: "2.9.0", label: "2.9.0" });
    const develop = tree({ "paddleseg/__init__.py": "__version__ = 'develop'\n" });
    expect((await detectToolkit(develop, null)).info).toMatchObject({
      version: null,
      raw: "develop",
      label: "develop (paddleseg/__init__.py says develop)",
    });
  });

  it("version.txt, also when only pyproject.toml's dynamic file names it", async () => {
    const plain = tree({ "ppcls/__init__.py": "", "version.txt": "\n2.5.2\n" });
    expect((await detectToolkit(plain, null)).info).toMatchObject({ kind: "paddleclas", toolkit: "PaddleClas", version: "2.5.2", source: "version.txt" });
    const named = tree({
      "ppcls/__init__.py": "",
      "pyproject.toml": '[project]\ndynamic = ["version"]\n[tool.setuptools.dynamic]\nversion = {file = "ppcls/VERSION"}\n',
      "ppcls/VERSION": "2.6.1\n",
    });
    expect((await detectToolkit(named, null)).info).toMatchObject({ version: "2.6.1", source: "ppcls/VERSION (pyproject.toml)" });
  });

  it("falls back to setup.py's version=, and says unknown when nothing names one", async () => {
    const old = tree({ "ppcls/__init__.py": "", "setup.py": "from setuptools import setup\nsetup(name='paddleclas', version='2.2.1')\n" });
    expect((await detectToolkit(old, null)).info).toMatchObject({ version: "2.2.1", source: "setup.py setup(version=...)" });
    const bare = tree({ "ppcls/__init__.py": "" });
    expect((await detectToolkit(bare, null)).info).toMatchObject({ kind: "paddleclas", version: null, label: "unknown" });
  });
});

describe("kind of tree", () => {
  it("a root inside a toolkit package means the checkout around it", async () => {
    const root = tree({ "PaddleOCR/ppocr/utils/export_model.py": "", "PaddleOCR/pyproject.toml": '[project]\nversion = "2.9.1"\n' });
    const inner = path.join(root, "PaddleOCR", "ppocr", "utils");
    expect(await findCheckout(inner)).toEqual({ kind: "paddleocr", base: path.join(root, "PaddleOCR"), hasSetup: false });
  });

  it("ppdet/ wins over a sibling package in the same tree", async () => {
    const root = tree({ "ppdet/__init__.py": "", "ppocr/__init__.py": "", "setup.py": 'PPDET_VERSION = "2.5.0"\n' });
    expect((await findCheckout(root)).kind).toBe("paddledetection");
  });

  it("a plain folder is none, and the warning names every toolkit it looked for", async () => {
    const root = tree({ "src/a.py": "" });
    const { info, warnings } = await detectToolkit(root, null);
    expect(info).toMatchObject({ kind: "none", toolkit: null });
    expect(warnings[0]).toMatch(/no ppdet\/, ppocr\/, paddleseg\/ or ppcls\/ folder/);
  });
});

describe("static readers", () => {
  it("tomlTable stops at the next table and tolerates spacing in dotted names", () => {
    const text = '[project]\nversion = "1"\n[ tool . setuptools . dynamic ]\nversion = {file = "v.txt"}\n[other]\nx = 1\n';
    expect(tomlTable(text, "project")).toBe('version = "1"');
    expect(tomlTable(text, "tool.setuptools.dynamic")).toBe('version = {file = "v.txt"}');
    expect(tomlTable(text, "missing")).toBeNull();
  });

  it("versionFromPyproject reads literal, file and setuptools_scm", () => {
    expect(versionFromPyproject('[project]\nversion = "2.9.1"\n')).toEqual({ literal: "2.9.1", file: null, scm: false });
    expect(versionFromPyproject('[project]\ndynamic = ["version"]\n[tool.setuptools.dynamic]\nversion = { file = "version.txt" }\n')).toEqual({
      literal: null,
      file: "version.txt",
      scm: false,
    });
    expect(versionFromPyproject('[project]\ndynamic = ["version", "dependencies"]\n[tool.setuptools_scm]\n').scm).toBe(true);
    expect(versionFromPyproject('[tool.poetry]\nversion = "1.0"\n')).toEqual({ literal: null, file: null, scm: false });
  });

  it("assignedVersion and versionFromText", () => {
    expect(assignedVersion("x = 1\nVERSION = '2.6.0.1'\n", ["__version__", "VERSION"])).toEqual({ name: "VERSION", raw: "2.6.0.1" });
    expect(assignedVersion("    VERSION = '1'\n", ["VERSION"])).toBeNull();
    expect(versionFromText("# comment\n\n 2.5.0 \n")).toBe("2.5.0");
    expect(versionFromText("\n")).toBeNull();
  });
});
