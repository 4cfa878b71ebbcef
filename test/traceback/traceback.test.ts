// --from-traceback, library part: parsing pasted tracebacks, mapping their
// frames onto a checkout (paths from another machine), and tracing the
// failing read back to the to_static call behind it, against the fake
// checkouts. The tracebacks are written here, shaped like the ones users
// paste (File "...", line N, in name / source line / carets / exception), with
// line numbers looked up in the fixtures so they stay true when those change.
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPatch } from "../../src/patches.js";
import { fixSource } from "../../src/rewrite/fix-source.js";
import { mapFrames, parseTraceback, planFromTraceback, planFromTracebackText, tracebackExitCode, formatTracebackPlan } from "../../src/traceback/index.js";
import { checkoutPath } from "../helpers/export-run.js";
import { toolkitPath } from "../helpers/toolkits.js";
import { removeTempDirs, tempDir, tempTree } from "../helpers/temp.js";

const PPDET = checkoutPath("ppdet-2.7");
const SEG = toolkitPath("paddleseg");
const RTDETR = toolkitPath("rtdetr");
const OCR = toolkitPath("paddleocr");

afterAll(removeTempDirs);

function tree(files: Record<string, string>): string {
  return tempTree("pfgf-tb-", files);
}

/** 1-based line of the first line of `rel` under `root` that contains `needle`. */
function lineOf(root: string, rel: string, needle: string): number {
  const lines = readFileSync(path.join(root, rel), "utf8").split("\n");
  const at = lines.findIndex((l) => l.includes(needle));
  if (at < 0) throw new Error(`${needle} not in ${rel}`);
  return at + 1;
}

function sourceAt(root: string, rel: string, line: number): string {
  return readFileSync(path.join(root, rel), "utf8").split("\n")[line - 1]!.trim();
}

interface F {
  file: string;
  line: number;
  fn: string;
  src?: string | null;
  carets?: boolean;
}

/** A traceback as CPython prints it. */
function traceback(frames: F[], exception: string, sep = "\\"): string {
  const out = ["Traceback (most recent call last):"];
  for (const f of frames) {
    out.push(`  File "${f.file}", line ${f.line}, in ${f.fn}`);
    if (f.src) out.push(`    ${f.src}`);
    if (f.src && f.carets) out.push(`    ${"^".repeat(Math.min(20, f.src.length))}`);
  }
  out.push(exception);
  void sep;
  return out.join("\n") + "\n";
}

const SOT = (attr: string) => `RuntimeError: Can't call ${attr} when full_graph=False. Use paddle.jit.to_static(full_graph=True) instead.`;

/** Frames of PaddleDetection's export, as a Windows user's traceback shows them (paths on their machine). */
function ppdetWindowsFrames(root: string, prefix = "E:\\python\\test\\PaddleDetection"): F[] {
  const at = (rel: string, needle: string, fn: string): F => {
    const line = lineOf(root, rel, needle);
    return { file: `${prefix}\\${rel.split("/").join("\\")}`, line, fn, src: sourceAt(root, rel, line) };
  };
  return [
    at("tools/export_model.py", "    main()", "<module>"),
    at("tools/export_model.py", "run(FLAGS, cfg)", "main"),
    at("tools/export_model.py", "trainer.export(FLAGS.output_dir, for_fd=FLAGS.for_fd)", "run"),
    at("ppdet/engine/trainer.py", "static_model, pruned_input_spec = self._get_infer_cfg_and_input_spec(", "export"),
    at("ppdet/engine/trainer.py", "input_spec, static_model.forward.main_program,", "_get_infer_cfg_and_input_spec"),
    {
      file: "D:\\python\\Envs\\test-2Ti2Q\\lib\\site-packages\\paddle\\jit\\dy2static\\program_translator.py",
      line: 768,
      fn: "main_program",
      src: 'raise_error_template("main_program")()',
    },
    {
      file: "D:\\python\\Envs\\test-2Ti2Q\\lib\\site-packages\\paddle\\jit\\dy2static\\program_translator.py",
      line: 704,
      fn: "_raise_error",
      src: "raise RuntimeError(error_template.format(func=func_str))",
    },
  ];
}

describe("parseTraceback", () => {
  it("reads frames, source lines and the exception; carets are not source", () => {
    const text = traceback(
      [
        { file: "tools/export_model.py", line: 118, fn: "<module>", src: "main()", carets: true },
        { file: "/home/u/PaddleDetection/ppdet/engine/trainer.py", line: 1181, fn: "_get_infer_cfg_and_input_spec", src: "input_spec, static_model.forward.main_program,", carets: true },
      ],
      SOT("main_program"),
    );
    const parsed = parseTraceback(text);
    expect(parsed.frames.map((f) => [f.file, f.line, f.function, f.source])).toEqual([
      ["tools/export_model.py", 118, "<module>", "main()"],
      ["/home/u/PaddleDetection/ppdet/engine/trainer.py", 1181, "_get_infer_cfg_and_input_spec", "input_spec, static_model.forward.main_program,"],
    ]);
    expect(parsed.exception).toMatchObject({ type: "RuntimeError" });
    expect(parsed.exception!.message).toMatch(/^Can't call main_program when full_graph=False/);
    expect(parsed.sot).toEqual({ attribute: "main_program", known: true });
  });

  it.each(loadPatch().sotAttributes)("recognises the SOT refusal of %s", (attr) => {
    const parsed = parseTraceback(traceback([{ file: "x.py", line: 1, fn: "f", src: "y" }], SOT(attr)));
    expect(parsed.sot).toEqual({ attribute: attr, known: true });
  });

  it("reads Paddle 2.6.2's own text for function_spec, which has two spaces before 'when'", () => {
    const message = "RuntimeError: Can't call function_spec  when full_graph=False. Use paddle.jit.to_static(full_graph=True) instead.";
    const parsed = parseTraceback(traceback([{ file: "x.py", line: 1, fn: "f", src: "y" }], message));
    expect(parsed.sot).toEqual({ attribute: "function_spec", known: true });
  });

  it("copes with CRLF, ANSI colours, a log prefix on every line and JSON-escaped backslashes", () => {
    const raw = traceback(ppdetWindowsFrames(PPDET, "E:\\\\work\\\\PaddleDetection").slice(3), SOT("outputs"));
    const prefixed = raw
      .trimEnd()
      .split("\n")
      .map((l) => `export-1  | \x1b[35m${l}\x1b[0m`)
      .join("\r\n");
    const parsed = parseTraceback(`[INFO] exporting\r\n${prefixed}\r\n[INFO] done\r\n`);
    expect(parsed.frames).toHaveLength(4);
    expect(parsed.frames[0]!.file).toBe("E:\\work\\PaddleDetection\\ppdet\\engine\\trainer.py");
    expect(parsed.frames[1]!.source).toBe("input_spec, static_model.forward.main_program,");
    expect(parsed.sot?.attribute).toBe("outputs");
  });

  it("takes the SOT error out of a chain, and says what the text finally ended in", () => {
    const first = traceback([{ file: "a.py", line: 3, fn: "f", src: "m.forward.concrete_program" }], SOT("concrete_program"));
    const second = traceback([{ file: "a.py", line: 9, fn: "g", src: "raise KeyError('x')" }], "KeyError: 'x'");
    const parsed = parseTraceback(`${first}\nDuring handling of the above exception, another exception occurred:\n\n${second}`);
    expect(parsed.blocks).toHaveLength(2);
    expect(parsed.sot?.attribute).toBe("concrete_program");
    expect(parsed.frames[0]!.line).toBe(3);
    expect(parsed.finalException).toMatchObject({ type: "KeyError", message: "'x'" });
  });

  it("another error is not the SOT error", () => {
    const parsed = parseTraceback(
      traceback([{ file: "trainer.py", line: 10, fn: "f", src: "x" }], "TypeError: declarative() got an unexpected keyword argument 'full_graph'"),
    );
    expect(parsed.sot).toBeNull();
    expect(parsed.exception?.type).toBe("TypeError");
  });
});

describe("mapFrames", () => {
  it("maps a Windows traceback onto the checkout by path suffix and skips paddle's own frames", async () => {
    const mapped = await mapFrames(parseTraceback(traceback(ppdetWindowsFrames(PPDET), SOT("main_program"))).frames, PPDET);
    expect(mapped.map((m) => [m.status, m.relPath])).toEqual([
      ["mapped", "tools/export_model.py"],
      ["mapped", "tools/export_model.py"],
      ["mapped", "tools/export_model.py"],
      ["mapped", "ppdet/engine/trainer.py"],
      ["mapped", "ppdet/engine/trainer.py"],
      ["paddle", null],
      ["paddle", null],
    ]);
    expect(mapped[4]!.file).toBe(path.join(PPDET, "ppdet", "engine", "trainer.py"));
  });

  it("maps /home/x/rtdetr_paddle/... onto a repository that vendors ppdet under rtdetr_paddle/", async () => {
    const rel = "rtdetr_paddle/ppdet/engine/trainer.py";
    const line = lineOf(RTDETR, rel, "static_model.forward.main_program");
    const parsed = parseTraceback(
      traceback([{ file: `/home/x/${rel}`, line, fn: "_get_infer_cfg_and_input_spec", src: sourceAt(RTDETR, rel, line) }], SOT("main_program")),
    );
    const [m] = await mapFrames(parsed.frames, RTDETR);
    expect(m).toMatchObject({ status: "mapped", relPath: rel, line });
  });

  it("reads and walks the checkout as a run does: latin-1 sources, skipped and ignored folders", async () => {
    const root = tree({
      // build/ is skipped where the checkout ignores it, as PaddleDetection's .gitignore does.
      ".gitignore": "scratch/\n/build/\n",
      "ppdet/engine/trainer.py": "# -*- coding: latin-1 -*-\nimport paddle\nname = 'caf\u00e9'; m.forward.main_program\n",
      "build/lib/ppdet/engine/trainer.py": "m.forward.main_program\n",
      "scratch/ppdet/engine/trainer.py": "m.forward.main_program\n",
    });
    // the file is latin-1 on disk: a UTF-8 read would garble the printed source line
    writeFileSync(path.join(root, "ppdet/engine/trainer.py"), Buffer.from("# -*- coding: latin-1 -*-\nimport paddle\nname = 'caf\u00e9'; m.forward.main_program\n", "latin1"));
    const frames = parseTraceback(
      traceback([{ file: "/home/u/ppdet/engine/trainer.py", line: 3, fn: "f", src: "name = 'caf\u00e9'; m.forward.main_program" }], SOT("main_program")),
    ).frames;
    const [m] = await mapFrames(frames, root);
    // the ignored build/ and scratch/ are not the checkout's files, as for a run: one match, not three
    expect(m).toMatchObject({ status: "mapped", relPath: "ppdet/engine/trainer.py", line: 3 });
  });

  it("relative paths, outside files, ambiguity, moved and mismatched source lines, installed copies", async () => {
    const root = tree({
      "tools/export.py": "import a\nimport b\nexport()\n",
      "a/x/util.py": "u = 1\n",
      "b/x/util.py": "u = 1\n",
      "pkg/engine/trainer.py": "x = 1\n\n\n\ny = m.forward.outputs\n",
    });
    const frames = parseTraceback(
      traceback(
        [
          { file: "tools/export.py", line: 3, fn: "<module>", src: "export()" },
          { file: "/usr/lib/python3.11/runpy.py", line: 88, fn: "_run_code", src: "exec(code, run_globals)" },
          { file: "<frozen runpy>", line: 12, fn: "f" },
          { file: "/home/u/proj/x/util.py", line: 1, fn: "g", src: "u = 1" },
          { file: "/home/u/proj/pkg/engine/trainer.py", line: 2, fn: "h", src: "y = m.forward.outputs" },
          { file: "/home/u/proj/pkg/engine/trainer.py", line: 1, fn: "h", src: "z = 2" },
          { file: "/opt/conda/lib/python3.10/site-packages/pkg/engine/trainer.py", line: 5, fn: "h", src: "y = m.forward.outputs" },
          { file: "/opt/conda/lib/python3.10/site-packages/paddle/jit/api.py", line: 5, fn: "outputs", src: "raise" },
          { file: "/usr/lib/python3.11/export.py", line: 3, fn: "g", src: "export()" },
        ],
        SOT("outputs"),
      ),
    ).frames;
    const mapped = await mapFrames(frames, root);
    // The last one shares only its file name with tools/export.py: not enough for an absolute path.
    expect(mapped.map((m) => m.status)).toEqual(["mapped", "outside", "outside", "ambiguous", "moved", "mismatch", "mapped", "paddle", "outside"]);
    expect(mapped[3]!.note).toBe("matches a/x/util.py, b/x/util.py");
    expect(mapped[4]).toMatchObject({ line: 5, relPath: "pkg/engine/trainer.py" });
    expect(mapped[4]!.note).toContain("line 5, not 2");
    expect(mapped[6]).toMatchObject({ installed: true, relPath: "pkg/engine/trainer.py" });
    expect(mapped[6]!.note).toContain("installed copy (site-packages/pkg/engine/trainer.py)");
  });
});

describe("planFromTraceback", () => {
  it("PaddleDetection on Windows: the read at _get_infer_cfg_and_input_spec leads to the to_static call two lines up", async () => {
    const text = traceback(ppdetWindowsFrames(PPDET), SOT("main_program"));
    const plan = await planFromTracebackText(text, PPDET);
    const trainer = path.join(PPDET, "ppdet", "engine", "trainer.py");
    const readLine = lineOf(PPDET, "ppdet/engine/trainer.py", "static_model.forward.main_program");
    const callLine = lineOf(PPDET, "ppdet/engine/trainer.py", "static_model = paddle.jit.to_static(");
    expect(plan.status).toBe("planned");
    expect(tracebackExitCode(plan)).toBe(0);
    expect([...plan.force.keys()]).toEqual([trainer]);
    expect([...plan.force.get(trainer)!]).toEqual([[callLine, `the traceback's RuntimeError at ppdet/engine/trainer.py:${readLine} reads its result`]]);
    expect(plan.sites).toMatchObject([{ relPath: "ppdet/engine/trainer.py", line: callLine, state: "open", callee: "paddle.jit.to_static" }]);
    const fixed = fixSource(readFileSync(trainer, "utf8"), { path: "ppdet/engine/trainer.py", force: plan.force.get(trainer) });
    expect(fixed.status).toBe("changed");
    expect(fixed.sites).toMatchObject([{ line: callLine, action: "fixed", reason: plan.sites[0]!.reason }]);
  });

  it("forces a call the classifier alone skips: the read sits in a helper that got the object as a parameter", async () => {
    const rel = "tools/analyze_model.py";
    const helperLine = lineOf(SEG, rel, "program = model.forward.main_program");
    const callerLine = lineOf(SEG, rel, "total = count_ops(static_net)");
    const convertLine = lineOf(SEG, rel, "static_net = paddle.jit.to_static(");
    const text = traceback(
      [
        { file: `/data/ci/PaddleSeg/${rel}`, line: lineOf(SEG, rel, "main(parse_args())"), fn: "<module>", src: "main(parse_args())" },
        { file: `/data/ci/PaddleSeg/${rel}`, line: callerLine, fn: "main", src: "total = count_ops(static_net)", carets: true },
        { file: `/data/ci/PaddleSeg/${rel}`, line: helperLine, fn: "count_ops", src: "program = model.forward.main_program", carets: true },
        { file: "/data/ci/venv/lib/python3.11/site-packages/paddle/jit/dy2static/program_translator.py", line: 1062, fn: "main_program", src: "concrete_program = self.concrete_program" },
      ],
      SOT("main_program"),
    );
    const plan = await planFromTracebackText(text, SEG);
    const file = path.join(SEG, "tools", "analyze_model.py");
    expect(plan.status).toBe("planned");
    const reason = `the traceback's RuntimeError at ${rel}:${helperLine} reads its result (passed as 'model' to count_ops at ${rel}:${callerLine})`;
    expect([...plan.force.get(file)!]).toEqual([[convertLine, reason]]);

    const source = readFileSync(file, "utf8");
    const plain = fixSource(source, { path: rel });
    expect(plain.sites).toMatchObject([{ line: convertLine, class: "other", action: "skipped" }]);
    const forced = fixSource(source, { path: rel, force: plan.force.get(file) });
    expect(forced.sites).toMatchObject([{ line: convertLine, class: "other", action: "fixed", reason }]);
    expect(forced.text).toContain("static_net = paddle.jit.to_static(net, input_spec=input_spec, **_paddle_full_graph_kwargs())");
    expect(formatTracebackPlan(plan, SEG)[0]).toBe(`Traceback: RuntimeError (SOT refused .main_program) surfaced at ${rel}:${helperLine} in count_ops.`);
  });

  it("RT-DETR on Linux, run from inside rtdetr_paddle/ (relative tools/ path) with the checkout root one level up", async () => {
    const rel = "rtdetr_paddle/ppdet/engine/trainer.py";
    const readLine = lineOf(RTDETR, rel, "static_model.forward.main_program");
    const text = traceback(
      [
        { file: "tools/export_model.py", line: lineOf(RTDETR, "rtdetr_paddle/tools/export_model.py", "    main()"), fn: "<module>", src: "main()" },
        { file: `/home/x/RT-DETR/${rel}`, line: readLine, fn: "_get_infer_cfg_and_input_spec", src: sourceAt(RTDETR, rel, readLine) },
        { file: "/home/x/miniconda3/envs/p/lib/python3.10/site-packages/paddle/jit/dy2static/program_translator.py", line: 768, fn: "main_program", src: 'raise_error_template("main_program")()' },
      ],
      SOT("main_program"),
    );
    const plan = await planFromTracebackText(text, RTDETR);
    expect(plan.frames[0]).toMatchObject({ status: "mapped", relPath: "rtdetr_paddle/tools/export_model.py" });
    expect(plan.sites).toMatchObject([{ relPath: rel, line: lineOf(RTDETR, rel, "static_model = paddle.jit.to_static("), state: "open" }]);
  });

  it("the semi-supervised trainer's export (2.6.1+), which upstream never fixed", async () => {
    const rel = "ppdet/engine/trainer_ssod.py";
    const text = readFileSync(path.join(PPDET, rel), "utf8");
    const read = text.split("\n").findIndex((l) => l.includes(".forward.main_program")) + 1;
    const plan = await planFromTracebackText(
      traceback([{ file: `C:\\Users\\me\\PaddleDetection-release-2.7\\${rel.replace(/\//g, "\\")}`, line: read, fn: "export", src: sourceAt(PPDET, rel, read) }], SOT("main_program")),
      PPDET,
    );
    expect(plan.status).toBe("planned");
    expect(plan.sites[0]).toMatchObject({ relPath: rel, state: "open" });
    expect(sourceAt(PPDET, rel, plan.sites[0]!.line)).toMatch(/paddle\.jit\.to_static\(/);
  });

  it("follows a value returned by a function imported from another checkout module, and a tuple return", async () => {
    const root = tree({
      "mytool/__init__.py": "",
      "mytool/convert.py": [
        "import paddle",
        "",
        "def build_static(net, spec):",
        "    static = paddle.jit.to_static(net, input_spec=spec)",
        "    return static",
        "",
        "def build_pair(net, spec):",
        "    return paddle.jit.to_static(net, input_spec=spec), spec",
        "",
      ].join("\n"),
      "tools/run.py": [
        "from mytool.convert import build_static, build_pair as pair",
        "",
        "def main(net, spec):",
        "    m = build_static(net, spec)",
        "    print(m.forward.outputs)",
        "    p, s = pair(net, spec)",
        "    q = p",
        "    return q.forward.main_program",
        "",
      ].join("\n"),
    });
    const first = await planFromTracebackText(traceback([{ file: "/w/tools/run.py", line: 5, fn: "main", src: "print(m.forward.outputs)" }], SOT("outputs")), root);
    expect(first.sites).toMatchObject([{ relPath: "mytool/convert.py", line: 4 }]);
    expect(first.sites[0]!.reason).toBe("the traceback's RuntimeError at tools/run.py:5 reads its result (returned by build_static (mytool/convert.py:3))");
    const second = await planFromTracebackText(traceback([{ file: "/w/tools/run.py", line: 8, fn: "main", src: "return q.forward.main_program" }], SOT("main_program")), root);
    expect(second.sites).toMatchObject([{ relPath: "mytool/convert.py", line: 8 }]);
  });

  it("a checkout line that hands the object to paddle (which then reads it), self attributes across methods, decorated methods", async () => {
    const root = tree({
      "engine.py": [
        "import paddle",
        "from paddle.jit import to_static",
        "",
        "class Net(paddle.nn.Layer):",
        "    @to_static",
        "    def forward(self, x):",
        "        return x",
        "",
        "class Exporter(object):",
        "    def prepare(self, model, spec):",
        "        self.static_model = paddle.jit.to_static(model, input_spec=spec)",
        "",
        "    def save(self, path):",
        "        paddle.jit.save(self.static_model, path)",
        "",
        "    def describe(self):",
        "        return self.static_model.forward.get_concrete_program()",
        "",
        "def probe():",
        "    net = Net()",
        "    return net.forward.concrete_program",
        "",
      ].join("\n"),
    });
    const frame = (line: number, fn: string, src: string) => traceback([{ file: "D:\\w\\engine.py", line, fn, src }], SOT("concrete_program"));
    const viaSave = await planFromTracebackText(frame(14, "save", "paddle.jit.save(self.static_model, path)"), root);
    expect(viaSave.sites).toMatchObject([{ line: 11 }]);
    expect(viaSave.sites[0]!.reason).toBe("the traceback's RuntimeError at engine.py:14 hands its result to paddle, which reads .concrete_program");
    const method = await planFromTracebackText(frame(17, "describe", "return self.static_model.forward.get_concrete_program()").replace(/concrete_program when/, "get_concrete_program when"), root);
    expect(method.sites).toMatchObject([{ line: 11 }]);
    const decorated = await planFromTracebackText(frame(21, "probe", "return net.forward.concrete_program"), root);
    expect(decorated.sites).toMatchObject([{ line: 5, callee: "to_static" }]);
  });

  it("a site that already passes full_graph is reported, and fixSource leaves it alone", async () => {
    const root = tree({
      "x.py": "import paddle\n\ndef f(m):\n    s = paddle.jit.to_static(m, full_graph=True)\n    return s.forward.main_program\n",
    });
    const plan = await planFromTracebackText(traceback([{ file: "/a/x.py", line: 5, fn: "f", src: "return s.forward.main_program" }], SOT("main_program")), root);
    expect(plan.sites).toMatchObject([{ line: 4, state: "already-fixed" }]);
    expect(plan.messages.join("\n")).toMatch(/already passes full_graph=True .*; left alone/);
    expect(plan.messages.at(-1)).toMatch(/^Every call the traceback leads to already passes full_graph/);
    expect(tracebackExitCode(plan)).toBe(2);
  });

  it("another error: nothing planned, and says so", async () => {
    const plan = await planFromTracebackText(
      traceback(ppdetWindowsFrames(PPDET).slice(0, 5), "TypeError: declarative() got an unexpected keyword argument 'full_graph'"),
      PPDET,
    );
    expect(plan.status).toBe("other-error");
    expect(plan.force.size).toBe(0);
    expect(tracebackExitCode(plan)).toBe(2);
    expect(plan.messages).toEqual([
      `The traceback ends in TypeError: declarative() got an unexpected keyword argument 'full_graph': not the error this tool fixes ("RuntimeError: Can't call <attribute> when full_graph=False"); nothing changed.`,
    ]);
    const none = await planFromTracebackText("ValueError: just a line\n", PPDET);
    expect(none.status).toBe("no-traceback");
    expect(none.messages[0]).toMatch(/No Python traceback found/);
  });

  it("frames from another project, a checkout that differs, and a read it cannot trace: nothing planned, with the reason", async () => {
    const elsewhere = await planFromTracebackText(traceback([{ file: "/srv/other/app.py", line: 3, fn: "f", src: "m.forward.outputs" }], SOT("outputs")), OCR);
    expect(elsewhere.status).toBe("unmapped");
    expect(elsewhere.messages.at(-1)).toMatch(/None of the traceback's 1 frames is a file under .*\(1 outside\)/);

    const rel = "tools/analyze_model.py";
    const line = lineOf(SEG, rel, "program = model.forward.main_program");
    const differs = await planFromTracebackText(traceback([{ file: `/x/${rel}`, line, fn: "count_ops", src: "program = self.net.forward.main_program" }], SOT("main_program")), SEG);
    expect(differs.status).toBe("unmapped");
    expect(differs.messages.at(-1)).toMatch(/does not match this checkout/);

    const root = tree({ "y.py": "from somewhere import get_fn\n\ndef g():\n    fn = get_fn()\n    return fn.main_program\n" });
    const untraced = await planFromTracebackText(traceback([{ file: "y.py", line: 5, fn: "g", src: "return fn.main_program" }], SOT("main_program")), root);
    expect(untraced.status).toBe("not-traced");
    expect(untraced.failing).toMatchObject({ relPath: "y.py", line: 5 });
    expect(untraced.messages.at(-1)).toMatch(/could not be traced from there; nothing changed/);
  });

  it("keys force by real paths, so a root reached through a symlink still matches the files the engine writes", async () => {
    const real = tree({ "x.py": "import paddle\n\ndef f(m):\n    s = paddle.jit.to_static(m)\n    return s.forward.outputs\n" });
    const link = path.join(tempDir("pfgf-tb-link-"), "checkout");
    symlinkSync(real, link, "dir");
    const plan = await planFromTracebackText(traceback([{ file: "/b/x.py", line: 5, fn: "f", src: "return s.forward.outputs" }], SOT("outputs")), link);
    expect([...plan.force.keys()]).toEqual([path.join(realpathSync(real), "x.py")]);
  });

  it("planFromTraceback takes the parsed traceback (frames and exception)", async () => {
    const parsed = parseTraceback(traceback(ppdetWindowsFrames(PPDET), SOT("main_program")));
    const plan = await planFromTraceback(parsed, PPDET);
    expect(plan.attribute).toBe("main_program");
    expect(plan.failing?.frame.function).toBe("_get_infer_cfg_and_input_spec");
  });
});
