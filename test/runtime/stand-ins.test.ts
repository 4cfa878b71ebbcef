/**
 * The runtime test-bed itself: the stand-in paddle packages reproduce
 * design.md section 2, the guard template behaves on each of them, and the
 * fake PaddleDetection checkouts fail and pass exactly where real ones do
 * (the CONTROL for the patched checkouts).
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  disposeFakePaddles,
  fakePaddlePath,
  PADDLE_RELEASES,
  SOT_METHODS,
  SOT_PROPERTIES,
  sotErrorText,
} from "../helpers/fake-paddle.js";
import { describeRun, FAKE_CHECKOUTS, checkoutPath, hasSsodTrainer, runExport, runTrain } from "../helpers/export-run.js";
import { runPythonCode, type PythonResult } from "../helpers/run-python.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const GUARD_PY = join(REPO_ROOT, "patches", "full-graph", "guard.py");

// ---------------------------------------------------------------------------
// design.md section 2, restated: what each release must do.

type Handling = "TypeError" | "ignored" | "honoured";
const SIG_OLD = "(function=None, input_spec=None, build_strategy=None)";
const SIG_24 = "(function=None, input_spec=None, build_strategy=None, property=False)";
const SIG_NEW = "(function=None, input_spec=None, build_strategy=None, backend=None, **kwargs)";
const DESIGN: Record<string, { version: string; signature: string; fullGraph: Handling }> = {
  "2.3": { version: "2.3", signature: SIG_OLD, fullGraph: "TypeError" },
  "2.4": { version: "2.4", signature: SIG_24, fullGraph: "TypeError" },
  "2.5": { version: "2.5", signature: SIG_NEW, fullGraph: "ignored" },
  "2.6": { version: "2.6", signature: SIG_NEW, fullGraph: "honoured" },
  "3.0": { version: "3.0", signature: SIG_NEW, fullGraph: "honoured" },
  develop: { version: "0.0.0", signature: SIG_NEW, fullGraph: "honoured" },
  "3.0.0-beta2": { version: "3.0.0-beta2", signature: SIG_NEW, fullGraph: "honoured" },
};
const RELEASES = Object.keys(DESIGN);
const THE_ERROR =
  "RuntimeError: Can't call main_program when full_graph=False. Use paddle.jit.to_static(full_graph=True) instead.";
const KEYWORD_ERROR = "unexpected keyword argument 'full_graph'";
const REFUSED = [...SOT_PROPERTIES, ...SOT_METHODS];

const sotOnByDefault = (release: string) => DESIGN[release]!.fullGraph === "honoured";
const guardPasses = (release: string) => DESIGN[release]!.fullGraph !== "TypeError";

// ---------------------------------------------------------------------------
// Probes: one Python run answers many questions, as JSON on stdout.

const PROBE = String.raw`
import inspect, json, os, sys, tempfile
import paddle
from paddle import jit
from paddle.jit import to_static
import paddle.jit.api as api

REFUSED = json.loads(sys.argv[1])
out = {"version": paddle.__version__}
out["signature"] = str(inspect.signature(paddle.jit.to_static))
out["aliases"] = (api.to_static is paddle.jit.to_static and to_static is jit.to_static
                  and api.to_static is to_static and api.save is paddle.jit.save)

def outcome(thunk):
    try:
        value = thunk()
        return {"ok": True, "type": type(value).__name__}
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__, "message": str(exc)}

def reads(fn):
    res = {}
    for name in REFUSED:
        if name == "get_concrete_program_with_cache_key":
            res[name] = outcome(lambda: fn.get_concrete_program_with_cache_key(None))
        elif name.startswith("get_") or name.startswith("concrete_program_"):
            res[name] = outcome(lambda n=name: getattr(fn, n)())
        else:
            res[name] = outcome(lambda n=name: getattr(fn, n))
    return res

class Net(paddle.nn.Layer):
    def forward(self, x):
        return x * 2

spec = [paddle.static.InputSpec(shape=[None, 3], name="x")]

def convert_layer(**kwargs):
    net = Net()
    try:
        converted = paddle.jit.to_static(net, input_spec=spec, **kwargs)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__, "message": str(exc)}
    return {"ok": True, "same_layer": converted is net, "call": converted(21),
            "reads": reads(net.forward)}

out["layer"] = {
    "default": convert_layer(),
    "full_graph_true": convert_layer(full_graph=True),
    "full_graph_false": convert_layer(full_graph=False),
}

# the other call shapes, without full_graph (valid on every release)
def plain(x):
    return x + 1

forms = {}
fn = paddle.jit.to_static(plain)
forms["function"] = {"call": fn(1), "main_program": outcome(lambda: fn.main_program)}

@paddle.jit.to_static
def bare(x):
    return x + 2
forms["bare_decorator"] = {"call": bare(1), "main_program": outcome(lambda: bare.main_program)}

@to_static(input_spec=spec)
def called(x):
    return x + 3
forms["called_decorator"] = {"call": called(1), "main_program": outcome(lambda: called.main_program)}

deco = paddle.jit.to_static(input_spec=spec)
forms["decorator_factory_callable"] = callable(deco)

net = Net()
net.forward = paddle.jit.to_static(net.forward)
forms["bound_method"] = {"call": net(5), "main_program": outcome(lambda: net.forward.main_program)}

class Decorated(paddle.nn.Layer):
    @paddle.jit.to_static
    def forward(self, x):
        return x - 1
d = Decorated()
forms["method_decorator"] = {"call": d(5), "main_program": outcome(lambda: d.forward.main_program)}

@paddle.jit.not_to_static
def skipped(x):
    return x
forms["not_to_static_identity"] = skipped(7) == 7 and skipped.__name__ == "skipped"
out["forms"] = forms

# paddle.jit.save on a default conversion (SOT on 2.6+) writes the marker
folder = tempfile.mkdtemp()
saved = Net()
paddle.jit.to_static(saved, input_spec=spec)
out["save"] = outcome(lambda: paddle.jit.save(saved, os.path.join(folder, "sub", "model"), input_spec=spec))
marker = os.path.join(folder, "sub", "model.pdmodel")
out["save_marker"] = open(marker).read() if os.path.exists(marker) else None
print(json.dumps(out))
`;

/** Loads guard.py by path; prints the guard's result or the exception it raised. */
const GUARD_PROBE = String.raw`
import importlib.util, json, sys
if sys.argv[2] == "no-paddle":
    sys.modules["paddle"] = None  # import paddle now raises ImportError
spec = importlib.util.spec_from_file_location("pfgf_guard", sys.argv[1])
guard = importlib.util.module_from_spec(spec)
spec.loader.exec_module(guard)
res = {}
if sys.argv[2] != "no-paddle":
    import inspect
    try:
        import paddle
        inspect.signature(paddle.jit.to_static)
        res["signature"] = "readable"
    except (TypeError, ValueError):
        res["signature"] = "unreadable"
    except Exception:
        res["signature"] = "no to_static"
try:
    res["kwargs"] = guard._paddle_full_graph_kwargs()
except BaseException as exc:
    res["raised"] = "%s: %s" % (type(exc).__name__, exc)
if sys.argv[2] == "use":
    # the guard's result splatted into a real export-shaped call
    import paddle
    class Net(paddle.nn.Layer):
        def forward(self, x):
            return x
    net = paddle.jit.to_static(Net(), input_spec=[paddle.static.InputSpec(shape=[None], name="x")],
                               **guard._paddle_full_graph_kwargs())
    try:
        net.forward.main_program
        net.forward.outputs
        res["export_read"] = "ok"
    except Exception as exc:
        res["export_read"] = "%s: %s" % (type(exc).__name__, exc)
print(json.dumps(res))
`;

interface Outcome {
  ok: boolean;
  type?: string;
  error?: string;
  message?: string;
}
interface LayerProbe {
  ok: boolean;
  error?: string;
  message?: string;
  same_layer?: boolean;
  call?: number;
  reads?: Record<string, Outcome>;
}
interface FormProbe {
  call: number;
  main_program: Outcome;
}
interface Probe {
  version: string;
  signature: string;
  aliases: boolean;
  layer: Record<"default" | "full_graph_true" | "full_graph_false", LayerProbe>;
  forms: Record<string, FormProbe | boolean>;
  save: Outcome;
  save_marker: string | null;
}

let workDir = "";
const probes = new Map<string, Promise<Probe>>();

function parseJson<T>(result: PythonResult): T {
  if (result.code !== 0) throw new Error(`probe failed: ${describeRun(result)}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "") as T;
}

/** One probe run per (release, env), shared by the tests that read it. */
function probe(release: string, env: Record<string, string | undefined> = {}): Promise<Probe> {
  const key = `${release}|${JSON.stringify(env)}`;
  let pending = probes.get(key);
  if (!pending) {
    pending = fakePaddlePath(release)
      .then((path) => runPythonCode(PROBE, { cwd: workDir, args: [JSON.stringify(REFUSED)], pythonPath: [path], env }))
      .then((result) => parseJson<Probe>(result));
    probes.set(key, pending);
  }
  return pending;
}

async function guard(
  mode: "plain" | "use" | "no-paddle",
  pythonPath: string[],
): Promise<{ signature?: string; kwargs?: Record<string, unknown>; raised?: string; export_read?: string }> {
  const result = await runPythonCode(GUARD_PROBE, { cwd: workDir, args: [GUARD_PY, mode], pythonPath });
  return parseJson(result);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "pfgf-runtime-"));
  // write every stand-in once, up front; the tests below reuse them
  await Promise.all(RELEASES.map((r) => fakePaddlePath(r)));
});

afterAll(async () => {
  await disposeFakePaddles();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

describe("PADDLE_RELEASES", () => {
  it("lists exactly the releases of design.md section 2, with their version strings", () => {
    expect(PADDLE_RELEASES.map((r) => r.release)).toEqual(RELEASES);
    for (const row of PADDLE_RELEASES) {
      const design = DESIGN[row.release]!;
      expect(row.version.startsWith(design.version), row.release).toBe(true);
      expect(row.signature).toBe(design.signature);
    }
  });

  it("states the error text exactly as users see it", () => {
    expect(`RuntimeError: ${sotErrorText("main_program")}`).toBe(THE_ERROR);
  });
});

describe.concurrent.each(RELEASES)("stand-in paddle %s", (release) => {
  const design = DESIGN[release]!;

  it("reports its version and the release's to_static signature; every import path works", async () => {
    const p = await probe(release);
    expect(p.version.startsWith(design.version)).toBe(true);
    expect(p.signature).toBe(design.signature);
    expect(p.aliases).toBe(true);
  });

  it("treats full_graph=True as the release does", async () => {
    const { full_graph_true: converted } = (await probe(release)).layer;
    if (design.fullGraph === "TypeError") {
      expect(converted.ok).toBe(false);
      expect(converted.error).toBe("TypeError");
      expect(converted.message).toContain(KEYWORD_ERROR);
    } else {
      expect(converted.ok, converted.message).toBe(true);
      expect(converted.same_layer).toBe(true);
      expect(converted.call).toBe(42);
      for (const name of REFUSED) expect(converted.reads![name]!.ok, `${name}: ${converted.reads![name]!.message}`).toBe(true);
    }
  });

  it("converts without full_graph with SOT exactly when the release defaults to it", async () => {
    const { default: converted } = (await probe(release)).layer;
    expect(converted.ok, converted.message).toBe(true);
    expect(converted.same_layer).toBe(true);
    expect(converted.call).toBe(42); // SOT-converted functions still run
    for (const name of REFUSED) {
      const read = converted.reads![name]!;
      if (sotOnByDefault(release)) {
        expect(read).toEqual({ ok: false, error: "RuntimeError", message: sotErrorText(name, release) });
      } else {
        expect(read.ok, `${name}: ${read.message}`).toBe(true);
      }
    }
  });

  it("treats full_graph=False as the release does", async () => {
    const { full_graph_false: converted } = (await probe(release)).layer;
    if (design.fullGraph === "TypeError") {
      expect(converted.error).toBe("TypeError");
    } else if (design.fullGraph === "ignored") {
      expect(converted.reads!.main_program!.ok).toBe(true);
    } else {
      expect(converted.reads!.main_program!.message).toBe(sotErrorText("main_program"));
    }
  });

  it("follows ENABLE_FALL_BACK only where full_graph is honoured", async () => {
    const off = await probe(release, { ENABLE_FALL_BACK: "False" });
    const on = await probe(release, { ENABLE_FALL_BACK: "True" });
    // fallback off: whole-graph by default everywhere
    expect(off.layer.default.reads!.main_program!.ok).toBe(true);
    // fallback on (the default): SOT only on 2.6+
    expect(on.layer.default.reads!.main_program!.ok).toBe(!sotOnByDefault(release));
    if (design.fullGraph === "honoured") {
      // an explicit keyword still wins over the environment
      expect(off.layer.full_graph_false.reads!.main_program!.message).toBe(sotErrorText("main_program"));
    }
  });

  it("supports every call shape: function, bare and called decorators, bound and decorated methods", async () => {
    const forms = (await probe(release)).forms;
    const expected: Record<string, number> = {
      function: 2,
      bare_decorator: 3,
      called_decorator: 4,
      bound_method: 10,
      method_decorator: 4,
    };
    for (const [name, call] of Object.entries(expected)) {
      const form = forms[name] as FormProbe;
      expect(form.call, name).toBe(call);
      expect(form.main_program.ok, name).toBe(!sotOnByDefault(release));
    }
    expect(forms.decorator_factory_callable).toBe(true);
    expect(forms.not_to_static_identity).toBe(true);
  });

  it("lets paddle.jit.save cope with the default conversion and writes the .pdmodel marker", async () => {
    const p = await probe(release);
    expect(p.save.ok, p.save.message).toBe(true);
    expect(p.save_marker).toContain(`release ${release}`);
    expect(p.save_marker).toContain(sotOnByDefault(release) ? "converted: sot" : "converted: whole-graph");
    expect(p.save_marker).toContain("inputs: x");
  });
});

describe.concurrent("guard template (patches/full-graph/guard.py)", () => {
  it.each(RELEASES)("on %s returns full_graph exactly where the keyword is accepted", async (release) => {
    const result = await guard("use", [await fakePaddlePath(release)]);
    expect(result.signature).toBe("readable");
    expect(result.raised).toBeUndefined();
    expect(result.kwargs).toEqual(guardPasses(release) ? { full_graph: true } : {});
    // splatted into an export-shaped call, the converted program is readable everywhere
    expect(result.export_read).toBe("ok");
  });

  it.each(RELEASES)("on %s with an unreadable to_static signature still decides by trying the keyword", async (release) => {
    const result = await guard("use", [await fakePaddlePath(release, { unreadableSignature: true })]);
    expect(result.signature).toBe("unreadable");
    expect(result.raised).toBeUndefined();
    expect(result.kwargs).toEqual(guardPasses(release) ? { full_graph: true } : {});
    expect(result.export_read).toBe("ok");
  });

  it("returns {} and does not raise when no paddle is importable", async () => {
    const result = await guard("no-paddle", []);
    expect(result).toEqual({ kwargs: {} });
  });

  it("returns {} and does not raise when paddle fails to import or lacks jit", async () => {
    const broken = join(workDir, "broken-paddle");
    await mkdir(join(broken, "paddle"), { recursive: true });
    await writeFile(join(broken, "paddle", "__init__.py"), "raise RuntimeError('half-installed paddle')\n");
    expect(await guard("plain", [broken])).toEqual({ signature: "no to_static", kwargs: {} });
    const bare = join(workDir, "bare-paddle");
    await mkdir(join(bare, "paddle"), { recursive: true });
    await writeFile(join(bare, "paddle", "__init__.py"), "__version__ = '2.6.0'\n");
    expect(await guard("plain", [bare])).toEqual({ signature: "no to_static", kwargs: {} });
  });
});

// ---------------------------------------------------------------------------
// CONTROL: the unpatched fake checkouts break where real ones break.

describe.concurrent("fake checkouts", () => {
  it("are all present, with their setup.py version and (where due) the semi-supervised trainer", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const c of FAKE_CHECKOUTS) {
      const dir = checkoutPath(c.name);
      const setup = await readFile(join(dir, "setup.py"), "utf8");
      expect(setup, c.name).toContain(`PPDET_VERSION = "${c.ppdetVersion}"`);
      expect(hasSsodTrainer(dir), c.name).toBe(c.ssod);
      const trainer = await readFile(join(dir, "ppdet", "engine", "trainer.py"), "utf8");
      expect(trainer.includes("full_graph=True"), c.name).toBe(c.upstreamFixed);
      const gitignore = await readFile(join(dir, ".gitignore"), "utf8");
      expect(gitignore, c.name).toMatch(/^ppdet\/version\.py$/m);
    }
  });

  describe.each(FAKE_CHECKOUTS.map((c) => [c.name, c] as const))("%s", (_name, checkout) => {
    const dir = checkoutPath(checkout.name);

    it.concurrent.each(RELEASES)("main export on paddle %s", async (release) => {
      const run = await runExport(dir, release);
      const failsWithTypeError = checkout.upstreamFixed && !guardPasses(release);
      const failsWithSot = !checkout.upstreamFixed && sotOnByDefault(release);
      if (failsWithTypeError) {
        expect(run.code, describeRun(run)).not.toBe(0);
        expect(run.stderr).toContain(`TypeError: declarative() got an ${KEYWORD_ERROR}`);
        expect(run.exported).toBe(false);
      } else if (failsWithSot) {
        expect(run.code, describeRun(run)).not.toBe(0);
        expect(run.stderr.trim().split("\n").pop()).toBe(THE_ERROR);
        expect(run.exported).toBe(false);
      } else {
        expect(run.code, describeRun(run)).toBe(0);
        expect(run.exported).toBe(true);
        expect(run.model).toContain(`release ${release}`);
        expect(run.model).toContain("converted: whole-graph");
        expect(run.inferCfg).toContain("arch: TinyDet");
      }
    });

    if (checkout.ssod) {
      it.concurrent.each(RELEASES)("semi-supervised export (never fixed upstream) on paddle %s", async (release) => {
        const run = await runExport(dir, release, { ssod: true });
        if (sotOnByDefault(release)) {
          expect(run.code, describeRun(run)).not.toBe(0);
          expect(run.stderr.trim().split("\n").pop()).toBe(THE_ERROR);
          expect(run.stderr).toContain("trainer_ssod.py");
          expect(run.exported).toBe(false);
        } else {
          expect(run.code, describeRun(run)).toBe(0);
          expect(run.exported).toBe(true);
          expect(run.model).toContain(`release ${release}`);
        }
      });
    } else {
      it("has no semi-supervised export to run", async () => {
        await expect(runExport(dir, "2.6", { ssod: true })).rejects.toThrow(/no semi-supervised trainer/);
      });
    }

    if (checkout.toStaticTraining) {
      it.concurrent.each(["2.3", "develop"])(
        "to_static training converts the model without reading its program (paddle %s)",
        async (release) => {
          const run = await runTrain(dir, release, { toStatic: true });
          expect(run.code, describeRun(run)).toBe(0);
          expect(run.stdout).toContain("Successfully to apply @to_static");
          expect(run.stdout).toContain("Training finished");
        },
      );
    } else {
      it("has no to_static training flag (added in 2.6)", async () => {
        const run = await runTrain(dir, "2.6", { toStatic: true });
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain("unrecognized arguments: --to_static");
        expect((await runTrain(dir, "2.6")).code).toBe(0);
      });
    }
  });

  it("an unfixed export succeeds on 2.6 when ENABLE_FALL_BACK=False (the known workaround)", async () => {
    const run = await runExport(checkoutPath("ppdet-2.7"), "2.6", { env: { ENABLE_FALL_BACK: "False" } });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.exported).toBe(true);
  });

  it("a bare full_graph=True fails on 2.3 and 2.4 (why upstream's fix is not enough)", async () => {
    for (const release of ["2.3", "2.4", "2.5"]) {
      const run = await runPythonCode(
        "import paddle\nclass N(paddle.nn.Layer):\n    def forward(self, x):\n        return x\n" +
          "m = paddle.jit.to_static(N(), input_spec=None, full_graph=True)\nprint(m.forward.main_program)",
        { cwd: workDir, pythonPath: [await fakePaddlePath(release)] },
      );
      if (guardPasses(release)) {
        expect(run.code, describeRun(run)).toBe(0);
      } else {
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain(`TypeError: declarative() got an ${KEYWORD_ERROR}`);
      }
    }
  });
});
