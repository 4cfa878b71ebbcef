// fast-check generators for Python modules that call paddle.jit.to_static in
// every spelling and layout the tool claims to handle, mixed with lines that
// must never change. Each generated module knows its own parts, so the
// properties can check them.
import fc from "fast-check";

export interface Spelling {
  imports: string;
  callee: string;
}

export const SPELLINGS: Spelling[] = [
  { imports: "import paddle", callee: "paddle.jit.to_static" },
  { imports: "import paddle as pd", callee: "pd.jit.to_static" },
  { imports: "import paddle.jit", callee: "paddle.jit.to_static" },
  { imports: "from paddle import jit", callee: "jit.to_static" },
  { imports: "from paddle import jit as j", callee: "j.to_static" },
  { imports: "from paddle.jit import to_static", callee: "to_static" },
  { imports: "from paddle.jit import to_static as ts", callee: "ts" },
];

/** Argument layouts of a call; `I` is one indent unit, lines joined with \n. */
const CALL_LAYOUTS: ((c: string, I: string) => string[])[] = [
  (c) => [`${c}(model)`],
  (c) => [`${c}(model, input_spec=spec)`],
  (c) => [`${c}(model, input_spec=spec,)`],
  (c) => [`${c}(model, input_spec=spec, )`],
  (c) => [`${c}()`],
  (c, I) => [`${c}(`, `${I}model,`, `${I}input_spec=spec)`],
  (c, I) => [`${c}(`, `${I}model,`, `${I}input_spec=spec,`, `)`],
  (c, I) => [`${c}(`, `${I}model,`, `${I}input_spec=spec,  # the spec`, `)`],
  (c, I) => [`${c}(model,`, `${I}input_spec=spec,`, `)`],
  (c, I) => [`${c}(model,  # the net`, `${I}input_spec=spec)`],
  (c, I) => [`${c}(`, `${I}model, input_spec=[`, `${I}${I}spec,`, `${I}]`, `)`],
];

/** Decorator layouts (never `@c()`: it is fixed to the same text as `@c`). */
const DECORATOR_LAYOUTS: ((c: string, I: string) => string[])[] = [
  (c) => [`@${c}`],
  (c) => [`@${c}(input_spec=[spec])`],
  (c) => [`@${c}(input_spec=[spec],)`],
  (c, I) => [`@${c}(`, `${I}input_spec=[spec],`, `)`],
];

/** Lines that mention to_static but are not calls of it: never edited, never reverted. */
function negatives(c: string, I: string): string[][] {
  return [
    [`# ${c}(model) is what export does`],
    [`MESSAGE = "converted with ${c}(model, input_spec=spec)"`],
    [`@paddle.jit.not_to_static`, `def helper(x):`, `${I}return x`],
    [`def apply_to_static(cfg, model):`, `${I}if cfg.get('to_static', False):`, `${I}${I}return model`, `${I}return None`],
    [`def other_object(other, model):`, `${I}return other.to_static(model)`],
    [`def upstream(model, spec):`, `${I}return ${c}(model, input_spec=spec, full_graph=True)`],
    [`def documented(model):`, `${I}"""Wraps ${c}(model) for export."""`, `${I}return model`],
  ];
}

export type Unit =
  | { kind: "call"; layout: number; name: number; docstring: boolean }
  | { kind: "decorator"; layout: number; name: number }
  | { kind: "module-call"; layout: number }
  | { kind: "negative"; which: number };

export interface ModuleSpec {
  spelling: number;
  eol: "\n" | "\r\n";
  indent: string;
  docstring: "" | "one-line" | "multi-line";
  future: boolean;
  extraImport: "" | "before" | "after";
  /** Blank lines between the import block and the body. */
  gap: number;
  units: Unit[];
  trailingNewline: boolean;
}

const unit: fc.Arbitrary<Unit> = fc.oneof(
  fc.record({ kind: fc.constant("call" as const), layout: fc.nat(CALL_LAYOUTS.length - 1), name: fc.nat(99), docstring: fc.boolean() }),
  fc.record({ kind: fc.constant("decorator" as const), layout: fc.nat(DECORATOR_LAYOUTS.length - 1), name: fc.nat(99) }),
  fc.record({ kind: fc.constant("module-call" as const), layout: fc.constantFrom(0, 1, 2, 5, 6) }),
  fc.record({ kind: fc.constant("negative" as const), which: fc.nat(6) }),
);

export const moduleSpec: fc.Arbitrary<ModuleSpec> = fc.record({
  spelling: fc.nat(SPELLINGS.length - 1),
  eol: fc.constantFrom("\n" as const, "\r\n" as const),
  indent: fc.constantFrom("    ", "\t", "  "),
  docstring: fc.constantFrom("" as const, "one-line" as const, "multi-line" as const),
  future: fc.boolean(),
  extraImport: fc.constantFrom("" as const, "before" as const, "after" as const),
  gap: fc.nat(3),
  units: fc.array(unit, { minLength: 1, maxLength: 5 }),
  trailingNewline: fc.boolean(),
});

/** Only negatives: the tool must leave these modules alone. */
export const negativeSpec: fc.Arbitrary<ModuleSpec> = moduleSpec.chain((spec) =>
  fc.array(fc.nat(6), { minLength: 1, maxLength: 6 }).map((which) => ({ ...spec, units: which.map((w) => ({ kind: "negative" as const, which: w })) })),
);

export interface Module {
  spec: ModuleSpec;
  text: string;
  /** Each negative unit's text (with the module's line endings): must survive unchanged. */
  negatives: string[];
  /** The first body line (what follows the gap after the import block). */
  firstBodyLine: string;
}

export function render(spec: ModuleSpec): Module {
  const { callee, imports } = SPELLINGS[spec.spelling];
  const I = spec.indent;
  const lines: string[] = [];
  if (spec.docstring === "one-line") lines.push('"""Export helpers."""');
  if (spec.docstring === "multi-line") lines.push('"""Export helpers.', "", 'Mentions paddle.jit.to_static(model) in prose."""');
  if (spec.future) lines.push("from __future__ import annotations");
  if (spec.extraImport === "before") lines.push("import os");
  lines.push(imports);
  if (spec.extraImport === "after") lines.push("import sys");
  for (let i = 0; i < spec.gap; i++) lines.push("");

  const negativeTexts: string[] = [];
  const body: string[][] = spec.units.map((u, i) => {
    switch (u.kind) {
      case "call": {
        // Continuation lines are indented relative to the statement's own indent.
        const call = CALL_LAYOUTS[u.layout](callee, I).map((l, k) => (k === 0 ? l : I + l));
        const doc = u.docstring ? [`${I}"""Convert the model."""`] : [];
        return [`def export_${u.name}_${i}(model, spec, path):`, ...doc, `${I}static = ${call[0]}`, ...call.slice(1), `${I}return static.forward.main_program`];
      }
      case "decorator": {
        const deco = DECORATOR_LAYOUTS[u.layout](callee, I);
        return [...deco, `def forward_${u.name}_${i}(x):`, `${I}return x`];
      }
      case "module-call": {
        const call = CALL_LAYOUTS[u.layout](callee, I);
        return [`net_${i} = ${call[0]}`, ...call.slice(1)];
      }
      case "negative": {
        const lines = negatives(callee, I)[u.which];
        negativeTexts.push(lines.join(spec.eol));
        return lines;
      }
    }
  });
  // Module-level calls need `model` and `spec`.
  if (spec.units.some((u) => u.kind === "module-call" || u.kind === "decorator")) body.unshift(["model = spec = None"]);
  const blocks = body.map((b, i) => (i === 0 ? b : ["", "", ...b]));
  const all = [...lines, ...blocks.flat()];
  let text = all.join(spec.eol);
  if (spec.trailingNewline) text += spec.eol;
  return { spec, text, negatives: negativeTexts, firstBodyLine: body[0][0] };
}

export const modules = moduleSpec.map(render);
export const negativeModules = negativeSpec.map(render);
