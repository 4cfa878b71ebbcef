// The benchmark's inputs, generated deterministically from a seed:
//   - a checkout shaped like PaddleDetection (about 460 .py files, 6 MB of
//     Python, plus configs, docs, C++ and binaries),
//   - the same ×100 (one folder holding 100 such checkouts, each from its own
//     seed), reused across runs while its stamp matches,
//   - one 20 MB Python file full of export calls.
// Layout and vocabulary are generic; nothing is copied from a real project.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rng, seedOf } from "./rng.mjs";
import * as py from "./pygen.mjs";
import { words } from "./pygen.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Changes whenever this file or the Python generator changes. */
export function generatorVersion() {
  const h = createHash("sha256");
  for (const f of ["inputs.mjs", "pygen.mjs", "rng.mjs"]) h.update(fs.readFileSync(path.join(HERE, f)));
  return h.digest("hex").slice(0, 16);
}

export const PY_FILES = 460;
export const PY_BYTES = 6_000_000;

// [folder, number of .py files, kind]. Every package folder gets an
// __init__.py on top of its count. Counts are trimmed to PY_FILES below.
const LAYOUT = [
  ["ppdet/core", 3, "engine"],
  ["ppdet/core/config", 2, "utils"],
  ["ppdet/data", 3, "data"],
  ["ppdet/data/source", 16, "data"],
  ["ppdet/data/transform", 14, "data"],
  ["ppdet/data/crop_utils", 2, "data"],
  ["ppdet/engine", 5, "engine"], // plus trainer.py, trainer_ssod.py, export_utils.py
  ["ppdet/metrics", 11, "utils"],
  ["ppdet/modeling", 9, "modeling"],
  ["ppdet/modeling/architectures", 40, "modeling"],
  ["ppdet/modeling/backbones", 37, "modeling"],
  ["ppdet/modeling/heads", 50, "modeling"],
  ["ppdet/modeling/necks", 15, "modeling"],
  ["ppdet/modeling/losses", 30, "modeling"],
  ["ppdet/modeling/assigners", 15, "modeling"],
  ["ppdet/modeling/transformers", 15, "modeling"],
  ["ppdet/modeling/proposal_generator", 6, "modeling"],
  ["ppdet/modeling/reid", 10, "modeling"],
  ["ppdet/modeling/mot/tracker", 8, "modeling"],
  ["ppdet/modeling/mot/matching", 4, "modeling"],
  ["ppdet/modeling/ssod", 4, "modeling"],
  ["ppdet/modeling/coders", 2, "modeling"],
  ["ppdet/optimizer", 4, "engine"],
  ["ppdet/slim", 7, "engine"], // plus quant.py
  ["ppdet/utils", 15, "utils"],
  ["ppdet/ext_op", 1, "utils"],
  ["tools", 9, "tools"],
  ["deploy/python", 18, "tools"],
  ["deploy/pipeline", 6, "tools"],
  ["deploy/pipeline/pphuman", 12, "tools"],
  ["deploy/pipeline/ppvehicle", 10, "tools"],
  ["deploy/pipeline/pptracking", 14, "tools"],
  ["deploy/pptracking/python", 20, "tools"],
  ["deploy/serving/python", 6, "tools"],
  ["deploy/third_engine/onnx", 6, "tools"],
  ["deploy/third_engine/openvino", 6, "tools"],
  ["deploy/third_engine/tensorrt", 6, "tools"],
  ["deploy/end2end_ppyoloe", 2, "tools"], // plus export_nms.py
  ["deploy/auto_compression", 4, "tools"],
  ["test_tipc/supplementary", 8, "tools"],
  ["dataset", 5, "tools"],
];
const PACKAGES = (dir) => dir.startsWith("ppdet");

const SITE_FILES = {
  "ppdet/engine/trainer.py": { kind: "engine", min: 60_000, sites: 1 },
  "ppdet/engine/trainer_ssod.py": { kind: "engine", min: 30_000, sites: 1 },
  "ppdet/engine/export_utils.py": { kind: "utils", min: 8_000, sites: 1 },
  "ppdet/slim/quant.py": { kind: "engine", min: 6_000, sites: 1 },
  "deploy/end2end_ppyoloe/export_nms.py": { kind: "tools", min: 4_000, sites: 1 },
};
// paddle.jit.to_static calls in every checkout; 4 are export paths the tool
// fixes, apply_to_static's is a training-time conversion it skips.
export const CALLS_PER_CHECKOUT = 5;
export const FIXES_PER_CHECKOUT = 4;
// Upstream develop has 6 .py files that name to_static; here 5 call sites plus
// these mention-only files (more than upstream, so a bit more parsing).
const MENTION_FILES = 10;

const GITIGNORE = ["*.pyc", "__pycache__/", "output/", "output_inference/", "*.egg-info/", "build/", "dist/", "dataset/coco/", "dataset/voc/", ".idea/", "*.log", ""].join("\n");

function moduleName(r, used, suffix) {
  for (;;) {
    const name = `${py.varName(r)}${suffix ? `_${suffix}` : ""}.py`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Python module text of about `target` bytes. */
function moduleText(r, kind, target, { mentions = [], fixed = [] } = {}) {
  const lines = [...py.header(r, r.int(2019, 2024))];
  if (r.chance(0.6)) lines.push('"""', py.sentence(r, 5, 12), '"""', "");
  lines.push(...py.importsBlock(r, kind));
  if (r.chance(0.6)) lines.push(`__all__ = [${Array.from({ length: r.int(1, 4) }, () => `'${py.className(r)}'`).join(", ")}]`, "");
  const extraMethods = mentions.filter((m) => m === "notToStatic").map((m) => py.MENTIONS[m](r));
  const topMentions = mentions.filter((m) => m !== "notToStatic").map((m) => py.MENTIONS[m](r));
  const blocks = [];
  let size = lines.join("\n").length + fixed.reduce((n, b) => n + b.join("\n").length, 0);
  let needClass = extraMethods.length > 0;
  while (size < target || needClass) {
    const classy = kind === "modeling" ? 0.75 : kind === "engine" || kind === "data" ? 0.45 : 0.2;
    const block = needClass || r.chance(classy) ? py.classBlock(r, needClass ? extraMethods : []) : py.functionBlock(r);
    const length = block.join("\n").length + 3;
    // Stop rather than overshoot the target by more than half a block.
    if (!needClass && blocks.length && size + length / 2 > target) break;
    needClass = false;
    blocks.push(block);
    size += length;
  }
  // Fixed parts (the export sites) and mentions go at seeded positions.
  for (const b of [...fixed, ...topMentions]) blocks.splice(r.int(0, blocks.length), 0, b);
  for (const b of blocks) lines.push(...b, "", "");
  if (kind === "tools" && !fixed.length && r.chance(0.5)) lines.push("if __name__ == '__main__':", `    ${py.funcName(r)}(None)`, "");
  return lines.join("\n").replace(/\n\n\n+$/, "\n").replace(/\s*$/, "\n");
}

function initText(r, siblings) {
  const lines = [...py.header(r, r.int(2019, 2024))];
  const names = siblings.map((s) => s.replace(/\.py$/, ""));
  for (const n of names) lines.push(`from . import ${n}`);
  if (names.length) lines.push("");
  for (const n of names) if (r.chance(0.6)) lines.push(`from .${n} import *`);
  return lines.join("\n") + "\n";
}

function yamlText(r, target) {
  const lines = [`_BASE_: [`, `  '../datasets/${py.varName(r)}.yml',`, `  '../runtime.yml',`, `]`, `weights: output/${py.varName(r)}/model_final`, ""];
  while (lines.join("\n").length < target) {
    lines.push(`${py.className(r)}:`);
    for (let k = r.int(2, 8); k > 0; k--) lines.push(`  ${py.varName(r)}: ${r.pick([String(r.int(0, 1000)), "true", "false", `[${r.int(1, 9)}, ${r.int(1, 9)}]`, py.varName(r)])}`);
    lines.push("");
  }
  return lines.join("\n");
}

function markdownText(r, target) {
  const lines = [`# ${py.sentence(r, 3, 6)}`, ""];
  while (lines.join("\n").length < target) {
    const roll = r.next();
    if (roll < 0.15) lines.push(`## ${py.sentence(r, 2, 5)}`, "");
    else if (roll < 0.3) lines.push("```bash", `python tools/${py.funcName(r)}.py -c configs/${py.varName(r)}.yml -o weights=${py.varName(r)}.pdparams`, "```", "");
    else if (roll < 0.4) lines.push(`| ${py.className(r)} | ${r.int(10, 60)}.${r.int(0, 9)} | ${r.int(1, 300)} | [model](${py.varName(r)}.pdparams) |`);
    else lines.push(`${py.sentence(r, 8, 30)} ${py.sentence(r, 8, 30)}`, "");
  }
  return lines.join("\n") + "\n";
}

function cppText(r, target) {
  const lines = ["// Generated for the benchmark.", "#include <vector>", "#include <string>", `#include "include/${py.varName(r)}.h"`, "", "namespace PaddleDetection {", ""];
  while (lines.join("\n").length < target) {
    lines.push(`void ${py.className(r)}::${py.funcName(r)}(const std::vector<float>& ${py.varName(r)}, int ${py.varName(r)}) {`);
    for (let k = r.int(2, 9); k > 0; k--) lines.push(`  float ${py.varName(r)} = ${py.varName(r)}[${r.int(0, 9)}] * ${r.int(1, 99)}.0f;`);
    lines.push("}", "");
  }
  lines.push("}  // namespace PaddleDetection", "");
  return lines.join("\n");
}

function shellText(r) {
  const lines = ["#!/bin/bash", "set -e"];
  for (let k = r.int(3, 20); k > 0; k--) lines.push(`python3 tools/${py.funcName(r)}.py -c configs/${py.varName(r)}/${py.varName(r)}.yml --${py.varName(r)}=${r.int(0, 9)}`);
  return lines.join("\n") + "\n";
}

function binaryBytes(r, size) {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = Math.floor(r.next() * 256);
  b[0] = 0xff; b[1] = 0xd8; b[2] = 0xff; b[3] = 0xe0; // a JPEG header
  b[10] = 0; // and a NUL, so text search treats it as binary
  return b;
}

/**
 * Writes one checkout into `root` (which must not exist or be empty).
 * Returns its manifest: counts, bytes, and which files carry calls/mentions.
 */
export function generateCheckout(root, seed) {
  const r = rng(seed);
  const files = []; // [relative path, kind, target, extra]
  const used = new Map();
  const usedIn = (dir) => {
    if (!used.has(dir)) used.set(dir, new Set(["__init__.py"]));
    return used.get(dir);
  };
  for (const site of Object.keys(SITE_FILES)) usedIn(path.dirname(site)).add(path.basename(site));

  // Plain modules.
  const plain = [];
  for (const [dir, count, kind] of LAYOUT) {
    for (let i = 0; i < count; i++) {
      const suffix = dir.endsWith("heads") ? "head" : dir.endsWith("necks") ? "fpn" : dir.endsWith("losses") ? "loss" : "";
      plain.push({ rel: `${dir}/${moduleName(r, usedIn(dir), suffix)}`, kind });
    }
  }
  const packageDirs = new Set();
  for (const [dir] of LAYOUT) {
    if (!PACKAGES(dir)) continue;
    for (let d = dir; d && d !== "."; d = path.dirname(d)) packageDirs.add(d);
  }
  const inits = [...packageDirs].sort().map((d) => ({ rel: `${d}/__init__.py`, kind: "init" }));
  const sites = Object.entries(SITE_FILES).map(([rel, spec]) => ({ rel, kind: spec.kind, site: true, min: spec.min }));
  const setup = { rel: "setup.py", kind: "tools" };
  let all = [...inits, ...sites, setup, ...plain];
  // Trim (or the layout above is short) to exactly PY_FILES, dropping plain modules.
  while (all.length > PY_FILES) {
    const i = r.int(inits.length + sites.length + 1, all.length - 1);
    all.splice(i, 1);
  }
  if (all.length < PY_FILES) throw new Error(`layout has only ${all.length} .py files`);

  // Sizes: log-normal, scaled so the Python totals PY_BYTES.
  for (const f of all) f.target = f.kind === "init" ? r.int(300, 2500) : Math.min(160_000, Math.max(f.min ?? 1500, r.lognormal(9000, 0.95)));
  const fixedInit = all.filter((f) => f.kind === "init").reduce((n, f) => n + f.target, 0);
  const scalable = all.filter((f) => f.kind !== "init");
  const factor = (PY_BYTES - fixedInit) / scalable.reduce((n, f) => n + f.target, 0);
  for (const f of scalable) f.target = Math.round(f.target * factor);

  // Mentions: some plain modules name to_static without calling paddle.jit.to_static.
  const mentionable = all.filter((f) => !f.site && f.kind !== "init");
  const mentionFiles = new Set();
  for (const f of r.shuffle(mentionable).slice(0, MENTION_FILES)) {
    const kinds = Object.keys(py.MENTIONS).filter((k) => k !== "notToStatic" || f.kind === "modeling" || f.kind === "engine");
    f.mentions = r.shuffle(kinds).slice(0, r.int(1, 2));
    mentionFiles.add(f.rel);
  }
  // tools/train.py-like flag: one tools module always has --to_static.
  const tool = all.find((f) => f.rel.startsWith("tools/") && !f.mentions);
  if (tool) {
    tool.mentions = ["argparse"];
    mentionFiles.add(tool.rel);
  }

  fs.mkdirSync(root, { recursive: true });
  const write = (rel, data) => {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, data);
    return Buffer.byteLength(data);
  };
  const manifest = { seed, pyFiles: 0, pyBytes: 0, otherFiles: 0, otherBytes: 0, siteFiles: [], mentionFiles: [...mentionFiles].sort(), calls: 0, ignoredFiles: 0 };
  const siblings = new Map();
  for (const f of all) {
    if (f.kind === "init") continue;
    const d = path.dirname(f.rel);
    if (!siblings.has(d)) siblings.set(d, []);
    siblings.get(d).push(path.basename(f.rel));
  }
  for (const f of all) {
    let text;
    if (f.kind === "init") text = initText(r, (siblings.get(path.dirname(f.rel)) ?? []).slice(0, 12));
    else if (f.site) text = moduleText(r, f.kind, f.target, { fixed: siteBlocks(f.rel, r) });
    else text = moduleText(r, f.kind, f.target, { mentions: f.mentions });
    manifest.pyBytes += write(f.rel, text);
    manifest.pyFiles++;
  }
  manifest.siteFiles = Object.keys(SITE_FILES);
  manifest.calls = CALLS_PER_CHECKOUT;

  // Everything that is not Python.
  const other = (rel, data) => {
    manifest.otherBytes += write(rel, data);
    manifest.otherFiles++;
  };
  other(".gitignore", GITIGNORE);
  other("README.md", markdownText(r, 12_000));
  other("requirements.txt", ["numpy", "tqdm", "typeguard", "visualdl>=2.2.0", "opencv-python", "PyYAML", "shapely", "scipy", "terminaltables", "Cython", "pycocotools", "setuptools", "lap", "motmetrics", "sklearn", ""].join("\n"));
  other(".style.yapf", "[style]\nbased_on_style = pep8\ncolumn_limit = 80\n");
  // Upstream develop: ~2,000 files: 814 .yml, 308 .md, 202 .txt, ~115 C++,
  // ~80 images, 32 .sh besides its 462 .py.
  const models = Array.from({ length: 55 }, () => py.varName(r));
  let configMentions = 0;
  for (let m = 0; m < models.length; m++) {
    for (let c = r.int(10, 19); c > 0; c--) {
      let text = yamlText(r, r.int(300, 3000));
      if (configMentions < 10 && r.chance(0.02)) {
        text += "to_static: false\n";
        configMentions++;
      }
      other(`configs/${models[m]}_${m}/${py.varName(r)}_${c}.yml`, text);
    }
  }
  for (let d = 0; d < 300; d++) {
    let text = markdownText(r, r.int(1000, 20_000));
    if (d % 17 === 0) text += "\nTrain with `--to_static` to convert the model with paddle.jit.to_static.\n";
    other(`docs/${r.pick(["tutorials", "advanced_tutorials", "feature_models", "MODEL_ZOO"])}/${py.varName(r)}_${d}.md`, text);
  }
  for (let c = 0; c < 115; c++) other(`deploy/cpp/${c % 2 ? "src" : "include"}/${py.varName(r)}_${c}.${c % 2 ? "cc" : "h"}`, cppText(r, r.int(2000, 15_000)));
  for (let s = 0; s < 32; s++) other(`test_tipc/${py.varName(r)}_${s}.sh`, shellText(r));
  for (let t = 0; t < 200; t++) other(`test_tipc/configs/${py.varName(r)}_${t}/train_infer_python.txt`, words(r, r.int(40, 300)).replace(/ /g, (m) => (r.chance(0.1) ? "\n" : m)) + "\n");
  for (let b = 0; b < 80; b++) other(`demo/${py.varName(r)}_${b}.jpg`, binaryBytes(r, r.int(10_000, 60_000)));
  // Ignored by .gitignore (every tool here prunes it): an export output folder.
  for (let i = 0; i < 3; i++) {
    write(`output/${py.varName(r)}_${i}/export_${i}.py`, moduleText(r, "tools", 3000, { fixed: [py.scriptExport()] }));
    manifest.ignoredFiles++;
  }
  return manifest;
}

function siteBlocks(rel, r) {
  switch (rel) {
    case "ppdet/engine/trainer.py":
      return [["from ppdet.engine.export_utils import apply_to_static, _dump_infer_config, _prune_input_spec", "from paddle.static import InputSpec"], py.trainerExport("Trainer")];
    case "ppdet/engine/trainer_ssod.py":
      return [["from ppdet.engine.export_utils import apply_to_static, _dump_infer_config, _prune_input_spec", "from paddle.static import InputSpec"], py.trainerExport(`Trainer_${py.className(r)}`)];
    case "ppdet/engine/export_utils.py":
      return [["TO_STATIC_SPEC = {", "    'configs/base/yolov3.yml': None,", "}"], py.applyToStatic()];
    case "ppdet/slim/quant.py":
      return [py.quantExport()];
    case "deploy/end2end_ppyoloe/export_nms.py":
      return [py.scriptExport()];
    default:
      throw new Error(rel);
  }
}

/**
 * One Python file of about `bytes` bytes: export functions among ordinary
 * ones. With `splitDir`, the same blocks are also written as `parts` files
 * of equal size there (ast-grep silently skips a file above ~7.4 MB, so it
 * is timed on the split copy: the same code, in pieces it will parse).
 */
export function generateBigFile(file, seed, bytes, { splitDir, parts = 4 } = {}) {
  const r = rng(seed);
  const head = [py.header(r, 2024).join("\n"), "import os", "", "import paddle", "from paddle.static import InputSpec", "", "from ppdet.utils.logger import setup_logger", "logger = setup_logger(__name__)", "", "", ""].join("\n");
  const blocks = [];
  let size = head.length;
  let calls = 0;
  for (let i = 0; size < bytes; i++) {
    let block;
    if (i % 4 === 0) {
      block = py.bigExport(r, i);
      calls++;
    } else block = r.chance(0.3) ? py.classBlock(r) : py.functionBlock(r);
    const text = block.join("\n") + "\n\n\n";
    blocks.push(text);
    size += text.length;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const data = head + blocks.join("");
  fs.writeFileSync(file, data);
  if (splitDir) {
    fs.mkdirSync(splitDir, { recursive: true });
    const per = Math.ceil(blocks.length / parts);
    for (let p = 0; p < parts; p++) {
      fs.writeFileSync(path.join(splitDir, `${path.basename(file, ".py")}_part${p + 1}.py`), head + blocks.slice(p * per, (p + 1) * per).join(""));
    }
  }
  return { bytes: Buffer.byteLength(data), calls };
}

/** True when the stamp (kept beside the folder, not in it) names this generator version and seed. */
export function stampMatches(stampFile, expected) {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, "utf8"));
    return stamp.complete === true && stamp.key === expected;
  } catch {
    return false;
  }
}

export function writeStamp(stampFile, key, manifest) {
  fs.writeFileSync(stampFile, JSON.stringify({ key, complete: true, manifest }, null, 2));
}

export function readStamp(stampFile) {
  return JSON.parse(fs.readFileSync(stampFile, "utf8"));
}

export { seedOf };
