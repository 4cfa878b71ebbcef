// Every reason code the tool can give, each with a small example that
// produces it (or, for the file codes only a real filesystem produces, the
// test file that asserts it): a code added without an example, or an example
// that drifts to another code, fails here. README's table lists exactly
// these codes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportForSource } from "../src/engine.js";
import { FILE_CODES, SITE_CODES, type FileCode, type SiteCode } from "../src/model.js";
import { loadPatch } from "../src/patches.js";
import { fixBytes, revertBytes } from "../src/rewrite/fix-bytes.js";
import { fixSource, type FixSourceOptions } from "../src/rewrite/fix-source.js";

const EXAMPLES: Record<SiteCode, { source: string; options?: FixSourceOptions }> = {
  "required/reads-program": { source: "import paddle\ndef f(m):\n    s = paddle.jit.to_static(m)\n    return s.forward.main_program\n" },
  "required/decorated-reads-program": {
    source: "import paddle\nclass Net:\n    @paddle.jit.to_static\n    def forward(self, x):\n        return x\ndef f(net):\n    return net.forward.outputs\n",
  },
  "required/in-place-reads-program": { source: "import paddle\ndef f(net):\n    paddle.jit.to_static(net)\n    return net.forward.main_program\n" },
  "required/returned-reads-program": {
    source: "import paddle\ndef conv(m):\n    return paddle.jit.to_static(m)\ndef f(m):\n    s = conv(m)\n    return s.forward.main_program\n",
  },
  "export/passed-to-save": { source: "import paddle\ndef f(m, p):\n    paddle.jit.save(paddle.jit.to_static(m), p)\n" },
  "export/saved": { source: "import paddle\ndef f(m, p):\n    s = paddle.jit.to_static(m)\n    paddle.jit.save(s, p)\n" },
  "export/holder-saved": { source: "import paddle\ndef f(net, p):\n    net.forward = paddle.jit.to_static(net.forward)\n    paddle.jit.save(net, p)\n" },
  "export/decorated-saved": {
    source: "import paddle\nclass Net:\n    @paddle.jit.to_static\n    def forward(self, x):\n        return x\ndef f(net, p):\n    paddle.jit.save(net.forward, p)\n",
  },
  "export/in-place-saved": { source: "import paddle\ndef f(net, p):\n    paddle.jit.to_static(net)\n    paddle.jit.save(net, p)\n" },
  "export/instance-saved": {
    source: "import paddle\nclass Net:\n    @paddle.jit.to_static\n    def forward(self, x):\n        return x\ndef f(p):\n    net = Net()\n    paddle.jit.save(net, p)\n",
  },
  "export/returned-saved": { source: "import paddle\ndef conv(m):\n    return paddle.jit.to_static(m)\ndef f(m, p):\n    s = conv(m)\n    paddle.jit.save(s, p)\n" },
  "export/in-export-function": { source: "import paddle\ndef export_model(m):\n    return paddle.jit.to_static(m)\n" },
  "export/in-export-script": { source: "import paddle\nm = paddle.jit.to_static(net)\n", options: { path: "tools/export_model.py" } },
  "other/training-helper": { source: "import paddle\ndef apply_to_static(m):\n    return paddle.jit.to_static(m)\n" },
  "other/not-on-export-path": { source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m)\n" },
  "already-fixed/guard": { source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m, **_paddle_full_graph_kwargs())\n" },
  "already-fixed/upstream-unguarded": { source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m, full_graph=True)\n" },
  "upstream/bare-keyword-rejected": {
    source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m, full_graph=True)\n",
    options: { bareKeyword: { action: "guard", paddle: "2.4.2" } },
  },
  "needs-review/full-graph-value": { source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m, full_graph=False)\n" },
  "needs-review/full-graph-false-read": {
    source: "import paddle\ndef f(m):\n    s = paddle.jit.to_static(m, full_graph=False)\n    return s.forward.main_program\n",
  },
  "required/full-graph-false-overridden": {
    source: "import paddle\ndef f(m):\n    s = paddle.jit.to_static(m, full_graph=False)\n    return s.forward.main_program\n",
    options: { overrideFullGraphFalse: true },
  },
  "needs-review/forwards-kwargs": { source: "import paddle\ndef f(m, **kw):\n    return paddle.jit.to_static(m, **kw)\n" },
  "needs-review/generator-argument": { source: "import paddle\ndef f(ms):\n    return paddle.jit.to_static(m for m in ms)\n" },
  "traceback/traced": { source: "import paddle\ndef f(m):\n    return paddle.jit.to_static(m)\n", options: { force: new Map([[3, "a traceback led here"]]) } },
};

const patch = loadPatch();
const CALL = "import paddle\nm = paddle.jit.to_static(net)\npaddle.jit.save(m, 'out')\n";
const fileCode = (bytes: Buffer | string, revert = false): FileCode | undefined => {
  const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, "utf8");
  return reportForSource("export.py", "check", revert ? revertBytes(input) : fixBytes(input, { path: "export.py" }), revert).files[0].code;
};

/** A function that returns the code its example gets, or the test file that asserts the code on a real filesystem. */
const FILE_EXAMPLES: Record<FileCode, (() => FileCode | undefined) | string> = {
  "file/syntax-error": () => fileCode("import paddle\nm = paddle.jit.to_static(net\n"),
  "file/binary": () => fileCode(Buffer.concat([Buffer.from(CALL), Buffer.from([0])])),
  "file/unsupported-encoding": () => fileCode(`# -*- coding: gbk -*-\n${CALL}`),
  "file/not-utf8": () => fileCode(Buffer.concat([Buffer.from(CALL), Buffer.from([0xff, 0x0a])])),
  "file/not-regular": "test/files/hostile.test.ts",
  "file/link-not-followed": "test/files/hostile.test.ts",
  "file/link-outside": "test/files/hostile.test.ts",
  "file/too-large": "test/files/hostile.test.ts",
  "file/unreadable": "test/files/hostile.test.ts",
  // A patch whose keyword cannot be written: the re-parse refuses the edit.
  "file/edit-not-applied": () => fixSource(CALL, { path: "export.py", style: "plain", patch: { ...patch, keyword: "full graph" } }).code,
  "file/revert-not-applied": () => fileCode(`${patch.guard.beginMarker}\nx = 1\n`, true),
  "file/changed-on-disk": "test/files/write.test.ts",
  "file/write-failed": "test/files/hostile.test.ts",
  "file/interrupted": "test/cli/interrupt.test.ts",
  "file/reverted": () => fileCode(fixBytes(Buffer.from(CALL), { path: "export.py" }).bytes, true),
};

describe("reason codes", () => {
  it.each([...FILE_CODES])("%s has an example that produces it", (code) => {
    const example = FILE_EXAMPLES[code];
    if (typeof example === "string") expect(readFileSync(path.resolve(__dirname, "..", example), "utf8")).toContain(`code: "${code}"`);
    else expect(example()).toBe(code);
  });

  it.each([...SITE_CODES])("%s has an example that produces it", (code) => {
    const example = EXAMPLES[code];
    const result = fixSource(example.source, { path: "module.py", ...example.options });
    expect(result.sites.map((s) => s.code)).toContain(code);
  });

  it("README's reason-code table lists exactly the codes the tool gives", () => {
    const readme = readFileSync(path.resolve(__dirname, "../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Reason codes"), readme.indexOf("\n## ", readme.indexOf("### Reason codes")));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...SITE_CODES, ...FILE_CODES]);
  });
});
