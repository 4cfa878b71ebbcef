// Which formatter and column limit a file's project asks for (files/line-style.ts),
// and that a run on a tree follows it (the layouts themselves: fixtures/cases/wrap-*
// and, with the real formatters, test/real/formatters.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixPaths } from "../../src/engine.js";
import { LineStyles } from "../../src/files/line-style.js";

let root = "";
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "pfgf-line-style-"));
  mkdirSync(path.join(root, ".git"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const styleOf = (file: string) => new LineStyles().forFile(path.join(root, file));

describe("the config that decides", () => {
  it.each([
    [{ ".style.yapf": "[style]\nbased_on_style = pep8\ncolumn_limit = 80\n" }, "yapf", 80, ".style.yapf"],
    [{ ".style.yapf": "[style]\nbased_on_style = pep8\n" }, "yapf", 79, ".style.yapf"],
    [{ "setup.cfg": "[yapf]\nbased_on_style = google\ncontinuation_indent_width = 8\n" }, "yapf", 80, "setup.cfg"],
    [{ "pyproject.toml": '[tool.yapf]\nbased_on_style = "pep8"\ncolumn_limit = 100\n' }, "yapf", 100, "pyproject.toml"],
    [{ "pyproject.toml": "[tool.black]\nline-length = 100\n" }, "black", 100, "pyproject.toml"],
    [{ "pyproject.toml": "[tool.black]\n" }, "black", 88, "pyproject.toml"],
    [{ "pyproject.toml": "[tool.ruff]\nline-length = 120\n" }, "ruff", 120, "pyproject.toml"],
    [{ "ruff.toml": "line-length = 90\n" }, "ruff", 90, "ruff.toml"],
    [{ "setup.cfg": "[flake8]\nmax-line-length = 120\n" }, "pycodestyle", 120, "setup.cfg"],
    [{ "tox.ini": "[pycodestyle]\nmax_line_length = 99\n" }, "pycodestyle", 99, "tox.ini"],
    // A formatter's config wins over a linter's in the same folder.
    [{ "setup.cfg": "[flake8]\nmax-line-length = 120\n", "pyproject.toml": "[tool.black]\nline-length = 100\n" }, "black", 100, "pyproject.toml"],
  ])("%j -> %s, %d columns, from %s", (files, formatter, limit, source) => {
    tree({ ...files, "pkg/a.py": "" });
    const style = styleOf("pkg/a.py");
    expect([style?.formatter, style?.columnLimit, style?.source]).toEqual([formatter, limit, path.join(root, source)]);
  });

  it("reads yapf's continuation indent and black's target versions", () => {
    tree({ "setup.cfg": "[yapf]\ncontinuation_indent_width = 8\n", "sub/pyproject.toml": '[tool.black]\ntarget-version = ["py38", "py39"]\n', "a.py": "", "sub/b.py": "" });
    expect(styleOf("a.py")?.continuationIndent).toBe(8);
    expect(styleOf("sub/b.py")?.targetVersions).toEqual(["py38", "py39"]);
  });

  it("the nearest folder wins, up to the project root and no further", () => {
    tree({ ".style.yapf": "[style]\ncolumn_limit = 80\n", "deep/er/pyproject.toml": "[tool.black]\n", "deep/er/x/a.py": "", "deep/b.py": "" });
    expect(styleOf("deep/er/x/a.py")?.formatter).toBe("black");
    expect(styleOf("deep/b.py")?.formatter).toBe("yapf");
    // A nested repository is a project of its own.
    tree({ "vendored/.git/HEAD": "", "vendored/c.py": "" });
    expect(styleOf("vendored/c.py")).toBeNull();
  });

  it("no config, a config without a limit, broken TOML, or a yapf style we do not follow: no layout", () => {
    tree({ "a/x.py": "", "b/setup.cfg": "[flake8]\nignore = E501\n", "b/x.py": "", "c/pyproject.toml": "[tool.black\n", "c/x.py": "" });
    tree({ "d/.style.yapf": "[style]\nbased_on_style = facebook\n", "d/x.py": "", "e/.style.yapf": "[style]\ndedent_closing_brackets = true\n", "e/x.py": "" });
    expect(["a/x.py", "b/x.py", "c/x.py", "d/x.py", "e/x.py"].map((f) => styleOf(f))).toEqual([null, null, null, null, null]);
    // A config that is there but not followed stops the search (a parent's would be the wrong one).
    tree({ "pyproject.toml": "[tool.black]\n" });
    expect(styleOf("d/x.py")).toBeNull();
    expect(styleOf("a/x.py")?.formatter).toBe("black");
  });
});

describe("a run on a tree", () => {
  const source = ["import paddle", "", "", "def export(model, input_spec, path):", "    static_model = paddle.jit.to_static(model, input_spec=input_spec)", "    paddle.jit.save(static_model, path)", ""].join("\n");

  it("wraps for the project's formatter, and leaves lines alone without a config", async () => {
    tree({ "styled/.style.yapf": "[style]\nbased_on_style = pep8\ncolumn_limit = 80\n", "styled/export.py": source, "plain/export.py": source });
    const report = await fixPaths([root], { cwd: root, environment: null });
    expect(report.summary.fixed).toBe(2);
    const styled = readFileSync(path.join(root, "styled/export.py"), "utf8");
    const plain = readFileSync(path.join(root, "plain/export.py"), "utf8");
    expect(styled).toContain("paddle.jit.to_static(model,\n                                        input_spec=input_spec,\n                                        **_paddle_full_graph_kwargs())");
    expect(plain).toContain("paddle.jit.to_static(model, input_spec=input_spec, **_paddle_full_graph_kwargs())");
    expect(Math.max(...styled.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it("black normalises string quotes, so the guard comes in double quotes even where the file prefers single ones", async () => {
    const single = source.replace("import paddle", "import paddle\nNAME = 'detector'\nKIND = 'export'");
    tree({ "black/pyproject.toml": "[tool.black]\n", "black/export.py": single, "kept/pyproject.toml": "[tool.black]\nskip-string-normalization = true\n", "kept/export.py": single });
    await fixPaths([root], { cwd: root, environment: null });
    expect(readFileSync(path.join(root, "black/export.py"), "utf8")).toContain('return {"full_graph": True}');
    expect(readFileSync(path.join(root, "kept/export.py"), "utf8")).toContain("return {'full_graph': True}");
    expect(styleOf("kept/export.py")?.stringQuote).toBeNull();
  });

  it("wrap: false keeps the plain insertion", async () => {
    tree({ ".style.yapf": "[style]\ncolumn_limit = 80\n", "export.py": source });
    await fixPaths([root], { cwd: root, environment: null, wrap: false });
    expect(readFileSync(path.join(root, "export.py"), "utf8")).toContain("input_spec=input_spec, **_paddle_full_graph_kwargs())");
  });
});
