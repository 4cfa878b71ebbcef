/**
 * Stand-in `paddle` packages for the runtime tests.
 *
 * Each one reproduces how one Paddle release treats `paddle.jit.to_static`
 * and `full_graph` (design.md section 2), plus the little of `paddle.nn`,
 * `paddle.static` and `paddle.jit` that export code touches. Everything here
 * is written from scratch for this project; only the behaviour (signatures,
 * the SOT error text, the ENABLE_FALL_BACK switch) follows the real releases.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** How a release treats a `full_graph=` keyword passed to `to_static`. */
export type FullGraphHandling =
  /** No such parameter and no `**kwargs`: Python raises TypeError. */
  | "rejected"
  /** Swallowed by `**kwargs`; conversion is whole-graph regardless. */
  | "ignored"
  /** Read from `**kwargs`; absent means `not ENABLE_FALL_BACK`, i.e. SOT. */
  | "honoured";

export interface PaddleRelease {
  /** Row id used by the tests: "2.3" ... "develop", "3.0.0-beta2". */
  readonly release: string;
  /** What `paddle.__version__` says for this build. */
  readonly version: string;
  /** The text of `inspect.signature(paddle.jit.to_static)`. */
  readonly signature: string;
  readonly fullGraph: FullGraphHandling;
}

const SIG_23 = "(function=None, input_spec=None, build_strategy=None)";
const SIG_24 = "(function=None, input_spec=None, build_strategy=None, property=False)";
const SIG_25 = "(function=None, input_spec=None, build_strategy=None, backend=None, **kwargs)";

export const PADDLE_RELEASES: readonly PaddleRelease[] = [
  { release: "2.3", version: "2.3.2", signature: SIG_23, fullGraph: "rejected" },
  { release: "2.4", version: "2.4.2", signature: SIG_24, fullGraph: "rejected" },
  { release: "2.5", version: "2.5.2", signature: SIG_25, fullGraph: "ignored" },
  { release: "2.6", version: "2.6.2", signature: SIG_25, fullGraph: "honoured" },
  { release: "3.0", version: "3.0.0", signature: SIG_25, fullGraph: "honoured" },
  { release: "develop", version: "0.0.0", signature: SIG_25, fullGraph: "honoured" },
  { release: "3.0.0-beta2", version: "3.0.0-beta2", signature: SIG_25, fullGraph: "honoured" },
];

/** Names an SOT-converted function refuses (properties first, then methods). */
export const SOT_PROPERTIES = [
  "code",
  "concrete_program",
  "inputs",
  "outputs",
  "main_program",
  "program_cache",
  "function_spec",
] as const;
export const SOT_METHODS = [
  "concrete_program_specify_input_spec",
  "get_concrete_program",
  "get_concrete_program_with_cache_key",
  "get_traced_count",
] as const;

/**
 * The message Paddle 2.6+ raises (as RuntimeError) for `name` under SOT.
 * The real 2.6.2 wheel names function_spec with a trailing space, hence two
 * spaces before "when" there (3.0 and newer have one).
 */
export function sotErrorText(name: string, release?: string): string {
  const shown = release === "2.6" && name === "function_spec" ? `${name} ` : name;
  return `Can't call ${shown} when full_graph=False. Use paddle.jit.to_static(full_graph=True) instead.`;
}

/**
 * What Python raises for `to_static(fn, full_graph=True)` on a release that
 * rejects the keyword, null where it is accepted. On the real 2.3/2.4 wheels
 * `paddle.jit.to_static` is the function `declarative` (paddle.fluid.dygraph.jit),
 * hence its name in the message.
 */
export function keywordErrorText(release: string): string | null {
  return findRelease(release).fullGraph === "rejected" ? "TypeError: declarative() got an unexpected keyword argument 'full_graph'" : null;
}

export function findRelease(release: string): PaddleRelease {
  const row = PADDLE_RELEASES.find((r) => r.release === release);
  if (!row) {
    throw new Error(
      `unknown Paddle release ${JSON.stringify(release)}; known: ${PADDLE_RELEASES.map((r) => r.release).join(", ")}`,
    );
  }
  return row;
}

export interface FakePaddleOptions {
  /**
   * Make `inspect.signature(paddle.jit.to_static)` raise ValueError (as it
   * does for some compiled callables), so callers must fall back to
   * `paddle.__version__`.
   */
  unreadableSignature?: boolean;
}

// ---------------------------------------------------------------------------
// Python sources. Plain strings (no interpolation) except where marked.

const INIT_PY = String.raw`"""Stand-in for the paddle package (paddle-fullgraph-fix test-suite).

Models one Paddle release's paddle.jit.to_static behaviour (see _release.py)
and just enough of nn, static and jit around it for export code to run.
"""
from ._release import VERSION as __version__
from .framework import (
    disable_static,
    enable_static,
    get_device,
    in_dynamic_mode,
    no_grad,
    set_device,
)
from . import nn
from . import static
from . import jit

__all__ = [
    "__version__",
    "disable_static",
    "enable_static",
    "get_device",
    "in_dynamic_mode",
    "jit",
    "nn",
    "no_grad",
    "set_device",
    "static",
]
`;

const FRAMEWORK_PY = String.raw`"""Global mode switches; the stand-in only records them."""

_state = {"static": False, "device": "cpu"}


def enable_static():
    _state["static"] = True


def disable_static(place=None):
    _state["static"] = False
    if place is not None:
        _state["device"] = str(place)


def in_dynamic_mode():
    return not _state["static"]


def set_device(device):
    _state["device"] = str(device)
    return _state["device"]


def get_device():
    return _state["device"]


class no_grad(object):
    """Usable as a context manager and as a decorator; does nothing else."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def __call__(self, func):
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        wrapper.__name__ = getattr(func, "__name__", "wrapper")
        return wrapper
`;

const NN_PY = String.raw`"""A minimal paddle.nn: only Layer."""


class Layer(object):
    """Bare-bones Layer: sub-layer bookkeeping, train/eval, __call__ -> forward."""

    def __init__(self, name_scope=None, dtype="float32"):
        object.__setattr__(self, "_sub_layers", {})
        self.training = True
        self._dtype = dtype
        self._full_name = name_scope or type(self).__name__.lower()

    def __setattr__(self, name, value):
        if isinstance(value, Layer):
            self.__dict__.setdefault("_sub_layers", {})[name] = value
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.__dict__.get("_sub_layers", {}).pop(name, None)
        object.__delattr__(self, name)

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(type(self).__name__ + " does not define forward")

    def full_name(self):
        return self._full_name

    def sublayers(self, include_self=False):
        found = [self] if include_self else []
        for layer in self.__dict__.get("_sub_layers", {}).values():
            found.append(layer)
            found.extend(layer.sublayers())
        return found

    def train(self):
        for layer in self.sublayers(include_self=True):
            layer.training = True
        return self

    def eval(self):
        for layer in self.sublayers(include_self=True):
            layer.training = False
        return self

    def parameters(self, include_sublayers=True):
        return []

    def state_dict(self):
        return {}

    def set_state_dict(self, state_dict, use_structured_name=True):
        return [], []
`;

const STATIC_PY = String.raw`"""A minimal paddle.static: InputSpec, BuildStrategy and a toy Program."""


class InputSpec(object):
    def __init__(self, shape=None, dtype="float32", name=None, stop_gradient=False):
        self.shape = tuple(shape) if shape is not None else ()
        self.dtype = dtype
        self.name = name
        self.stop_gradient = stop_gradient

    def __repr__(self):
        return "InputSpec(shape={}, dtype={}, name={})".format(
            self.shape, self.dtype, self.name
        )

    def __eq__(self, other):
        return (
            isinstance(other, InputSpec)
            and (self.shape, self.dtype, self.name)
            == (other.shape, other.dtype, other.name)
        )

    def __hash__(self):
        return hash((self.shape, self.dtype, self.name))


class BuildStrategy(object):
    def __init__(self):
        self.build_cinn_pass = False
        self.enable_inplace = True


class Variable(object):
    def __init__(self, name, shape=(), dtype="float32"):
        self.name = name
        self.shape = tuple(shape)
        self.dtype = dtype

    def __repr__(self):
        return "Variable(name={}, shape={})".format(self.name, self.shape)


class Block(object):
    def __init__(self, variables):
        self.vars = dict((v.name, v) for v in variables)

    def var(self, name):
        if name not in self.vars:
            raise ValueError("var {} is not in this block".format(name))
        return self.vars[name]

    def has_var(self, name):
        return name in self.vars


class Program(object):
    """Holds the variables of one traced function: its inputs and outputs."""

    def __init__(self, inputs=(), outputs=()):
        self._inputs = list(inputs)
        self._outputs = list(outputs)

    def clone(self, for_test=False):
        return Program(self._inputs, self._outputs)

    def _prune(self, targets):
        for target in targets:
            if not isinstance(target, Variable):
                raise TypeError(
                    "prune targets must be Variables, got {}".format(
                        type(target).__name__
                    )
                )
        return Program(self._inputs, list(targets))

    def global_block(self):
        return Block(self._inputs + self._outputs)

    @property
    def num_blocks(self):
        return 1

    def __repr__(self):
        return "Program(inputs={}, outputs={})".format(
            [v.name for v in self._inputs], [v.name for v in self._outputs]
        )
`;

const JIT_INIT_PY = String.raw`from .api import not_to_static, save, to_static
from .api import StaticFunction, SymbolicStaticFunction

__all__ = ["not_to_static", "save", "to_static"]
`;

// The part of jit/api.py shared by every release. The release-specific
// to_static definition is appended after it.
const JIT_API_COMMON = String.raw`"""paddle.jit.api stand-in: to_static, not_to_static, save.

Whole-graph conversion (what Paddle calls AST mode) is StaticFunction; SOT
conversion is SymbolicStaticFunction, which runs the function but refuses
to hand out a program, like Paddle 2.6+ does.
"""
import inspect
import os
import types
import warnings
import weakref

from .._release import RELEASE, VERSION
from ..nn import Layer
from ..static import BuildStrategy, InputSpec, Program, Variable

_SOT_MESSAGE = (
    "Can't call {} when full_graph=False. "
    "Use paddle.jit.to_static(full_graph=True) instead."
)


def _spec_pairs(spec, found):
    """(name, InputSpec) pairs from a nested list/tuple/dict input spec."""
    if isinstance(spec, InputSpec):
        found.append((spec.name or "input_{}".format(len(found)), spec))
    elif isinstance(spec, dict):
        for key in spec:
            value = spec[key]
            if isinstance(value, InputSpec):
                found.append((value.name or str(key), value))
            else:
                _spec_pairs(value, found)
    elif isinstance(spec, (list, tuple)):
        for item in spec:
            _spec_pairs(item, found)
    return found


class ConcreteProgram(object):
    def __init__(self, function_name, input_spec):
        pairs = _spec_pairs(input_spec, [])
        self.inputs = [Variable(name, s.shape, s.dtype) for name, s in pairs]
        self.outputs = [
            Variable("{}_out_{}".format(function_name, i)) for i in range(2)
        ]
        self.main_program = Program(self.inputs, self.outputs)
        self.startup_program = Program()
        self.function_name = function_name


class PartialProgramLayer(object):
    def __init__(self, concrete_program):
        self.program = concrete_program.main_program


class ProgramCache(object):
    def __init__(self):
        self._programs = {}
        self._order = []

    def get(self, key, build):
        if key not in self._programs:
            self._programs[key] = build()
            self._order.append(key)
        return self._programs[key]

    def last(self):
        if not self._order:
            raise ValueError("no program has been traced yet")
        key = self._order[-1]
        return key, self._programs[key]

    def concrete_programs(self):
        return [self._programs[k] for k in self._order]

    def __len__(self):
        return len(self._order)

    def __contains__(self, key):
        return key in self._programs


class FunctionSpec(object):
    def __init__(self, function, input_spec):
        self.dygraph_function = function
        self.input_spec = input_spec
        try:
            params = list(inspect.signature(function).parameters)
        except (TypeError, ValueError):
            params = []
        self.args_name = params


class StaticFunction(object):
    """A function converted as one whole static graph."""

    def __init__(self, function, input_spec=None, build_strategy=None,
                 property=False, instance=None):
        self._dygraph_function = function
        self._input_spec = input_spec
        self._build_strategy = build_strategy
        self._property = property
        self._instance = instance
        self._cache = ProgramCache()
        self._bound = weakref.WeakKeyDictionary()
        self.__name__ = getattr(function, "__name__", type(function).__name__)
        self.__doc__ = getattr(function, "__doc__", None)
        self.__wrapped__ = function

    def _rebuild(self, kind, instance):
        return kind(self._dygraph_function, self._input_spec,
                    self._build_strategy, self._property, instance)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if instance not in self._bound:
            self._bound[instance] = self._rebuild(type(self), instance)
        return self._bound[instance]

    def __call__(self, *args, **kwargs):
        if self._instance is not None:
            return self._dygraph_function(self._instance, *args, **kwargs)
        return self._dygraph_function(*args, **kwargs)

    def _python_callable(self):
        if self._instance is not None:
            return types.MethodType(self._dygraph_function, self._instance)
        return self._dygraph_function

    def _as_whole_graph(self):
        return self._rebuild(StaticFunction, self._instance)

    @property
    def dygraph_function(self):
        return self._dygraph_function

    @property
    def is_property(self):
        return self._property

    def _trace(self, input_spec=None):
        spec = input_spec if input_spec is not None else self._input_spec
        key = repr(_spec_pairs(spec, []))
        return self._cache.get(key, lambda: ConcreteProgram(self.__name__, spec))

    # -- what SOT conversion refuses -----------------------------------------

    @property
    def code(self):
        try:
            return inspect.getsource(self._dygraph_function)
        except (OSError, TypeError):
            return "def {}(*args, **kwargs): ...\n".format(self.__name__)

    @property
    def concrete_program(self):
        return self.concrete_program_specify_input_spec()

    @property
    def inputs(self):
        return self.concrete_program.inputs

    @property
    def outputs(self):
        return self.concrete_program.outputs

    @property
    def main_program(self):
        return self.concrete_program.main_program

    @property
    def program_cache(self):
        return self._cache

    @property
    def function_spec(self):
        return FunctionSpec(self._dygraph_function, self._input_spec)

    def concrete_program_specify_input_spec(self, input_spec=None,
                                            with_hook=False,
                                            is_prim_infer=False):
        return self._trace(input_spec)

    def get_concrete_program(self, *args, **kwargs):
        program = self._trace()
        return program, PartialProgramLayer(program)

    def get_concrete_program_with_cache_key(self, cache_key):
        return self.get_concrete_program()

    def get_traced_count(self):
        return len(self._cache)


def _refused(name, is_method):
    # Paddle 2.6.2 spells this one "function_spec " (two spaces before when).
    shown = name + " " if RELEASE == "2.6" and name == "function_spec" else name

    def refuse(self, *args, **kwargs):
        raise RuntimeError(_SOT_MESSAGE.format(shown))

    refuse.__name__ = name
    return refuse if is_method else property(refuse)


class SymbolicStaticFunction(StaticFunction):
    """A function converted with SOT: it runs, but has no whole program."""

    def __init__(self, function, input_spec=None, *args, **kwargs):
        if input_spec is not None:
            # Real 2.6 to 3.3 warn the same way: SOT ignores the input spec.
            warnings.warn(
                "full_graph=False don't support input_spec arguments. "
                "It will not produce any effect.\n"
                "You can set full_graph=True, then you can assign input spec.\n"
            )
        StaticFunction.__init__(self, function, input_spec, *args, **kwargs)

    code = _refused("code", False)
    concrete_program = _refused("concrete_program", False)
    inputs = _refused("inputs", False)
    outputs = _refused("outputs", False)
    main_program = _refused("main_program", False)
    program_cache = _refused("program_cache", False)
    function_spec = _refused("function_spec", False)
    concrete_program_specify_input_spec = _refused(
        "concrete_program_specify_input_spec", True)
    get_concrete_program = _refused("get_concrete_program", True)
    get_concrete_program_with_cache_key = _refused(
        "get_concrete_program_with_cache_key", True)
    get_traced_count = _refused("get_traced_count", True)


def _convert(function, input_spec, build_strategy, is_property, symbolic):
    if build_strategy is not None and not isinstance(build_strategy, BuildStrategy):
        raise TypeError(
            "build_strategy must be a paddle.static.BuildStrategy, got {}".format(
                type(build_strategy).__name__
            )
        )
    kind = SymbolicStaticFunction if symbolic else StaticFunction

    def decorated(python_func):
        if isinstance(python_func, StaticFunction):
            python_func = python_func._python_callable()
        return kind(python_func, input_spec, build_strategy, is_property)

    if function is None:
        return decorated
    if isinstance(function, Layer):
        function.forward = decorated(function.forward)
        return function
    return decorated(function)


def _check_backend(backend):
    if backend not in (None, "CINN"):
        raise ValueError(
            "backend must be None or CINN, got {!r}".format(backend)
        )


def _fall_back_enabled():
    value = os.environ.get("ENABLE_FALL_BACK")
    if value is None:
        return True
    return value.strip().lower() not in ("0", "false", "off", "no", "")


def not_to_static(func=None):
    if func is None:
        return not_to_static
    try:
        func._paddle_not_to_static = True
    except (AttributeError, TypeError):
        pass
    return func


def save(layer, path, input_spec=None, **configs):
    """Writes path + ".pdmodel" (a short text marker), path + ".pdiparams"
    and, like the real 2.4 to 2.6 wheels, path + ".pdiparams.info".

    Like Paddle 3.x, it copes with an SOT-converted forward by tracing a
    whole program of its own instead of asking the function for one.
    """
    if isinstance(layer, Layer):
        forward = layer.forward
    elif isinstance(layer, StaticFunction) or inspect.isfunction(layer) \
            or inspect.ismethod(layer):
        forward = layer
    else:
        raise TypeError(
            "paddle.jit.save expects a Layer or a function, got {}".format(
                type(layer).__name__
            )
        )
    if not path or os.path.basename(path) == "":
        raise ValueError("path must look like dirname/file_prefix")
    if isinstance(forward, SymbolicStaticFunction):
        mode, static = "sot", forward._as_whole_graph()
    elif isinstance(forward, StaticFunction):
        mode, static = "whole-graph", forward
    else:
        mode, static = "dygraph", StaticFunction(forward, input_spec)
    program = static.concrete_program_specify_input_spec(input_spec)
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path + ".pdmodel", "w") as out:
        out.write("stand-in paddle {} (release {})\n".format(VERSION, RELEASE))
        out.write("converted: {}\n".format(mode))
        out.write("inputs: {}\n".format(",".join(v.name for v in program.inputs)))
    with open(path + ".pdiparams", "wb"):
        pass
    if VERSION.startswith("2."):
        with open(path + ".pdiparams.info", "wb"):
            pass

`;

function toStaticPython(row: PaddleRelease): string {
  switch (row.fullGraph) {
    case "rejected":
      return row.signature === SIG_23
        ? String.raw`
def declarative(function=None, input_spec=None, build_strategy=None):
    # Paddle 2.2/2.3: no property, no **kwargs; full_graph is a TypeError.
    return _convert(function, input_spec, build_strategy, False, symbolic=False)


# the real 2.3/2.4 export it under this name too (paddle.jit imports
# declarative as to_static), so the TypeError names declarative()
to_static = declarative
`
        : String.raw`
def declarative(function=None, input_spec=None, build_strategy=None, property=False):
    # Paddle 2.4: adds property, still no **kwargs; full_graph is a TypeError.
    return _convert(function, input_spec, build_strategy, property, symbolic=False)


to_static = declarative
`;
    case "ignored":
      return String.raw`
def to_static(function=None, input_spec=None, build_strategy=None, backend=None, **kwargs):
    # Paddle 2.5: **kwargs swallows full_graph; conversion is whole-graph anyway.
    _check_backend(backend)
    return _convert(function, input_spec, build_strategy,
                    kwargs.get("property", False), symbolic=False)
`;
    case "honoured":
      return String.raw`
def to_static(function=None, input_spec=None, build_strategy=None, backend=None, **kwargs):
    # Paddle 2.6+: full_graph read from kwargs; absent means SOT unless the
    # environment says ENABLE_FALL_BACK=False.
    _check_backend(backend)
    full_graph = kwargs.get("full_graph")
    if full_graph is None:
        full_graph = not _fall_back_enabled()
    return _convert(function, input_spec, build_strategy,
                    kwargs.get("property", False), symbolic=not full_graph)
`;
  }
}

const UNREADABLE_SIGNATURE_PY = String.raw`

class _NoSignature(object):
    """Callable wrapper whose signature cannot be read (like some builtins)."""

    def __init__(self, func):
        self._func = func
        self.__name__ = func.__name__
        self.__doc__ = func.__doc__

    @property
    def __signature__(self):
        raise ValueError("no signature found for to_static")

    def __call__(self, *args, **kwargs):
        return self._func(*args, **kwargs)


to_static = _NoSignature(to_static)
`;

const pyString = (value: string): string => JSON.stringify(value);

/** The files of the stand-in package, relative to the PYTHONPATH entry. */
export function fakePaddleFiles(release: string, options: FakePaddleOptions = {}): Record<string, string> {
  const row = findRelease(release);
  const releasePy =
    `# Which Paddle release this stand-in imitates (generated by the test-suite).\n` +
    `VERSION = ${pyString(row.version)}\n` +
    `RELEASE = ${pyString(row.release)}\n` +
    `FULL_GRAPH = ${pyString(row.fullGraph)}\n`;
  const apiPy =
    JIT_API_COMMON + toStaticPython(row) + (options.unreadableSignature ? UNREADABLE_SIGNATURE_PY : "");
  return {
    "paddle/__init__.py": INIT_PY,
    "paddle/_release.py": releasePy,
    "paddle/framework.py": FRAMEWORK_PY,
    "paddle/nn/__init__.py": NN_PY,
    "paddle/static/__init__.py": STATIC_PY,
    "paddle/jit/__init__.py": JIT_INIT_PY,
    "paddle/jit/api.py": apiPy,
  };
}

/**
 * Writes the stand-in `paddle` package for `release` into `dir` and returns
 * `dir`, the entry to put on PYTHONPATH.
 */
export async function writeFakePaddle(
  dir: string,
  release: string,
  options: FakePaddleOptions = {},
): Promise<string> {
  const files = fakePaddleFiles(release, options);
  for (const [rel, text] of Object.entries(files)) {
    const target = join(dir, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, "utf8");
  }
  return dir;
}

// ---------------------------------------------------------------------------
// A per-process cache: each stand-in is written once and reused.

let root: Promise<string> | undefined;
const written = new Map<string, Promise<string>>();

function cacheRoot(): Promise<string> {
  root ??= mkdtemp(join(tmpdir(), "pfgf-paddle-"));
  return root;
}

/**
 * PYTHONPATH entry of a cached stand-in for `release` (written on first use).
 * Call {@link disposeFakePaddles} in `afterAll` to remove them.
 */
export function fakePaddlePath(release: string, options: FakePaddleOptions = {}): Promise<string> {
  findRelease(release);
  const key = `${release}${options.unreadableSignature ? "+nosig" : ""}`;
  let entry = written.get(key);
  if (!entry) {
    entry = cacheRoot().then((base) => writeFakePaddle(join(base, key), release, options));
    written.set(key, entry);
  }
  return entry;
}

/** Removes every cached stand-in written by {@link fakePaddlePath}. */
export async function disposeFakePaddles(): Promise<void> {
  const base = root;
  root = undefined;
  written.clear();
  if (base) await rm(await base, { recursive: true, force: true });
}
