// Python source shaped like a detection toolkit (layers, data transforms,
// trainers, scripts), generated from scratch from a seeded PRNG. Nothing here
// is copied from a real project: the vocabulary is generic and the code is
// random composition of ordinary statements. Every module parses.

const NOUNS = [
  "feat", "bbox", "score", "anchor", "mask", "label", "stride", "level", "roi", "gt", "pred", "logit",
  "center", "offset", "weight", "target", "grid", "point", "kpt", "heatmap", "iou", "proposal", "cls",
  "reg", "box", "img", "scale", "shape", "num", "idx", "prior", "embed", "query", "key", "value", "attn",
  "depth", "width", "height", "ratio", "loss", "norm", "dist", "coord", "region", "patch", "token", "pos",
];
const ADJS = ["fpn", "pan", "csp", "res", "dark", "lite", "fast", "mask", "cascade", "sparse", "dense", "multi", "ghost", "rep", "ese", "hybrid", "deform", "shuffle", "mobile", "hr"];
const CLASS_PARTS = [
  "Res", "Net", "CSP", "Dark", "FPN", "PAN", "Head", "Neck", "Loss", "Assigner", "Conv", "Block", "Layer",
  "Stage", "Encoder", "Decoder", "Transformer", "Fusion", "Pyramid", "Detector", "Tracker", "Embed",
  "Align", "Pool", "Anchor", "Generator", "Matcher", "Focal", "GIoU", "Ghost", "Rep", "Lite", "Hybrid",
  "Sparse", "Dense", "Mask", "Cascade", "Keypoint", "Pose", "Segment", "Mobile", "Shuffle", "HR",
];
const OPS = [
  "paddle.concat", "paddle.reshape", "paddle.transpose", "paddle.split", "paddle.stack", "paddle.gather",
  "paddle.where", "paddle.clip", "paddle.exp", "paddle.sigmoid", "paddle.argmax", "paddle.topk",
  "paddle.zeros_like", "paddle.ones_like", "paddle.full", "paddle.arange", "paddle.meshgrid", "paddle.cast",
  "paddle.unsqueeze", "paddle.squeeze", "paddle.flatten", "paddle.max", "paddle.sum", "paddle.mean",
  "F.relu", "F.sigmoid", "F.softmax", "F.interpolate", "F.pad", "F.cross_entropy", "F.smooth_l1_loss",
  "F.binary_cross_entropy_with_logits", "F.adaptive_avg_pool2d", "F.max_pool2d", "F.silu", "F.leaky_relu",
  "np.array", "np.concatenate", "np.maximum", "np.minimum", "np.zeros", "np.where", "np.clip", "np.round",
];
const BUILTINS = ["len", "isinstance", "int", "float", "list", "tuple", "zip", "getattr", "hasattr", "min", "max", "sorted", "range", "dict", "str", "round", "abs", "os.path.join", "math.sqrt", "copy.deepcopy"];
const METHODS = ["get", "astype", "numpy", "reshape", "transpose", "unsqueeze", "flatten", "split", "items", "keys", "append", "index", "format", "sum", "mean", "clone", "detach", "tolist"];
const LAYERS = ["nn.Conv2D", "nn.BatchNorm2D", "nn.Linear", "nn.LayerNorm", "nn.Dropout", "nn.MaxPool2D", "nn.Upsample", "nn.Conv2DTranspose", "nn.GroupNorm"];
const ACTS = ["'relu'", "'silu'", "'swish'", "'leaky'", "'mish'", "'hardswish'", "None"];
const WORDS = [
  "the", "input", "feature", "map", "output", "tensor", "of", "each", "level", "is", "used", "to", "compute",
  "boxes", "scores", "for", "all", "anchors", "in", "batch", "with", "shape", "channels", "default", "number",
  "classes", "stride", "when", "training", "only", "inference", "returns", "a", "list", "dict", "keys",
  "config", "model", "layer", "weights", "decay", "value", "whether", "use", "mode", "if", "not", "set",
  "predicted", "targets", "matched", "ground", "truth", "iou", "threshold", "keep", "top", "k", "per", "image",
];

export function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  return out.join(" ");
}

export function sentence(r, lo = 4, hi = 12) {
  const s = words(r, r.int(lo, hi));
  return s[0].toUpperCase() + s.slice(1) + ".";
}

export function className(r) {
  let name = "";
  const n = r.int(2, 3);
  for (let i = 0; i < n; i++) name += r.pick(CLASS_PARTS);
  return name + (r.chance(0.2) ? `V${r.int(2, 4)}` : "");
}

export function varName(r) {
  const a = r.pick(NOUNS);
  const roll = r.next();
  if (roll < 0.4) return a;
  if (roll < 0.75) return `${a}_${r.pick(NOUNS)}`;
  if (roll < 0.9) return `${r.pick(ADJS)}_${a}`;
  return `${a}${r.int(1, 5)}`;
}

export function funcName(r) {
  const verbs = ["get", "build", "compute", "apply", "decode", "encode", "gather", "match", "assign", "prepare", "merge", "filter", "update", "init", "load", "convert", "resize", "normalize", "sample", "split"];
  return `${r.pick(verbs)}_${varName(r)}`;
}

function literal(r) {
  const roll = r.next();
  if (roll < 0.35) return String(r.int(0, 512));
  if (roll < 0.55) return `${r.int(0, 9)}.${r.int(0, 99)}`;
  if (roll < 0.7) return `'${varName(r)}'`;
  if (roll < 0.8) return r.pick(["True", "False", "None"]);
  return `[${Array.from({ length: r.int(1, 4) }, () => r.int(-1, 256)).join(", ")}]`;
}

function expr(r, vars) {
  const v = () => (vars.length && r.chance(0.8) ? r.pick(vars) : literal(r));
  const roll = r.next();
  if (roll < 0.45) {
    const args = [v()];
    if (r.chance(0.5)) args.push(v());
    if (r.chance(0.5)) args.push(`${r.pick(["axis", "shape", "dtype", "keepdim", "perm", "mode", "align_corners", "stop_gradient"])}=${literal(r)}`);
    // Library calls are about a third of all calls; the rest are builtins and methods.
    const callee = r.chance(0.35) ? r.pick(OPS) : r.chance(0.5) ? r.pick(BUILTINS) : `${vars.length ? r.pick(vars) : "self"}.${r.pick(METHODS)}`;
    return `${callee}(${args.join(", ")})`;
  }
  if (roll < 0.6) return `self.${varName(r)}(${v()})`;
  if (roll < 0.75) return `${v()} ${r.pick(["+", "-", "*", "/", "//", "%"])} ${v()}`;
  if (roll < 0.85) return `${v()}[${r.pick([":", "0", "1", "-1", ":, 0", "..., :2", "i"])}]`;
  if (roll < 0.92) return `[${r.pick(vars.length ? vars : ["x"])} for ${r.pick(["i", "j", "k"])} in range(${r.int(1, 8)})]`;
  return literal(r);
}

/** Wrap a long `head(args)` line the way yapf does: break after the paren. */
function callLine(ind, text) {
  if (ind.length + text.length <= 80) return [ind + text];
  const open = text.indexOf("(");
  if (open < 0 || !text.endsWith(")")) return [ind + text];
  return [ind + text.slice(0, open + 1), `${ind}    ${text.slice(open + 1)}`];
}

/** A nested block's body: statements with at least one that is not a comment. */
function body(r, ind, vars, depth, count) {
  const out = statements(r, ind, vars, depth, count);
  if (out.every((l) => l.trimStart().startsWith("#"))) out.push(`${ind}pass`);
  return out;
}

/** A few statements at indent `ind`, possibly nested once or twice. */
export function statements(r, ind, vars, depth = 0, count = r.int(2, 6)) {
  const out = [];
  for (let s = 0; s < count; s++) {
    const roll = r.next();
    if (roll < 0.34) {
      const name = varName(r);
      out.push(...callLine(ind, `${name} = ${expr(r, vars)}`));
      vars.push(name);
    } else if (roll < 0.44 && depth < 2) {
      out.push(`${ind}if ${r.pick(vars.length ? vars : ["self.training"])} ${r.pick(["is None", "is not None", "> 0", "== 0", "< 1"])}:`);
      out.push(...body(r, ind + "    ", vars.slice(), depth + 1, r.int(1, 3)));
      if (r.chance(0.4)) {
        out.push(`${ind}else:`);
        out.push(...body(r, ind + "    ", vars.slice(), depth + 1, r.int(1, 2)));
      }
    } else if (roll < 0.52 && depth < 2) {
      const item = varName(r);
      out.push(`${ind}for i, ${item} in enumerate(${r.pick(vars.length ? vars : ["self.layers"])}):`);
      out.push(...body(r, ind + "    ", [...vars, item, "i"], depth + 1, r.int(1, 3)));
    } else if (roll < 0.6) {
      out.push(`${ind}# ${words(r, r.int(4, 12))}`);
    } else if (roll < 0.66) {
      const name = varName(r);
      out.push(`${ind}${name} = {`);
      for (let k = r.int(2, 5); k > 0; k--) out.push(`${ind}    '${varName(r)}': ${expr(r, vars)},`);
      out.push(`${ind}}`);
      vars.push(name);
    } else if (roll < 0.72) {
      out.push(`${ind}logger.${r.pick(["info", "debug", "warning"])}("${words(r, r.int(3, 8))}: {}".format(${r.pick(vars.length ? vars : ["0"])}))`);
    } else if (roll < 0.77 && depth < 2) {
      out.push(`${ind}try:`);
      out.push(...body(r, ind + "    ", vars.slice(), depth + 1, r.int(1, 2)));
      out.push(`${ind}except ${r.pick(["ValueError", "KeyError", "IndexError", "Exception"])} as e:`);
      out.push(`${ind}    logger.warning("${words(r, r.int(3, 6))}: {}".format(e))`);
    } else if (roll < 0.81 && depth < 2) {
      out.push(`${ind}with paddle.no_grad():`);
      out.push(...body(r, ind + "    ", vars.slice(), depth + 1, r.int(1, 2)));
    } else if (roll < 0.86 && vars.length) {
      out.push(`${ind}assert ${r.pick(vars)} is not None, "${words(r, r.int(3, 7))}"`);
    } else if (roll < 0.93 && vars.length) {
      out.push(...callLine(ind, `${r.pick(vars)}.append(${expr(r, vars)})`));
    } else {
      const name = varName(r);
      out.push(...callLine(ind, `${name} = ${r.pick(OPS)}(${r.pick(vars.length ? vars : ["0"])}, ${literal(r)})`));
      vars.push(name);
    }
  }
  return out;
}

function docstring(r, ind, params) {
  const out = [`${ind}"""`, `${ind}${sentence(r, 6, 14)}`];
  if (r.chance(0.5)) out.push(`${ind}${sentence(r, 6, 14)}`);
  if (params.length) {
    out.push("", `${ind}Args:`);
    for (const p of params) out.push(`${ind}    ${p} (${r.pick(["int", "float", "bool", "str", "list", "dict", "Tensor"])}): ${words(r, r.int(4, 10))}`);
  }
  if (r.chance(0.5)) out.push("", `${ind}Returns:`, `${ind}    ${words(r, r.int(4, 9))}`);
  out.push(`${ind}"""`);
  return out;
}

/** A top-level function. */
export function functionBlock(r, name = funcName(r)) {
  const params = Array.from({ length: r.int(1, 4) }, () => varName(r)).filter((p, i, a) => a.indexOf(p) === i);
  // Once a parameter has a default, the ones after it need one too.
  const first = params.length > 1 && r.chance(0.5) ? r.int(1, params.length - 1) : params.length;
  const out = [`def ${name}(${params.map((p, i) => (i >= first ? `${p}=${literal(r)}` : p)).join(", ")}):`];
  if (r.chance(0.6)) out.push(...docstring(r, "    ", params));
  out.push(...statements(r, "    ", params.slice(), 0, r.int(3, 10)));
  out.push(`    return ${r.pick(params)}`);
  return out;
}

/** A layer class (register-style decorators, __init__, forward, helpers). */
export function classBlock(r, extraMethods = [], name = className(r)) {
  const params = Array.from({ length: r.int(2, 7) }, () => varName(r)).filter((p, i, a) => a.indexOf(p) === i);
  const out = [];
  if (r.chance(0.7)) out.push("@register");
  if (r.chance(0.4)) out.push("@serializable");
  out.push(`class ${name}(${r.pick(["nn.Layer", "nn.Layer", "object", "BaseArch"])}):`);
  out.push(...docstring(r, "    ", params));
  if (r.chance(0.4)) out.push(`    __shared__ = ['num_classes']`);
  if (r.chance(0.3)) out.push(`    __inject__ = ['${varName(r)}']`);
  out.push("");
  const head = `    def __init__(self,`;
  out.push(head);
  params.forEach((p, i) => out.push(`                 ${p}=${literal(r)}${i === params.length - 1 ? "):" : ","}`));
  out.push(`        super(${name}, self).__init__()`);
  for (const p of params) out.push(`        self.${p} = ${p}`);
  if (r.chance(0.6)) {
    out.push(`        self.${varName(r)}s = nn.LayerList()`);
    out.push(`        for i in range(${r.pick(params)}):`);
    out.push(`            conv = ${r.pick(LAYERS)}(`);
    out.push(`                ${literal(r)},`);
    out.push(`                ${literal(r)},`);
    out.push(`                weight_attr=ParamAttr(initializer=Normal(mean=0., std=0.01)))`);
    out.push(`            self.add_sublayer('conv_{}'.format(i), conv)`);
  }
  if (r.chance(0.4)) out.push(`        self.act = ${ACTS[r.int(0, ACTS.length - 1)]}`);
  const methods = [["forward", ["inputs"]]];
  for (let m = r.int(0, 4); m > 0; m--) methods.push([`_${funcName(r)}`, Array.from({ length: r.int(1, 3) }, () => varName(r)).filter((p, i, a) => a.indexOf(p) === i)]);
  const extras = extraMethods.slice();
  for (const [mname, margs] of methods) {
    out.push("");
    if (extras.length && r.chance(0.5)) {
      out.push(...extras.shift(), "");
    }
    out.push(`    def ${mname}(self, ${margs.join(", ")}):`);
    if (r.chance(0.3)) out.push(...docstring(r, "        ", margs));
    out.push(...statements(r, "        ", margs.slice(), 0, r.int(3, 12)));
    out.push(`        return ${r.pick(margs)}`);
  }
  for (const extra of extras) out.push("", ...extra);
  return out;
}

export function header(r, year) {
  return [
    `# Copyright (c) ${year} Detection Bench Authors. All Rights Reserved.`,
    "#",
    "# Generated for paddle-fullgraph-fix's benchmark: shaped like a detection",
    "# toolkit module, written from scratch by a seeded generator.",
    "",
  ];
}

export function importsBlock(r, kind) {
  const out = [];
  if (r.chance(0.5)) out.push("from __future__ import absolute_import", "from __future__ import division", "from __future__ import print_function", "");
  const std = ["os", "sys", "math", "copy", "time", "json", "six", "numbers", "collections", "typing"];
  for (const m of r.shuffle(std).slice(0, r.int(1, 4)).sort()) out.push(`import ${m}`);
  out.push("import numpy as np");
  out.push("import paddle");
  if (kind !== "data" && kind !== "tools") {
    out.push("import paddle.nn as nn", "import paddle.nn.functional as F", "from paddle import ParamAttr", "from paddle.nn.initializer import Normal, Constant");
  }
  out.push("from ppdet.core.workspace import register, serializable");
  if (r.chance(0.5)) out.push(`from ..${r.pick(["ops", "layers", "bbox_utils", "initializer", "shape_spec"])} import ${funcName(r)}, ${funcName(r)}`);
  out.push("", "from ppdet.utils.logger import setup_logger", "logger = setup_logger(__name__)", "");
  return out;
}

// ---- mentions of to_static that are not calls of paddle.jit.to_static ----

export const MENTIONS = {
  // A decorator the tool must never touch (and a method that only runs eagerly).
  notToStatic: (r) => [
    "    @paddle.jit.not_to_static",
    `    def _${funcName(r)}_numpy(self, ${"x"}):`,
    "        # runs eagerly: excluded from to_static conversion",
    "        x = x.numpy()",
    "        return np.argsort(x)[::-1]",
  ],
  // A config lookup and a call of a helper whose name contains to_static.
  cfgGet: (r) => [
    `def maybe_${funcName(r)}(cfg, model):`,
    "    from ppdet.engine.export_utils import apply_to_static",
    "    if cfg.get('to_static', False):",
    "        model = apply_to_static(cfg, model)",
    "    return model",
  ],
  // A command-line flag.
  argparse: (r) => [
    `def add_${varName(r)}_args(parser):`,
    "    parser.add_argument(",
    '        "--to_static",',
    "        action='store_true',",
    "        default=False,",
    `        help="${sentence(r, 3, 6)} Enable dy2st to train.")`,
    "    return parser",
  ],
  // Comments.
  comment: (r) => [
    `# NOTE: ${words(r, 5)} to_static ${words(r, 4)}`,
    `# paddle.jit.to_static(model) is ${words(r, 6)}`,
  ],
  // A string.
  string: (r) => [
    `def warn_${varName(r)}(name):`,
    `    logger.warning("'{}' is not supported under to_static, ${words(r, 3)}".format(name))`,
  ],
  // A dict of defaults.
  defaults: (r) => [
    `${varName(r).toUpperCase()}_DEFAULTS = {`,
    "    'to_static': False,",
    `    'use_ema': ${r.pick(["True", "False"])},`,
    `    'log_iter': ${r.int(10, 100)},`,
    "}",
  ],
};

// ---- real export sites (calls the tool must find) ----

/** Trainer-like module: the export that reads .forward.main_program, then saves. */
export function trainerExport(className_) {
  return [
    `class ${className_}(object):`,
    '    """Runs training, evaluation and export for one config."""',
    "",
    "    def __init__(self, cfg, mode='train'):",
    "        self.cfg = cfg",
    "        self.mode = mode",
    "        self.model = create(cfg.architecture)",
    "        if self.cfg.get('to_static', False):",
    "            self.model = apply_to_static(self.cfg, self.model)",
    "",
    "    def _get_infer_cfg_and_input_spec(self,",
    "                                      save_dir,",
    "                                      prune_input=True,",
    "                                      kl_quant=False,",
    "                                      yaml_name=None):",
    "        image_shape = None",
    "        im_shape = [None, 2]",
    "        scale_factor = [None, 2]",
    "        test_reader_name = 'TestReader'",
    "        if 'inputs_def' in self.cfg[test_reader_name]:",
    "            inputs_def = self.cfg[test_reader_name]['inputs_def']",
    "            image_shape = inputs_def.get('image_shape', None)",
    "        if image_shape is None:",
    "            image_shape = [None, 3, -1, -1]",
    "        if len(image_shape) == 3:",
    "            image_shape = [None] + image_shape",
    "",
    "        _dump_infer_config(self.cfg,",
    "                           os.path.join(save_dir, yaml_name), image_shape,",
    "                           self.model)",
    "",
    "        input_spec = [{",
    '            "image": InputSpec(',
    "                shape=image_shape, name='image'),",
    '            "im_shape": InputSpec(',
    "                shape=im_shape, name='im_shape'),",
    '            "scale_factor": InputSpec(',
    "                shape=scale_factor, name='scale_factor')",
    "        }]",
    "        if prune_input:",
    "            static_model = paddle.jit.to_static(",
    "                self.model, input_spec=input_spec)",
    "            # prune the converted program's inputs to the ones it uses",
    "            pruned_input_spec = _prune_input_spec(",
    "                input_spec, static_model.forward.main_program,",
    "                static_model.forward.outputs)",
    "        else:",
    "            static_model = None",
    "            pruned_input_spec = input_spec",
    "",
    "        return static_model, pruned_input_spec",
    "",
    "    def export(self, output_dir='output_inference'):",
    "        self.model.eval()",
    "        model_name = os.path.splitext(os.path.split(self.cfg.filename)[-1])[0]",
    "        save_dir = os.path.join(output_dir, model_name)",
    "        if not os.path.exists(save_dir):",
    "            os.makedirs(save_dir)",
    "        static_model, pruned_input_spec = self._get_infer_cfg_and_input_spec(",
    "            save_dir, yaml_name='infer_cfg.yml')",
    "        paddle.jit.save(",
    "            static_model,",
    "            os.path.join(save_dir, 'model'),",
    "            input_spec=pruned_input_spec)",
    '        logger.info("Export model and saved in {}".format(save_dir))',
  ];
}

/** The training-time conversion: a real call, classified `other` (skipped). */
export function applyToStatic() {
  return [
    "def apply_to_static(config, model):",
    '    """Convert the model for --to_static training; nothing reads its program."""',
    "    filter_no_jit = config.get('filter_no_jit', None)",
    "    spec = TO_STATIC_SPEC.get(config.get('filename', None), None)",
    "    model = paddle.jit.to_static(model, input_spec=spec)",
    '    logger.info("Successfully to apply @to_static with specs: {}".format(spec))',
    "    return model",
  ];
}

/** A quantization exporter: converted, then saved. */
export function quantExport() {
  return [
    "class QuantExporter(object):",
    "    def __init__(self, quant_config):",
    "        self.quant_config = quant_config",
    "",
    "    def export_quant_model(self, model, save_dir, input_spec):",
    "        model.eval()",
    "        static = paddle.jit.to_static(model, input_spec=input_spec)",
    "        paddle.jit.save(static, os.path.join(save_dir, 'model'))",
    "        return save_dir",
  ];
}

/** A deploy script: module-level conversion and save. */
export function scriptExport() {
  return [
    "def main(args):",
    "    model = load_model(args.config, args.weights)",
    "    model.eval()",
    "    model = paddle.jit.to_static(",
    "        model,",
    "        input_spec=[",
    "            paddle.static.InputSpec(",
    "                shape=[None, 3, 640, 640], name='image'),",
    "        ])",
    "    paddle.jit.save(model, args.save_file)",
    "",
    "",
    "if __name__ == '__main__':",
    "    main(parse_args())",
  ];
}

/** A big-file export function (many of these make the 20 MB file). */
export function bigExport(r, i) {
  const name = `${varName(r)}_${i}`;
  return [
    `def export_${name}(model, save_dir, image_size=${r.pick([320, 416, 512, 640, 800])}):`,
    `    """Export the ${name} variant; ${words(r, r.int(3, 8))}."""`,
    "    model.eval()",
    "    input_spec = [",
    `        InputSpec(shape=[None, 3, image_size, image_size], name='image'),`,
    `        InputSpec(shape=[None, 2], name='scale_factor'),`,
    "    ]",
    "    static_model = paddle.jit.to_static(",
    "        model, input_spec=input_spec)",
    `    paddle.jit.save(static_model, os.path.join(save_dir, '${name}'))`,
    "    return static_model",
  ];
}
