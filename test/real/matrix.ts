/**
 * What `npm run test:real` runs: real paddlepaddle releases × real toolkit
 * packages from the registry × small models of our own (test/real/configs),
 * each exported through the toolkit's own export code by a driver of ours
 * (test/real/drivers).
 */

export interface PaddleRelease {
  /** The paddlepaddle version pip installs. */
  version: string;
  /** Why it is in the matrix. */
  why: string;
  /** The stand-in row (test/helpers/fake-paddle.ts) that covers it when there is no wheel. */
  standIn: string;
}

export const RELEASES: readonly PaddleRelease[] = [
  { version: "2.4.2", why: "rejects full_graph (TypeError); pinned by the standalone RT-DETR repository", standIn: "2.4" },
  { version: "2.5.2", why: "accepts full_graph and ignores it (whole-graph anyway)", standIn: "2.5" },
  { version: "2.6.2", why: "first release that converts with SOT by default", standIn: "2.6" },
  { version: "3.0.0", why: "first 3.x release", standIn: "3.0" },
  { version: "3.1.1", why: "newest 3.1.x", standIn: "3.0" },
  { version: "3.2.2", why: "newest 3.2.x", standIn: "3.0" },
  { version: "3.3.1", why: "newest release", standIn: "3.0" },
];

/** A shorter run that still covers a release before 2.6 (none has a wheel), 2.6 and the newest. */
export const SHORT_RUN = ["2.4.2", "2.5.2", "2.6.2", "3.3.1"];

/**
 * Extra packages, pinned, that the toolkits' import and export paths need
 * (the toolkits themselves are installed with --no-deps). Paddle's own
 * dependencies come with it, held to these versions where they overlap.
 */
export const COMMON_PINS: readonly string[] = [
  // Paddle 2.6.2 segfaults in paddle.jit.save under numpy 2 (zlib inflateReset2); its wheel does not say so.
  "numpy==1.26.4",
  // ppdet imports these at the top of modules that `import ppdet` loads.
  "pyyaml==6.0.2",
  "requests==2.32.3",
  "tqdm==4.67.1",
  "six==1.17.0",
  "opencv-python-headless==4.10.0.84",
  "pycocotools==2.0.8",
  "scipy==1.11.4",
  "matplotlib==3.8.4",
  "scikit-learn==1.3.2",
  "pandas==2.1.4",
  // ppocr/utils/export_model.py's imports (paddleocr 2.10.0)
  "shapely==2.0.6",
  "pyclipper==1.3.0.post6",
  "scikit-image==0.24.0",
  "lazy_loader==0.4",
  "packaging==24.1",
];

export interface Model {
  /** Passed to the driver as --model. */
  name: string;
  /** A few words for the results table. */
  about: string;
  /**
   * An export that fails for a reason of its own (an old toolkit on a new
   * Paddle), not the full_graph error: the patched and plain runs must fail
   * exactly so, and the control too where nothing stops it earlier. Each is
   * a candidate for the next patch in patches/.
   */
  otherFailure?: {
    /** Releases it happens on; all when absent. */
    releases?: readonly string[];
    /** The unpatched export meets it too (it does not get past the full_graph error first). */
    inControl: boolean;
    error: RegExp;
    where: string;
    why: string;
  };
}

export interface Toolkit {
  /** Distribution name on the registry. */
  id: "paddledet" | "paddleseg" | "paddleclas" | "paddleocr";
  name: string;
  requirement: string;
  /** Top-level folders of site-packages that make up its code (copied, fixed, put first on PYTHONPATH). */
  packages: string[];
  /** test/real/drivers/<driver>, or why its export cannot run here. */
  export: { driver: string; models: Model[] } | { missing: string };
  /**
   * What the CLI's default run does on the installed code: `fixes` the
   * export calls, or finds `nothing-to-fix` (only training-time conversions).
   */
  cli: "fixes" | "nothing-to-fix";
  /**
   * What its unpatched export does on Paddle 2.6+ (observed on the wheels):
   * `sot-error` dies with "Can't call ... when full_graph=False";
   * `exports` succeeds, having converted with SOT.
   */
  control: "sot-error" | "exports";
}

export const TOOLKITS: readonly Toolkit[] = [
  {
    id: "paddledet",
    name: "PaddleDetection",
    requirement: "paddledet==2.6.0",
    packages: ["ppdet"],
    export: {
      driver: "ppdet.py",
      models: [
        { name: "picodet", about: "PicoDet-style, LCNet x0.25, 160 px, raw head outputs" },
        { name: "ppyoloe", about: "PP-YOLOE-style, CSPResNet x0.125, 160 px; prunes the input spec through main_program" },
        { name: "detr", about: "DETR, ResNet-18, 1+2 transformer layers, 160 px (paddledet 2.6.0 has no RT-DETR)" },
        {
          name: "dino",
          about: "DINO, ResNet-18, 160 px",
          otherFailure: {
            inControl: false,
            // the message opens with "In transformed code:" and the source excerpt; Paddle's own text follows
            error: /^ValueError: [\s\S]*\(InvalidArgument\) The axis is expected to be in range of \[0, 0\), but got 0/,
            where: "ppdet/modeling/transformers/dino_transformer.py:479 (paddle.concat of 0-D shape tensors)",
            why: "ppdet 2.6.0 concatenates 0-D tensors, which Paddle 2.6+ refuses; plain dygraph fails the same way, with or without full_graph",
          },
        },
      ],
    },
    cli: "fixes",
    control: "sot-error",
  },
  {
    id: "paddleocr",
    name: "PaddleOCR",
    // 2.9.0 to 2.10.0 are the wheels that carry ppocr/utils/export_model.py (none ships ppocr/modeling)
    requirement: "paddleocr==2.10.0",
    packages: ["paddleocr"],
    export: {
      driver: "paddleocr.py",
      models: [
        {
          name: "det_db_tiny",
          about: "DB-style text detector (sigmoid maps), 64-128 px",
          otherFailure: {
            releases: ["3.2.2", "3.3.1"],
            inControl: true,
            // like DINO's, the message opens with the source excerpt ("In transformed code:")
            error: /^TypeError: [\s\S]*\(InvalidType\) sigmoid\(\): argument \(position 1\) must be Value, but got Variable/,
            where: "paddleocr/ppocr/utils/export_model.py export_single_model: the old-IR re-conversion (OldIrGuard)",
            why: "PaddleOCR 2.10 converts again under the old IR on Paddle 3.x by default; from 3.2 F.sigmoid refuses an old-IR Variable there, with or without full_graph (-o Global.export_with_pir=true avoids it)",
          },
        },
        { name: "rec_ctc_tiny", about: "CTC-style text recogniser, 32 px high" },
      ],
    },
    cli: "fixes",
    control: "exports",
  },
  {
    id: "paddleseg",
    name: "PaddleSeg",
    requirement: "paddleseg==2.8.0",
    packages: ["paddleseg"],
    export: { missing: "the wheel has no export code: tools/export.py (to_static, then paddle.jit.save) is not packaged; paddleseg/ only converts for training (core/train.py)" },
    cli: "nothing-to-fix",
    control: "exports",
  },
  {
    id: "paddleclas",
    name: "PaddleClas",
    requirement: "paddleclas==2.6.0",
    packages: ["paddleclas"],
    export: { missing: "the wheel has no export code: ppcls/engine (Engine.export) and tools/export_model.py are not packaged; ppcls/arch only converts for training (apply_to_static)" },
    cli: "nothing-to-fix",
    control: "exports",
  },
];

/** The models a toolkit's driver exports; none where its export cannot run here. */
export function modelsOf(toolkit: Toolkit): Model[] {
  return "models" in toolkit.export ? toolkit.export.models : [];
}

/** Whether a model's own failure happens on this release. */
export function otherFailureOn(model: Model, release: string): Model["otherFailure"] | undefined {
  const f = model.otherFailure;
  return f && (!f.releases || f.releases.includes(release)) ? f : undefined;
}
