"""What one installed Paddle does with to_static and full_graph, in process.

    python -B -P probe_paddle.py GUARD_PY PREVIOUS_GUARD_PY PATCH_JSON OUTDIR

Prints one JSON object (the last line of stdout):
  version, signature         paddle.__version__, inspect.signature(to_static)
  guard, previous            what each guard text returns, and the kind of
                             function to_static makes with it
  default                    the kind to_static makes without the keyword
  raising                    every attribute of an SOT-converted function that
                             raises the full_graph error (found by looking at
                             all of them, not only the ones patch.json lists)
  listed                     patch.json's sotAttributes, for the comparison
  save_sot                   whether paddle.jit.save copes with a layer whose
                             forward was converted with SOT
Written for paddle-fullgraph-fix's real-Paddle tests.
"""
import importlib.util
import inspect
import json
import os
import sys
import traceback

import paddle

SOT_MESSAGE = "when full_graph=False"


def load_guard(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._paddle_full_graph_kwargs


def kind_of(converted):
    return type(converted).__name__


class Doubler(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.scale = paddle.nn.Linear(2, 2)

    def forward(self, x):
        return self.scale(x) * 2


def spec():
    return [paddle.static.InputSpec(shape=[None, 2], dtype="float32", name="x")]


def raising_attributes(function):
    """Names whose read (property) or call (method) raises the SOT error."""
    found = {}
    for name in sorted(dir(type(function))):
        if name.startswith("__"):
            continue
        member = inspect.getattr_static(type(function), name)
        try:
            if isinstance(member, property):
                getattr(function, name)
            elif "raise_error_template" in getattr(member, "__qualname__", ""):
                getattr(function, name)()
            else:
                continue
        except RuntimeError as exc:
            if SOT_MESSAGE in str(exc):
                found[name] = str(exc)
        except Exception:  # another error: not the SOT refusal
            continue
    return found


def main():
    guard_py, previous_py, patch_json, outdir = sys.argv[1:5]
    out = {
        "version": paddle.__version__,
        "signature": str(inspect.signature(paddle.jit.to_static)),
    }
    for key, path in (("guard", guard_py), ("previous", previous_py)):
        kwargs = load_guard(path, "pfgf_" + key)()
        converted = paddle.jit.to_static(lambda x: x, **kwargs)
        out[key] = {"kwargs": kwargs, "converts": kind_of(converted)}
    out["default"] = kind_of(paddle.jit.to_static(lambda x: x))

    net = paddle.jit.to_static(Doubler(), input_spec=spec())
    out["raising"] = raising_attributes(net.forward)
    with open(patch_json) as handle:
        out["listed"] = json.load(handle)["sotAttributes"]

    saved = Doubler()
    paddle.jit.to_static(saved, input_spec=spec())
    target = os.path.join(outdir, "sot_saved", "model")
    try:
        paddle.jit.save(saved, target)
        written = sorted(os.listdir(os.path.dirname(target)))
        out["save_sot"] = {"ok": True, "converted": kind_of(saved.forward), "files": written}
    except Exception as exc:
        out["save_sot"] = {
            "ok": False,
            "error": "%s: %s" % (type(exc).__name__, exc),
            "trace": traceback.format_exc()[-2000:],
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
