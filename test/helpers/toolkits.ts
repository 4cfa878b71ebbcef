/**
 * The fake sibling-toolkit checkouts (fixtures/toolkits/<name>/): what each
 * one imitates, what the detector must say about it, which call sites a
 * default run must report, and how to run its exporters against a stand-in
 * paddle. Shared by test/toolkits*.test.ts and test/runtime/toolkits*.test.ts.
 *
 * Python writes no bytecode (-B) and exports into a temporary directory, so a
 * tree is never modified by running it.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fakePaddlePath, type FakePaddleOptions } from "./fake-paddle.js";
import { runPython, type PythonResult } from "./run-python.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TOOLKITS_DIR = join(REPO_ROOT, "fixtures", "toolkits");

/** One way to export a model from a fake toolkit. */
export interface ToolkitExport {
  /** Short id used in test names. */
  readonly id: string;
  /** Folder (below the tree root) the command runs in. */
  readonly cwd: string;
  /** Arguments after `python3 -B`, given the output folder. */
  readonly args: (outDir: string) => string[];
  /** The `.pdmodel` marker the stand-in `paddle.jit.save` writes, below outDir. */
  readonly model: string;
  /** The branch it runs already passes a bare `full_graph=True` (upstream's style): TypeError on 2.3/2.4, left alone. */
  readonly upstreamFixed: boolean;
  /** The export reads the converted program (so unpatched it dies on 2.6+). */
  readonly readsProgram: boolean;
}

export interface FakeToolkit {
  /** Folder under fixtures/toolkits. */
  readonly name: string;
  /** `kind` the detector reports. */
  readonly kind: string;
  /** Display name the detector reports. */
  readonly toolkit: string;
  /** Detector label and version source (null source when no version is known). */
  readonly label: string;
  readonly source: string;
  readonly version: string | null;
  /** Sites a default `--check --json` run reports, per file: `class/action` in order. */
  readonly sites: Readonly<Record<string, readonly string[]>>;
  readonly exports: readonly ToolkitExport[];
}

const times = (n: number, what: string) => Array.from({ length: n }, () => what);

export const FAKE_TOOLKITS: readonly FakeToolkit[] = [
  {
    name: "paddleocr",
    kind: "paddleocr",
    toolkit: "PaddleOCR",
    label: "2.9.1",
    source: "pyproject.toml version",
    version: "2.9.1",
    sites: {
      "ppocr/modeling/architectures/__init__.py": ["other/skipped"],
      "ppocr/utils/export_model.py": [
        "export/would-fix",
        "export/would-fix",
        ...times(4, "export/already-fixed"),
        "export/would-fix",
      ],
      "tools/export_model.py": times(15, "export/would-fix"),
    },
    exports: [
      {
        id: "rec (bare to_static in an if/elif branch)",
        cwd: ".",
        args: (out) => ["tools/export_model.py", "-c", "configs/rec/tiny_rec.yml", "-o", `Global.save_inference_dir=${out}`],
        model: "inference.pdmodel",
        upstreamFixed: false,
        readsProgram: false,
      },
      {
        id: "det (multi-line generic branch)",
        cwd: ".",
        args: (out) => ["tools/export_model.py", "-c", "configs/det/tiny_det.yml", "-o", `Global.save_inference_dir=${out}`],
        model: "inference.pdmodel",
        upstreamFixed: false,
        readsProgram: false,
      },
      {
        id: "table (ppocr/utils/export_model.py helper)",
        cwd: ".",
        args: (out) => ["tools/export_model.py", "-c", "configs/rec/tiny_table.yml", "-o", `Global.save_inference_dir=${out}`],
        model: "inference.pdmodel",
        upstreamFixed: false,
        readsProgram: false,
      },
      {
        id: "formula (upstream's full_graph=True, trailing comma)",
        cwd: ".",
        args: (out) => ["tools/export_model.py", "-c", "configs/rec/tiny_formula.yml", "-o", `Global.save_inference_dir=${out}`],
        model: "inference.pdmodel",
        upstreamFixed: true,
        readsProgram: false,
      },
    ],
  },
  {
    name: "paddleseg",
    kind: "paddleseg",
    toolkit: "PaddleSeg",
    label: "2.8.0",
    source: "paddleseg/__init__.py __version__",
    version: "2.8.0",
    sites: {
      "paddleseg/core/train.py": ["other/skipped"],
      "tools/analyze_model.py": ["other/skipped"],
      "tools/export.py": ["export/would-fix"],
    },
    exports: [
      {
        id: "net.forward converted in place",
        cwd: ".",
        args: (out) => ["tools/export.py", "--config", "configs/tiny_seg.yml", "--save_dir", out],
        model: "model.pdmodel",
        upstreamFixed: false,
        readsProgram: false,
      },
    ],
  },
  {
    name: "paddleclas",
    kind: "paddleclas",
    toolkit: "PaddleClas",
    label: "2.6.0",
    source: "version.txt",
    version: "2.6.0",
    sites: {
      "ppcls/arch/__init__.py": ["other/skipped"],
      "ppcls/engine/engine.py": ["export/would-fix"],
    },
    exports: [
      {
        id: "Engine.export",
        cwd: ".",
        args: (out) => ["tools/export_model.py", "-c", "ppcls/configs/tiny_cls.yaml", "-o", `Global.save_inference_dir=${out}`],
        model: "inference.pdmodel",
        upstreamFixed: false,
        readsProgram: false,
      },
    ],
  },
  {
    name: "rtdetr",
    kind: "rtdetr",
    toolkit: "RT-DETR",
    label: "RT-DETR tree rtdetr_paddle/ (vendored ppdet, no PaddleDetection version)",
    source: "none",
    version: null,
    sites: {
      "rtdetr_paddle/ppdet/engine/export_utils.py": ["other/skipped"],
      "rtdetr_paddle/ppdet/engine/trainer.py": ["required/would-fix"],
    },
    exports: [
      {
        id: "vendored ppdet trainer",
        cwd: "rtdetr_paddle",
        args: (out) => ["tools/export_model.py", "-c", "configs/rtdetr/rtdetr_tiny.yml", "--output_dir", out],
        model: "rtdetr_tiny/model.pdmodel",
        upstreamFixed: false,
        readsProgram: true,
      },
    ],
  },
];

/** `fixtures/toolkits/<name>/<tree>` (tree defaults to `input`). */
export function toolkitPath(name: string, tree: "input" | "expected" = "input"): string {
  return join(TOOLKITS_DIR, name, tree);
}

export function findToolkit(name: string): FakeToolkit {
  const t = FAKE_TOOLKITS.find((k) => k.name === name);
  if (!t) throw new Error(`no fake toolkit ${name}`);
  return t;
}

export interface ToolkitRunResult extends PythonResult {
  /** The stand-in `paddle.jit.save` wrote its `.pdmodel` marker. */
  exported: boolean;
  /** Contents of that marker (release, how the forward was converted, inputs), or null. */
  model: string | null;
}

/** Runs one exporter of a fake toolkit tree against the stand-in paddle of `release`. */
export async function runToolkitExport(
  treeDir: string,
  exp: ToolkitExport,
  release: string,
  options: { paddle?: FakePaddleOptions; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<ToolkitRunResult> {
  const paddleDir = await fakePaddlePath(release, options.paddle);
  const outDir = await mkdtemp(join(tmpdir(), "pfgf-tk-export-"));
  try {
    const result = await runPython({
      cwd: join(treeDir, exp.cwd),
      args: exp.args(outDir),
      pythonPath: [paddleDir],
      env: options.env,
      timeoutMs: options.timeoutMs,
    });
    const marker = join(outDir, exp.model);
    const model = existsSync(marker) ? await readFile(marker, "utf8") : null;
    return { ...result, exported: model !== null, model };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** `python3 -B <args>` in `treeDir/cwd` against the stand-in paddle of `release`. */
export async function runToolkitScript(
  treeDir: string,
  cwd: string,
  args: readonly string[],
  release: string,
  options: { paddle?: FakePaddleOptions; timeoutMs?: number } = {},
): Promise<PythonResult> {
  const paddleDir = await fakePaddlePath(release, options.paddle);
  return runPython({ cwd: join(treeDir, cwd), args, pythonPath: [paddleDir], timeoutMs: options.timeoutMs });
}
