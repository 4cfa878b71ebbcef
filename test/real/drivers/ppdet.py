"""Export one tiny PaddleDetection model through the toolkit's own export code.

    python -B ppdet.py --model picodet|ppyoloe|detr|dino --out OUTDIR
        [--config FILE.yml] [--seed 0] [--atol 1e-4] [--rtol 1e-4]
        [--init scaled|toolkit] [--gain 3]

Uses whichever `ppdet` is importable (put a patched copy first on PYTHONPATH
to test it). Does what the toolkit's `tools/export_model.py` does, minus the
weights: load the config, build `ppdet.engine.Trainer(cfg, mode='test')` with
random weights (fixed seed, nothing downloaded), call `trainer.export(OUTDIR)`
(which writes OUTDIR/<config name>/). Then loads the saved model
(paddle.jit.load; paddle.inference if that fails) and compares its outputs with
the dygraph model's (the model class's own forward, not the converted one) on
one fixed random input, atol/rtol 1e-4 by default.

The configs (test/real/configs/ppdet/<model>_tiny.yml) export without
post-processing / NMS, so both sides return raw tensors. The toolkit's own
initialisation leaves detection heads almost constant (a comparison would pass
whatever the program did), so by default every parameter is drawn again at a
scale that keeps the outputs input-dependent (--init scaled); `inputEffect`
reports how far the outputs move for a second input, to show the comparison
means something.

Progress goes to stderr (file descriptor 1 is pointed at stderr while the
toolkit runs, since its logger and Paddle print to stdout). The last line of
stdout is one JSON object:

  toolkit, model, package (ppdet.__file__), paddle (paddle.__version__),
  config, init, seed,
  export  {ok, seconds} or {ok: false, error, frame, lastFrame, seconds}
  files   paths the export wrote (new or changed) under OUTDIR, relative to
          it, sorted: <config name>/infer_cfg.yml, <config name>/model.*
  load    {ok, via, inputs, outputs, shapes, maxAbsDiff, atol, rtol, match,
          inputEffect, seconds} (ok means loaded, ran and matched), or
          {ok: false, error, frame, lastFrame, ...}, or null when the export
          failed

`error` is the exception exactly as Python prints its last traceback line;
`frame` is the deepest traceback frame inside the toolkit package, relative to
the folder that holds the package (ppdet/engine/trainer.py:1132 in fn), or
null; `lastFrame` is the deepest frame of all, relative to its sys.path entry.
Exit status 0 once the JSON is printed (the caller judges it); non-zero only
for a crash before that (e.g. ppdet does not import, the config is invalid).

Written from scratch for paddle-fullgraph-fix's real-Paddle tests.
"""
import argparse
import json
import os
import random
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
# this file is itself named ppdet.py: keep its folder off the import path so
# that `import ppdet` finds the toolkit
sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.curdir) != os.path.realpath(HERE)]
CONFIGS = os.path.join(os.path.dirname(HERE), "configs", "ppdet")
MODELS = {
    "picodet": "picodet_tiny.yml",
    "ppyoloe": "ppyoloe_tiny.yml",
    "detr": "detr_tiny.yml",
    "dino": "dino_tiny.yml",
}


def log(*parts):
    print("[ppdet-driver]", *parts, file=sys.stderr, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True, choices=sorted(MODELS))
    p.add_argument("--out", required=True, help="export directory (created)")
    p.add_argument("--config", help="config file instead of the model's own")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--atol", type=float, default=1e-4)
    p.add_argument("--rtol", type=float, default=1e-4)
    p.add_argument("--gain", type=float, default=3.0, help="with --init scaled: weight variance gain/fan_in")
    p.add_argument(
        "--init",
        choices=["scaled", "toolkit"],
        default="scaled",
        help="scaled (default): redraw every parameter so outputs depend on the input; "
        "toolkit: keep the toolkit's own random initialisation",
    )
    return p.parse_args(argv)


class Stdout:
    """Points fd 1 at stderr; keeps the real stdout for the final JSON line."""

    def __init__(self):
        sys.stdout.flush()
        self.real = os.dup(1)
        os.dup2(2, 1)

    def emit(self, obj):
        sys.stdout.flush()
        sys.stderr.flush()
        data = (json.dumps(obj) + "\n").encode("utf-8")
        while data:
            data = data[os.write(self.real, data):]


def relative_to_root(filename, root):
    """filename relative to root when it lies inside it, else None."""
    if not root:
        return None
    full = os.path.realpath(filename)
    base = os.path.realpath(root)
    if full == base or full.startswith(base + os.sep):
        return os.path.relpath(full, base).replace(os.sep, "/")
    return None


def short_path(filename):
    """filename relative to the longest sys.path entry holding it."""
    best = None
    for entry in sys.path:
        rel = relative_to_root(filename, entry or os.curdir)
        if rel is not None and (best is None or len(rel) < len(best)):
            best = rel
    return best or filename


def describe_frame(frame, root):
    rel = relative_to_root(frame.filename, root) or short_path(frame.filename)
    return "%s:%d in %s" % (rel, frame.lineno, frame.name)


def failure(exc, package_dir, started):
    """The report for an exception: exact text, toolkit frame, deepest frame."""
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    frames = traceback.extract_tb(exc.__traceback__)
    holder = os.path.dirname(package_dir) if package_dir else None
    inside = [f for f in frames if relative_to_root(f.filename, package_dir)]
    return {
        "ok": False,
        "error": text,
        "frame": describe_frame(inside[-1], holder) if inside else None,
        "lastFrame": describe_frame(frames[-1], holder) if frames else None,
        "seconds": round(time.time() - started, 3),
    }


def flatten(value):
    """Tensors of a nested output, dict keys sorted and None left out (as
    paddle.jit.save does)."""
    if value is None:
        return []
    if isinstance(value, dict):
        out = []
        for key in sorted(value):
            out.extend(flatten(value[key]))
        return out
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            out.extend(flatten(item))
        return out
    return [value]


def to_numpy(value):
    return value.numpy() if hasattr(value, "numpy") else value


def randomize(model, seed, gain):
    """Draws every parameter again from a seeded generator, at a scale that
    keeps activations alive: the toolkit's own initialisation makes detection
    heads start almost constant (std 0.01 weights, prior-probability biases),
    so the exported and dygraph outputs would agree whatever the program.

    weights (2+ dims): normal, std sqrt(gain/fan_in); norm running variance:
    uniform [0.5, 1.5]; norm running mean and biases: normal, std 0.1;
    other 1-dim weights (norm scales): uniform [0.5, 1.5]. Returns the count.
    """
    import numpy as np

    rng = np.random.RandomState(seed)
    count = 0
    for name, param in model.named_parameters():
        shape = list(param.shape)
        if len(shape) >= 2:
            fan_in = int(np.prod(shape[1:])) or 1
            value = rng.standard_normal(shape) * np.sqrt(gain / fan_in)
        elif name.endswith("_variance"):
            value = rng.uniform(0.5, 1.5, shape)
        elif name.endswith("_mean") or name.endswith("bias"):
            value = rng.standard_normal(shape) * 0.1
        else:
            value = rng.uniform(0.5, 1.5, shape)
        param.set_value(value.astype(param.numpy().dtype))
        count += 1
    return count


def snapshot(out_dir):
    """{relative path: (size, mtime_ns)} of every file under out_dir."""
    found = {}
    for folder, _dirs, files in os.walk(out_dir):
        for name in files:
            full = os.path.join(folder, name)
            info = os.stat(full)
            found[os.path.relpath(full, out_dir).replace(os.sep, "/")] = (info.st_size, info.st_mtime_ns)
    return found


def written_files(out_dir, before):
    """Files under out_dir that are new or changed since `before`, sorted."""
    return sorted(k for k, v in snapshot(out_dir).items() if before.get(k) != v)


def model_prefix(out_dir, files):
    """The path prefix paddle.jit.save wrote (".../model"), from its params file."""
    params = [f for f in files if f.endswith(".pdiparams")]
    if len(params) != 1:
        raise RuntimeError("expected one .pdiparams file under %s, found %r" % (out_dir, params))
    return os.path.join(out_dir, params[0][: -len(".pdiparams")])


def compare(reference, got, atol, rtol):
    """Shapes, max abs difference over all outputs, and np.allclose on each."""
    import numpy as np

    result = {"match": True, "maxAbsDiff": None, "shapes": []}
    if len(reference) != len(got):
        result["match"] = False
        result["mismatch"] = "output count: dygraph %d, loaded %d" % (len(reference), len(got))
        return result
    worst = 0.0
    problems = []
    for i, (want, have) in enumerate(zip(reference, got)):
        want = np.asarray(want)
        have = np.asarray(have)
        result["shapes"].append(list(have.shape))
        if want.shape != have.shape:
            problems.append("output %d shape: dygraph %s, loaded %s" % (i, list(want.shape), list(have.shape)))
            continue
        if not want.size:
            continue
        worst = max(worst, float(np.abs(want.astype("float64") - have.astype("float64")).max()))
        if not np.allclose(have, want, atol=atol, rtol=rtol):
            problems.append("output %d differs beyond atol=%g rtol=%g" % (i, atol, rtol))
    result["maxAbsDiff"] = worst
    if problems:
        result["match"] = False
        result["mismatch"] = "; ".join(problems)
    return result


def run_loaded_jit(prefix, feeds):
    import paddle

    layer = paddle.jit.load(prefix)
    layer.eval()
    names = [spec.name for spec in layer._input_spec()]
    args = [paddle.to_tensor(feeds[name]) for name in names]
    with paddle.no_grad():
        out = layer(*args)
    return names, [to_numpy(t) for t in flatten(out)]


def run_loaded_inference(prefix, feeds):
    import paddle.inference as paddle_infer

    model_file = next(
        (prefix + ext for ext in (".json", ".pdmodel") if os.path.exists(prefix + ext)), None
    )
    if model_file is None:
        raise RuntimeError("no %s.json or %s.pdmodel" % (prefix, prefix))
    config = paddle_infer.Config(model_file, prefix + ".pdiparams")
    config.disable_gpu()
    # Paddle 3.x's oneDNN kernels reject some PIR attributes (NotImplementedError
    # ConvertPirAttribute2RuntimeAttribute on CPU): compare with plain kernels
    config.disable_mkldnn()
    config.switch_ir_optim(False)
    predictor = paddle_infer.create_predictor(config)
    names = list(predictor.get_input_names())
    for name in names:
        predictor.get_input_handle(name).copy_from_cpu(feeds[name])
    predictor.run()
    return names, [predictor.get_output_handle(n).copy_to_cpu() for n in predictor.get_output_names()]


def main(argv):
    args = parse_args(argv)
    stdout = Stdout()

    import numpy as np
    import paddle
    import ppdet
    from ppdet.core.workspace import load_config
    from ppdet.engine import Trainer
    from ppdet.utils.check import check_config

    package_dir = os.path.dirname(os.path.abspath(ppdet.__file__))
    log("ppdet", ppdet.__file__)
    log("paddle", paddle.__version__, "numpy", np.__version__)

    config_path = args.config or os.path.join(CONFIGS, MODELS[args.model])
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)

    paddle.set_device("cpu")
    random.seed(args.seed)
    np.random.seed(args.seed)
    paddle.seed(args.seed)

    # what tools/export_model.py does, without loading weights
    cfg = load_config(config_path)
    check_config(cfg)
    started = time.time()
    trainer = Trainer(cfg, mode="test")
    if args.init == "scaled":
        count = randomize(trainer.model, args.seed, args.gain)
        log("drew %d parameters again at a scale that keeps outputs input-dependent" % count)
    log("trainer built in %.1fs (%s, random weights, seed %d)" % (time.time() - started, cfg.architecture, args.seed))

    report = {
        "toolkit": "paddledet",
        "model": args.model,
        "package": ppdet.__file__,
        "paddle": paddle.__version__,
        "config": os.path.basename(config_path),
        "init": args.init if args.init == "toolkit" else "scaled gain=%g" % args.gain,
        "seed": args.seed,
        "export": None,
        "files": [],
        "load": None,
    }

    before = snapshot(out_dir)
    started = time.time()
    try:
        trainer.export(out_dir)
        report["export"] = {"ok": True, "seconds": round(time.time() - started, 3)}
        log("export ok in %.1fs" % (time.time() - started))
    except Exception as exc:  # reported, never swallowed: the JSON carries it
        traceback.print_exc(file=sys.stderr)
        report["export"] = failure(exc, package_dir, started)
        log("export failed:", report["export"]["error"].splitlines()[0])
    finally:
        # a failure inside the prune step may leave Paddle in static mode
        if not paddle.in_dynamic_mode():
            paddle.disable_static()
    report["files"] = written_files(out_dir, before)

    if report["export"]["ok"]:
        report["load"] = check_saved(args, trainer, cfg, out_dir, report["files"], package_dir)

    stdout.emit(report)
    return 0


def check_saved(args, trainer, cfg, out_dir, files, package_dir):
    """Loads the saved model and compares it with dygraph on one input."""
    import numpy as np
    import paddle

    started = time.time()
    shape = list(cfg["TestReader"]["inputs_def"]["image_shape"])
    batch, channels, height, width = [1 if d in (None, -1) else int(d) for d in shape]
    rng = np.random.RandomState(args.seed)
    feeds = {
        "image": rng.standard_normal((batch, channels, height, width)).astype("float32"),
        "im_shape": np.array([[height, width]] * batch, dtype="float32"),
        "scale_factor": np.ones((batch, 2), dtype="float32"),
    }
    result = {"atol": args.atol, "rtol": args.rtol}
    try:
        # dygraph reference: the model as exported (deploy flags set), run
        # through its class's own forward, not the converted one
        model = trainer.model
        model.eval()

        def dygraph(inputs):
            with paddle.no_grad():
                out = type(model).forward(model, {k: paddle.to_tensor(v) for k, v in inputs.items()})
            return [to_numpy(t) for t in flatten(out)]

        reference = dygraph(feeds)
        # how much the outputs move when the image changes: a comparison is
        # only meaningful when this is well above atol
        other = dict(feeds, image=np.random.RandomState(args.seed + 1).standard_normal(feeds["image"].shape).astype("float32"))
        moved = [
            float(np.abs(np.asarray(a, dtype="float64") - np.asarray(b, dtype="float64")).max()) if np.size(a) else 0.0
            for a, b in zip(reference, dygraph(other))
        ]
        result["inputEffect"] = min(moved) if moved else None
        prefix = model_prefix(out_dir, files)
        result["prefix"] = os.path.relpath(prefix, out_dir).replace(os.sep, "/")
        try:
            names, got = run_loaded_jit(prefix, feeds)
            result["via"] = "paddle.jit.load"
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            result["jitLoadError"] = failure(exc, package_dir, started)
            log("paddle.jit.load failed, trying paddle.inference")
            names, got = run_loaded_inference(prefix, feeds)
            result["via"] = "paddle.inference"
        result["inputs"] = names
        result["outputs"] = len(got)
        result.update(compare(reference, got, args.atol, args.rtol))
        result["ok"] = bool(result["match"])
        if not result["ok"]:
            result["error"] = "outputs differ: %s (max abs diff %s)" % (result["mismatch"], result["maxAbsDiff"])
        result["seconds"] = round(time.time() - started, 3)
        log("load via %s: %d outputs, max abs diff %s, match %s" % (result["via"], result["outputs"], result["maxAbsDiff"], result["match"]))
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        result.update(failure(exc, package_dir, started))
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
