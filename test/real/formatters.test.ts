// Issue 13 §5, proved with the real formatters from the registry: in a
// project whose config sets a column limit, a file the formatter leaves as
// it is stays so after the fix. Each project folder holds its config and one
// generated module with many export calls of many shapes (callee spellings,
// statement kinds, depths, argument lists); the formatter first formats the
// module (so the input is clean), the tool fixes it with the style it reads
// from the config itself, and the formatter then must find nothing to change.
// A control run without the layout shows that the plain insertion fails
// the same check, so the check can fail.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LineStyles } from "../../src/files/line-style.js";
import { fixSource } from "../../src/rewrite/fix-source.js";
import { basePython, ensureToolEnv } from "./envs.js";

const PINS = ["yapf==0.43.0", "black==26.10.1", "ruff==0.17.6", "pycodestyle==2.15.0"];

interface Project {
  name: string;
  files: Record<string, string>;
  /** Formats the folder in place. */
  format: (bin: string, dir: string) => void;
  /** What the formatter (or linter) would still change or flag: empty when clean. */
  complaints: (bin: string, dir: string) => string;
  /** Whether the module uses syntax of Python 3.6+ (black then puts a comma after **kwargs). */
  modern?: boolean;
  /** Whether the module's strings use single quotes (the guard then follows them, where the formatter keeps them). */
  singleQuotes?: boolean;
}

const yapf = (bin: string, dir: string, ...flags: string[]) =>
  spawnSync(path.join(bin, "yapf"), [...flags, "--recursive", dir], { cwd: dir, encoding: "utf8" });
const black = (bin: string, dir: string, ...flags: string[]) => spawnSync(path.join(bin, "black"), ["-q", ...flags, dir], { cwd: dir, encoding: "utf8" });
const ruff = (bin: string, dir: string, ...flags: string[]) => spawnSync(path.join(bin, "ruff"), ["format", "-q", ...flags, dir], { cwd: dir, encoding: "utf8" });

const YAPF = {
  format: (bin: string, dir: string) => void yapf(bin, dir, "-i"),
  complaints: (bin: string, dir: string) => yapf(bin, dir, "--diff").stdout,
};
const BLACK = {
  format: (bin: string, dir: string) => void black(bin, dir),
  complaints: (bin: string, dir: string) => black(bin, dir, "--diff").stdout,
};
const RUFF = {
  format: (bin: string, dir: string) => void ruff(bin, dir),
  complaints: (bin: string, dir: string) => ruff(bin, dir, "--diff").stdout,
};
/** flake8's limit alone: the input is made by black at the same length, the check is pycodestyle's line length and continuation lines. */
const lint = (limit: number) => ({
  format: (bin: string, dir: string) => void black(bin, dir, "--line-length", String(limit)),
  complaints: (bin: string, dir: string) =>
    spawnSync(path.join(bin, "pycodestyle"), [`--max-line-length=${limit}`, "--select=E1,E501", "--ignore=E203", dir], { encoding: "utf8" }).stdout,
});

const PROJECTS: Project[] = [
  { name: "yapf-pep8-80", files: { ".style.yapf": "[style]\nbased_on_style = pep8\ncolumn_limit = 80\n" }, ...YAPF },
  { name: "yapf-pep8-default", files: { "setup.cfg": "[metadata]\nname = demo\n\n[yapf]\nbased_on_style = pep8\n" }, ...YAPF },
  { name: "yapf-google", files: { "pyproject.toml": '[tool.yapf]\nbased_on_style = "google"\n' }, ...YAPF },
  { name: "black-88", files: { "pyproject.toml": "[tool.black]\n" }, ...BLACK },
  { name: "black-79", files: { "pyproject.toml": "[tool.black]\nline-length = 79\n" }, ...BLACK },
  { name: "black-79-modern", files: { "pyproject.toml": "[tool.black]\nline-length = 79\n" }, modern: true, ...BLACK },
  { name: "black-single-quotes", files: { "pyproject.toml": "[tool.black]\nline-length = 79\nskip-string-normalization = true\n" }, singleQuotes: true, ...BLACK },
  { name: "black-targets", files: { "pyproject.toml": '[tool.black]\nline-length = 79\ntarget-version = ["py38"]\n' }, ...BLACK },
  { name: "ruff-80", files: { "pyproject.toml": "[tool.ruff]\nline-length = 80\n" }, ...RUFF },
  { name: "flake8-80", files: { "setup.cfg": "[flake8]\nmax-line-length = 80\n" }, ...lint(80) },
];

const CALLEES = ["paddle.jit.to_static", "to_static", "jit.to_static"];
const TARGETS = ["static_model = ", "self.static_model = ", "return ", "", "model.forward = "];
const ARGUMENTS = [
  ["model"],
  ["self.model", "input_spec=input_spec"],
  ["layer", "input_spec=spec", "build_strategy=build_strategy"],
  ["model", "input_spec=[paddle.static.InputSpec(shape=[None, 3, 640, 640], name='image')]"],
  ["self.distill_model.student_model", "input_spec=self._get_input_spec(image_shape)"],
  ["net", "[InputSpec([None, 3, 224, 224], 'float32', 'x')]", "property_name='predictor'"],
];

/** One module: every callee x target x argument list, at a few depths, each in a function named like an export. */
function module(modern: boolean, singleQuotes = false): { text: string; sites: number } {
  const out = ["import paddle", "from paddle import jit", "from paddle.jit import to_static", "from paddle.static import InputSpec", "", ""];
  if (modern) out.push('VERSION = f"{paddle.__version__}"', "", "");
  if (singleQuotes) out.push("NAMES = ['image', 'im_shape', 'scale_factor']", "MODE = 'export'", "", "");
  out.push("class Exporter(object):", "");
  let n = 0;
  for (const callee of CALLEES) {
    for (const target of TARGETS) {
      for (const args of ARGUMENTS) {
        for (const depth of [0, 1, 2]) {
          const pad = "    ".repeat(depth + 2);
          out.push(`    def export_${n++}(self, model, layer, net, spec, input_spec, build_strategy, image_shape):`);
          for (let d = 0; d < depth; d++) out.push(`${"    ".repeat(d + 2)}if model is not None:`);
          out.push(`${pad}${target}${callee}(${args.join(", ")})`, "");
        }
      }
    }
  }
  return { text: `${out.join("\n")}\n`, sites: n };
}

let bin = "";
let root = "";

beforeAll(async () => {
  bin = await ensureToolEnv("formatters", PINS, await basePython());
  root = mkdtempSync(path.join(tmpdir(), "pfgf-formatters-"));
}, 20 * 60_000);

afterAll(() => {
  if (root && !process.env.PADDLE_FULLGRAPH_FIX_REAL_KEEP) rmSync(root, { recursive: true, force: true });
});

describe.each(PROJECTS)("$name", (project) => {
  it("leaves every line it touched as the formatter would", () => {
    const made = (kind: string) => {
      const dir = path.join(root, project.name, kind);
      mkdirSync(dir, { recursive: true });
      execFileSync("git", ["init", "-q", dir]);
      for (const [name, text] of Object.entries(project.files)) writeFileSync(path.join(dir, name), text);
      return dir;
    };
    const input = made("input");
    const file = path.join(input, "exporter.py");
    const { text, sites } = module(Boolean(project.modern), Boolean(project.singleQuotes));
    writeFileSync(file, text);
    project.format(bin, input);
    const clean = readFileSync(file, "utf8");
    expect(project.complaints(bin, input)).toBe("");

    const style = new LineStyles().forFile(file);
    expect(style?.source).toBe(path.join(input, Object.keys(project.files)[0]));
    const fixed = fixSource(clean, { path: file, lineStyle: () => style });
    expect(fixed.sites.filter((s) => s.action === "fixed")).toHaveLength(sites);
    const plain = fixSource(clean, { path: file });

    const output = made("fixed");
    writeFileSync(path.join(output, "exporter.py"), fixed.text);
    expect(project.complaints(bin, output)).toBe("");
    // And it is still Python that compiles.
    execFileSync(path.join(bin, "python"), ["-m", "py_compile", path.join(output, "exporter.py")]);

    // The control: without the layout, the formatter objects.
    const control = made("plain");
    writeFileSync(path.join(control, "exporter.py"), plain.text);
    expect(project.complaints(bin, control)).not.toBe("");
  });
});

// The golden cases laid out for a formatter (fixtures/cases/wrap-*): the
// formatter leaves both the input and the tool's output as they are.
const GOLDEN: [string, Project][] = [
  ["wrap-yapf", PROJECTS[0]],
  ["wrap-black", PROJECTS[3]],
  ["wrap-flake8", PROJECTS[PROJECTS.length - 1]],
];

describe.each(GOLDEN)("fixtures/cases/%s", (name, project) => {
  it("input.py and expected.py are as the formatter leaves them", () => {
    for (const file of ["input.py", "expected.py"]) {
      const dir = path.join(root, name, file.replace(".py", ""));
      mkdirSync(dir, { recursive: true });
      execFileSync("git", ["init", "-q", dir]);
      for (const [config, text] of Object.entries(project.files)) writeFileSync(path.join(dir, config), text);
      writeFileSync(path.join(dir, "module.py"), readFileSync(path.resolve(__dirname, "../../fixtures/cases", name, file)));
      expect(project.complaints(bin, dir)).toBe("");
    }
  });
});
