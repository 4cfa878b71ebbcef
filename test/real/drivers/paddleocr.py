#!/usr/bin/env python3
"""Real-Paddle driver for PaddleOCR 2.x (paddle-fullgraph-fix test suite).

    python -B test/real/drivers/paddleocr.py --model det_db_tiny --out OUTDIR

Runs PaddleOCR's own export function, ``ppocr.utils.export_model.export``
(the one its ``tools/export_model.py`` calls; it converts the model with
``to_static`` and writes it with ``paddle.jit.save``), on a tiny randomly
initialised network, then loads what was written and compares the loaded
model's outputs with the dygraph model's on fixed random inputs (seeded;
--atol/--rtol, default 1e-4 each; paddle.jit.load, or paddle.inference when
that fails). The network's batch-norm statistics are first set from one
random batch: with the initial ones the outputs are nearly constant and any
comparison would pass.

Which PaddleOCR is used: whatever ``paddleocr`` package the interpreter finds
first (a patched copy first on PYTHONPATH wins over the installed one). Like
the toolkit's export tool, the driver puts that package's folder first on
sys.path, so ``ppocr`` and ``tools`` resolve inside the same copy. The
package's ``__init__`` (the OCR inference front end) is not imported.

The PyPI wheels (2.9.x, 2.10.0) ship ``ppocr/utils/export_model.py`` but not
``ppocr/modeling``, which that module imports ``build_model`` from at load
time. When ``ppocr.modeling.architectures`` cannot be found the driver
registers a stand-in module whose ``build_model`` refuses to run, and hands
the model to ``export`` through its ``base_model`` parameter, so that
``build_model`` is never needed. The stand-in is reported in the JSON
(``"standIns"``). The tiny network itself is defined here (the wheel has no
model code).

Known outcome: PaddleOCR 2.10 on Paddle >= 3.0.0b2 exports through the old
IR by default (``Global.export_with_pir`` false): it rolls the conversion
back and converts again under ``paddle.pir_utils.OldIrGuard``. On Paddle
3.2.2 and 3.3.1 ``F.sigmoid`` fails there ("sigmoid(): argument (position 1)
must be Value, but got Variable"), with or without ``full_graph``, so
``det_db_tiny`` fails on those releases; ``-o Global.export_with_pir=true``
takes the PIR path instead. The old-IR ``inference.pdmodel`` written on 3.x
is loaded with ``paddle.inference`` (``paddle.jit.load`` there looks for
``inference.json``), and the JSON says which loader was used.

Protocol: progress on stderr (file descriptor 1 points at stderr while the
toolkit and Paddle run); the last line of stdout is one JSON object:

  toolkit, model, package (the toolkit's __init__.py), paddle (__version__),
  export  {ok, seconds} or {ok: false, error, frame, lastFrame, seconds}
  files   what the export wrote under OUTDIR (relative, sorted)
  load    {ok, via, match, maxAbsDiff, atol, rtol, outputs, inputs, checks,
          seconds} (ok = loaded, ran and matched on every input; each check
          carries refRange, the spread of the dygraph output, to show the
          comparison means something), or {ok: false, error, frame, ...},
          or null when the export failed
  sot     true when paddle.jit.save was handed an SOT-converted forward
          (SymbolicStaticFunction), false for the AST translator
          (ASTStaticFunction), null when nothing reached the save
  saveCalls  what each paddle.jit.save call was handed
  exportFunction, standIns  the toolkit function run; modules stood in for
  calibratedNorms  batch-norm layers given a random batch's statistics

`error` is "ExcType: message"; `frame` the deepest traceback frame inside the
toolkit package, relative to the folder holding it ("pkg/path.py:LINE in
FUNC"), or null; `lastFrame` the deepest frame of all. Exit 0 once the JSON
is written, whatever the outcome; non-zero only for a crash before that (the
toolkit does not import, the config is invalid).

Written from scratch for paddle-fullgraph-fix's real-Paddle tests.
"""

import argparse
import copy
import importlib
import importlib.util
import json
import os
import sys
import time
import traceback
import types

TOOLKIT = "paddleocr"
HERE = os.path.dirname(os.path.abspath(__file__))
# This file is named like the toolkit: keep its folder off the import path so
# that "paddleocr" means the toolkit package, not this driver.
sys.path[:] = [p for p in sys.path
               if os.path.realpath(p or os.getcwd()) != os.path.realpath(HERE)]
CONFIG_DIR = os.path.join(os.path.dirname(HERE), "configs", TOOLKIT)
ERROR_LIMIT = 4000

import paddle  # noqa: E402  (after the sys.path fix above)
import paddle.nn as nn  # noqa: E402
import paddle.nn.functional as F  # noqa: E402


def log(*parts):
    print("[%s-driver]" % TOOLKIT, *parts, file=sys.stderr, flush=True)


def take_stdout():
    """Keep the real stdout for the JSON line; everything else goes to stderr.

    Redirected at the descriptor level so that prints from the toolkit, from
    Paddle's C++ side or from subprocesses cannot end up after the JSON.
    """
    sys.stdout.flush()
    keep = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(keep, "w")


def describe_error(exc):
    text = "%s: %s" % (type(exc).__name__, exc)
    if len(text) > ERROR_LIMIT:
        text = text[:ERROR_LIMIT] + " ...[truncated]"
    return text


def toolkit_frame(exc, package_dir):
    """Deepest traceback frame inside the toolkit package, as
    'pkg/rel/path.py:LINE in FUNC' relative to the folder holding the package."""
    base = os.path.realpath(os.path.dirname(package_dir))
    prefix = os.path.realpath(package_dir) + os.sep
    seen = set()
    current = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = None
        for frame in traceback.extract_tb(current.__traceback__):
            if os.path.realpath(frame.filename).startswith(prefix):
                found = frame
        if found is not None:
            rel = os.path.relpath(os.path.realpath(found.filename), base)
            return "%s:%d in %s" % (rel, found.lineno, found.name)
        current = current.__cause__ or current.__context__
    return None


def parse_value(text):
    import yaml

    return yaml.safe_load(text)


def apply_overrides(config, pairs):
    for pair in pairs or []:
        if "=" not in pair:
            raise SystemExit("bad -o %r: expected KEY.PATH=VALUE" % pair)
        key, value = pair.split("=", 1)
        node = config
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = parse_value(value)


def last_frame(exc):
    """Deepest frame of the traceback, relative to the sys.path entry that
    holds it (absolute when none does)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    frame = frames[-1]
    where = os.path.realpath(frame.filename)
    best = None
    for entry in sys.path:
        root = os.path.realpath(entry or os.getcwd()) + os.sep
        if where.startswith(root) and (best is None or len(root) > len(best)):
            best = root
    rel = where[len(best):] if best else where
    return "%s:%d in %s" % (rel, frame.lineno, frame.name)


def failure(exc, package_dir, started):
    return {"ok": False, "error": describe_error(exc),
            "frame": toolkit_frame(exc, package_dir), "lastFrame": last_frame(exc),
            "seconds": round(time.time() - started, 3)}


def flatten_outputs(value):
    """Tensors/arrays in a nested output, dict values by sorted key."""
    import numpy as np

    if isinstance(value, dict):
        out = []
        for key in sorted(value):
            out.extend(flatten_outputs(value[key]))
        return out
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            out.extend(flatten_outputs(item))
        return out
    if hasattr(value, "numpy"):
        return [np.asarray(value.numpy())]
    return [np.asarray(value)]


def compare(reference, produced, atol, rtol):
    import numpy as np

    result = {"outputs": len(produced), "atol": atol, "rtol": rtol}
    if len(reference) != len(produced):
        result.update(match=False, maxAbsDiff=None,
                      mismatch="dygraph gave %d outputs, loaded model %d"
                      % (len(reference), len(produced)))
        return result
    worst = 0.0
    match = True
    shapes = []
    spreads = []  # max - min of each dygraph output: near 0 would prove little
    for ref, got in zip(reference, produced):
        shapes.append(list(got.shape))
        if ref.shape != got.shape:
            result.update(match=False, maxAbsDiff=None,
                          mismatch="shape %s vs %s" % (list(ref.shape), list(got.shape)))
            return result
        diff = np.abs(ref.astype("float64") - got.astype("float64"))
        worst = max(worst, float(diff.max()) if diff.size else 0.0)
        spreads.append(float(ref.max() - ref.min()) if ref.size else 0.0)
        if not np.allclose(got, ref, atol=atol, rtol=rtol):
            match = False
    result.update(match=match, maxAbsDiff=worst, shapes=shapes, refRange=spreads)
    return result


def inference_runner(prefix):
    """paddle.inference on CPU; returns a function inputs -> numpy outputs."""
    import paddle.inference as infer

    for ext in (".json", ".pdmodel"):
        if os.path.exists(prefix + ext):
            model_file = prefix + ext
            break
    else:
        raise FileNotFoundError("no %s.json or %s.pdmodel" % (prefix, prefix))
    cfg = infer.Config(model_file, prefix + ".pdiparams")
    cfg.disable_gpu()
    cfg.switch_ir_optim(False)
    if hasattr(cfg, "disable_mkldnn"):
        cfg.disable_mkldnn()
    cfg.set_cpu_math_library_num_threads(1)
    predictor = infer.create_predictor(cfg)

    def run(inputs):
        for name, array in zip(predictor.get_input_names(), inputs):
            handle = predictor.get_input_handle(name)
            handle.reshape(list(array.shape))
            handle.copy_from_cpu(array)
        predictor.run()
        return [predictor.get_output_handle(n).copy_to_cpu()
                for n in predictor.get_output_names()]

    return run


def jit_runner(prefix):
    import paddle

    loaded = paddle.jit.load(prefix)
    loaded.eval()

    def run(inputs):
        with paddle.no_grad():
            return flatten_outputs(loaded(*[paddle.to_tensor(a) for a in inputs]))

    return run


def load_and_compare(prefix, samples, references, atol, rtol, package_dir):
    """Load what was saved, run every sample through it and compare with the
    dygraph outputs. paddle.jit.load first; paddle.inference when that fails
    (Paddle 3.x with PIR on looks for NAME.json, while an old-IR NAME.pdmodel
    is what some exporters write there)."""
    started = time.time()
    result = {"ok": False}
    produced = None
    try:
        run = jit_runner(prefix)
        produced = [run(inputs) for inputs in samples]
        result.update(ok=True, via="paddle.jit.load")
    except Exception as exc:  # recorded, then the inference API is tried
        log("paddle.jit.load failed:\n" + traceback.format_exc())
        result["jitLoadError"] = describe_error(exc)
    if produced is None:
        try:
            run = inference_runner(prefix)
            produced = [run(inputs) for inputs in samples]
            result.update(ok=True, via="paddle.inference")
        except Exception as exc:
            log("paddle.inference failed too:\n" + traceback.format_exc())
            result.update(failure(exc, package_dir, started))
            return result
    checks = [compare(ref, got, atol, rtol) for ref, got in zip(references, produced)]
    diffs = [c["maxAbsDiff"] for c in checks]
    match = all(c["match"] for c in checks)
    if not match:
        # "ok" means loaded, ran and matched; the details stay in "checks".
        result["ok"] = False
        result["error"] = "mismatch: loaded model differs from dygraph beyond atol=%g rtol=%g" % (
            atol, rtol)
    result.update(
        match=match,
        maxAbsDiff=None if None in diffs else max(diffs),
        atol=atol, rtol=rtol,
        outputs=checks[0]["outputs"],
        inputs=[[list(a.shape) for a in inputs] for inputs in samples],
        checks=checks,
        seconds=round(time.time() - started, 3))
    return result


def listing(folder):
    names = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            names.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(names)


class SaveSpy:
    """Wraps paddle.jit.save to see what the toolkit hands it: the class of the
    converted forward tells SOT (SymbolicStaticFunction) from the AST
    translator (ASTStaticFunction)."""

    def __init__(self, paddle):
        self.paddle = paddle
        self.seen = []
        self.real = paddle.jit.save

    def __enter__(self):
        spy = self

        def save(layer, path, *args, **kwargs):
            target = getattr(layer, "forward", layer)
            spy.seen.append({"path": os.path.basename(str(path)),
                             "forward": type(target).__name__,
                             "layer": type(layer).__name__})
            return spy.real(layer, path, *args, **kwargs)

        self.paddle.jit.save = save
        return self

    def __exit__(self, *exc):
        self.paddle.jit.save = self.real
        return False

    def verdict(self):
        kinds = {entry["forward"] for entry in self.seen}
        if "SymbolicStaticFunction" in kinds:
            return True
        if kinds and kinds <= {"ASTStaticFunction", "StaticFunction"}:
            return False
        return None


# ---------------------------------------------------------------------------
# The tiny networks (ours), at module level: the dygraph-to-static translator
# resolves names through the module globals. Shaped like PaddleOCR's own
# heads where it matters for conversion: the detector ends in F.sigmoid and
# returns {"maps": ...} in eval mode, as a DB head does.


class ConvAct(nn.Layer):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv = nn.Conv2D(cin, cout, 3, stride=stride, padding=1, bias_attr=False)
        self.norm = nn.BatchNorm2D(cout)

    def forward(self, x):
        return F.relu(self.norm(self.conv(x)))


class TinyDet(nn.Layer):
    """Stride-4 encoder and a x4 upsampling head giving a probability map."""

    def __init__(self, width):
        super().__init__()
        self.stem = ConvAct(3, width, 2)
        self.down = ConvAct(width, width * 2, 2)
        self.mix = ConvAct(width * 2, width * 2, 1)
        self.head = nn.Conv2D(width * 2, 1, 1)

    def forward(self, x):
        y = self.mix(self.down(self.stem(x)))
        y = F.interpolate(self.head(y), scale_factor=4, mode="nearest")
        return {"maps": F.sigmoid(y)}


class TinyRec(nn.Layer):
    """Height 32 squeezed to 1, width /4, then per-column class scores."""

    def __init__(self, width, classes):
        super().__init__()
        self.stem = ConvAct(3, width, 2)
        self.down = ConvAct(width, width * 2, 2)
        self.squeeze = nn.Conv2D(width * 2, width * 4, kernel_size=(8, 1))
        self.fc = nn.Linear(width * 4, classes)

    def forward(self, x):
        y = self.squeeze(self.down(self.stem(x)))
        y = paddle.transpose(paddle.squeeze(y, axis=2), [0, 2, 1])
        return F.softmax(self.fc(y), axis=2)


def build_tiny_model(arch, classes):
    width = int(arch.get("Backbone", {}).get("channels", 8))
    kind = arch["model_type"]
    if kind == "det":
        return TinyDet(width)
    if kind == "rec":
        if classes is None:
            raise ValueError("rec model needs the character count from the post-process")
        return TinyRec(width, classes)
    raise ValueError("no tiny model for model_type %r" % kind)


# ---------------------------------------------------------------------------


def calibrate_batchnorm(model, shape, seed):
    """Give every batch-norm layer the statistics of a random batch.

    Freshly initialised running statistics (mean 0, variance 1) mismatch the
    real activations, and a randomly initialised network then gives
    near-constant outputs (logit spreads of 1e-7 were seen), against which an
    absolute tolerance proves nothing. One forward pass in train mode with
    momentum 0 sets the running statistics to the batch's; the model is then
    put back in eval mode. Deterministic for a given seed.
    """
    import numpy as np
    import paddle

    norms = [layer for layer in model.sublayers(include_self=True)
             if hasattr(layer, "_momentum") and hasattr(layer, "_mean")
             and hasattr(layer, "_variance")]
    saved = [layer._momentum for layer in norms]
    for layer in norms:
        layer._momentum = 0.0
    batch = np.random.RandomState(seed + 1).uniform(-1.0, 1.0, size=list(shape)).astype("float32")
    model.train()
    with paddle.no_grad():
        model(paddle.to_tensor(batch))
    for layer, momentum in zip(norms, saved):
        layer._momentum = momentum
    model.eval()
    return len(norms)


def make_samples(model, shapes, seed):
    """One fixed random input per shape (full shapes, batch first) and the
    dygraph model's outputs for each."""
    import numpy as np

    rng = np.random.RandomState(seed)
    samples, references = [], []
    for shape in shapes:
        array = rng.uniform(-1.0, 1.0, size=list(shape)).astype("float32")
        with paddle.no_grad():
            references.append(flatten_outputs(model(paddle.to_tensor(array))))
        samples.append([array])
    return samples, references


def locate_package():
    spec = importlib.util.find_spec(TOOLKIT)
    if spec is None or not spec.origin:
        raise SystemExit("%s is not importable" % TOOLKIT)
    return os.path.dirname(os.path.abspath(spec.origin)), spec.origin


def install_stand_ins():
    """Register ppocr.modeling.architectures when the package lacks it."""
    try:
        present = importlib.util.find_spec("ppocr.modeling.architectures") is not None
    except ModuleNotFoundError:
        present = False
    if present:
        return []

    def build_model(_config):
        raise RuntimeError(
            "stand-in ppocr.modeling.architectures.build_model called: this "
            "paddleocr package ships no ppocr/modeling; the driver passes "
            "base_model to export() so this should not happen")

    import ppocr

    modeling = types.ModuleType("ppocr.modeling")
    modeling.__path__ = []
    architectures = types.ModuleType("ppocr.modeling.architectures")
    architectures.build_model = build_model
    modeling.architectures = architectures
    sys.modules["ppocr.modeling"] = modeling
    sys.modules["ppocr.modeling.architectures"] = architectures
    ppocr.modeling = modeling
    return ["ppocr.modeling.architectures"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, help="config name under configs/paddleocr")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--config", help="config file (default: configs/paddleocr/MODEL.yml)")
    parser.add_argument("-o", "--opt", action="append", default=[],
                        help="override KEY.PATH=VALUE (YAML value), repeatable")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--atol", type=float, default=1e-4)
    parser.add_argument("--rtol", type=float, default=1e-4)
    args = parser.parse_args()

    json_out = take_stdout()
    result = {"toolkit": TOOLKIT, "model": args.model, "package": None, "paddle": None,
              "export": None, "files": [], "load": None, "sot": None}

    package_dir, origin = locate_package()
    result["package"] = origin
    # What tools/export_model.py does: the package folder first on sys.path.
    sys.path.insert(0, package_dir)
    log("package", origin)

    import numpy as np
    import yaml

    result["paddle"] = paddle.__version__
    paddle.set_device("cpu")

    import ppocr

    if not os.path.realpath(ppocr.__file__).startswith(os.path.realpath(package_dir) + os.sep):
        raise SystemExit("ppocr resolved outside %s: %s" % (package_dir, ppocr.__file__))
    result["standIns"] = install_stand_ins()
    from ppocr.postprocess import build_post_process
    from ppocr.utils import export_model as export_module

    result["exportFunction"] = "%s:export" % os.path.relpath(
        export_module.__file__, os.path.dirname(package_dir))
    log("export function", export_module.__file__)

    config_path = args.config or os.path.join(CONFIG_DIR, args.model + ".yml")
    with open(config_path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    apply_overrides(config, args.opt)

    post = build_post_process(copy.deepcopy(config["PostProcess"]), config["Global"])
    characters = getattr(post, "character", None)
    arch = config["Architecture"]
    paddle.seed(args.seed)
    np.random.seed(args.seed)
    model = build_tiny_model(arch, len(characters) if characters is not None else None)
    model.eval()

    calib_shape = [4] + list(config["Driver"]["input_shapes"][0][1:])
    result["calibratedNorms"] = calibrate_batchnorm(model, calib_shape, args.seed)
    samples, references = make_samples(model, config["Driver"]["input_shapes"], args.seed)

    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    with SaveSpy(paddle) as spy:
        try:
            export_module.export(config, base_model=model, save_path=args.out)
            result["export"] = {"ok": True, "seconds": round(time.time() - started, 3)}
        except Exception as exc:
            log("export failed:\n" + traceback.format_exc())
            result["export"] = failure(exc, package_dir, started)
    result["saveCalls"] = spy.seen
    result["sot"] = spy.verdict()
    result["files"] = listing(args.out)

    if result["export"]["ok"]:
        prefix = os.path.join(args.out, "inference")
        result["load"] = load_and_compare(prefix, samples, references,
                                          args.atol, args.rtol, package_dir)

    json_out.write(json.dumps(result) + "\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
