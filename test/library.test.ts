// The library API as a consumer sees it: the BUILT package imported by name
// ("paddle-fullgraph-fix", resolved through package.json `exports`) in a
// separate node process, checked against the golden fixtures; and a small
// TypeScript consumer type-checked against dist/index.d.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { copyTree, removeTree, runCli, ROOT, snapshot, UNCHECKABLE_CASES } from "./helpers/cli.js";

const CASES = path.join(ROOT, "fixtures/cases");
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string };

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup.splice(0)) removeTree(dir);
});

/**
 * Runs an ES module body in `node --input-type=module -e` with cwd = the repo
 * root, so `import ... from "paddle-fullgraph-fix"` is the package's
 * self-reference through `exports`. `input` reaches it as the global ARGS;
 * whatever it passes to emit() comes back parsed.
 */
function runModule(body: string, input: unknown): any {
  const prelude = `const ARGS = JSON.parse(process.env.PFGF_LIBRARY_ARGS);\nconst emit = (value) => process.stdout.write(JSON.stringify(value));\n`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", prelude + body], {
    cwd: ROOT,
    env: { ...process.env, PFGF_LIBRARY_ARGS: JSON.stringify(input) },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`node -e exited ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

interface Case {
  name: string;
  input: Buffer;
  expected: Buffer;
  options: Record<string, unknown> | null;
  sites: { status: string; sites: Record<string, unknown>[] };
}

const cases: Case[] = readdirSync(CASES)
  .sort()
  .map((name) => {
    const dir = path.join(CASES, name);
    const optionsFile = path.join(dir, "options.json");
    return {
      name,
      input: readFileSync(path.join(dir, "input.py")),
      expected: readFileSync(path.join(dir, "expected.py")),
      options: existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : null,
      sites: JSON.parse(readFileSync(path.join(dir, "sites.json"), "utf8")),
    };
  });

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function text(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

describe(`import { ... } from "${PACKAGE.name}" (the built package, by name)`, () => {
  it("resolves to dist/index.js through package.json exports", () => {
    const out = runModule(
      `import * as lib from "paddle-fullgraph-fix";
       emit({ url: import.meta.resolve("paddle-fullgraph-fix"), names: Object.keys(lib).sort() });`,
      null,
    );
    expect(out.url).toBe(pathToFileURL(path.join(ROOT, "dist/index.js")).href);
    expect(out.names).toEqual(expect.arrayContaining(["detectEnvironment", "fixBytes", "fixPaths", "fixSource", "DetectUsageError"]));
  });

  it("fixSource(text, options) returns expected.py's text and sites.json's sites for every UTF-8 case, without touching the file system or spawning", () => {
    // Text in, text out: the byte-level cases (GBK, Latin-1) belong to fixBytes.
    const textCases = cases.flatMap((c) => {
      const input = text(c.input);
      const expected = text(c.expected);
      return input === null || expected === null ? [] : [{ name: c.name, input, options: { path: `${c.name}.py`, ...c.options } }];
    });
    expect(textCases.length).toBeGreaterThan(20);
    const out = runModule(
      `import { fixSource, loadPatch } from "paddle-fullgraph-fix";
       import fs from "node:fs";
       import childProcess from "node:child_process";
       import { syncBuiltinESMExports } from "node:module";
       // Record every file-system and process call made from here on.
       const calls = [];
       const watch = (target, label, names) => {
         for (const name of names) {
           const original = target[name];
           if (typeof original !== "function") continue;
           target[name] = function (...args) {
             calls.push(label + "." + name + "(" + String(args[0]) + ")");
             return original.apply(this, args);
           };
         }
       };
       const fsNames = Object.keys(fs).filter((n) => typeof fs[n] === "function" && /^[a-z]/.test(n) && !["Stats", "Dirent"].includes(n));
       watch(fs, "fs", fsNames);
       watch(fs.promises, "fs.promises", Object.keys(fs.promises));
       watch(childProcess, "child_process", ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]);
       syncBuiltinESMExports();

       // The first call with a site loads, once, the tool's patch data and
       // its parser (the tree-sitter binding is required lazily): reads only.
       const first = fixSource(ARGS.warmUp, {});
       const setup = calls.splice(0);
       const results = ARGS.cases.map((c) => {
         // A formatter's layout is given as the style itself (options.json of the wrap-* cases).
         const options = c.options.lineStyle ? { ...c.options, lineStyle: () => c.options.lineStyle } : c.options;
         const r = fixSource(c.input, options);
         return { name: c.name, status: r.status, text: r.text, sites: r.sites };
       });
       // With an explicit patch object the call needs nothing at all.
       const withPatch = fixSource(ARGS.cases[0].input, { ...ARGS.cases[0].options, patch: loadPatch() });
       emit({ setup, calls, results, withPatchSame: withPatch.text === results[0].text, firstStatus: first.status });`,
      { warmUp: "import paddle\nnet = paddle.jit.to_static(net)\npaddle.jit.save(net, 'm')\n", cases: textCases },
    );
    expect(out.calls, "fixSource did I/O").toEqual([]);
    const setup = out.setup as string[];
    expect(setup.some((call) => call.includes(path.join(ROOT, "patches"))), "the patch data was not read on first use").toBe(true);
    for (const call of setup) {
      expect(call, "first use may only read").not.toMatch(/^(child_process\.|fs(\.promises)?\.(write|append|mkdir|mkdtemp|rm|unlink|rename|copy|cp|chmod|chown|utimes|truncate|symlink|link))/);
    }
    expect(out.withPatchSame).toBe(true);
    expect(out.firstStatus).toBe("changed");

    for (const r of out.results as { name: string; status: string; text: string; sites: unknown[] }[]) {
      const c = cases.find((k) => k.name === r.name)!;
      expect(r.text, `${r.name}: text differs from expected.py`).toBe(text(c.expected));
      expect(r.status, `${r.name}: status`).toBe(c.sites.status);
      expect(r.sites, `${r.name}: sites differ from sites.json`).toEqual(c.sites.sites);
    }
  });

  describe("fixPaths(paths, options)", () => {
    // Cases run with default options (options.json cases need their own options).
    const plain = cases.filter((c) => c.options === null && !UNCHECKABLE_CASES.includes(c.name));
    function tree(): string {
      const dir = copyTree(CASES);
      cleanup.push(dir);
      for (const c of cases) if (c.options !== null || UNCHECKABLE_CASES.includes(c.name)) rmSync(path.join(dir, c.name), { recursive: true, force: true });
      return dir;
    }

    it('{ mode: "check" } returns the report (version 1, files, summary), writes nothing, and matches the CLI\'s JSON', () => {
      const dir = tree();
      const before = snapshot(dir);
      const report = runModule(
        `import { fixPaths } from "paddle-fullgraph-fix";
         emit(await fixPaths([ARGS.dir], { mode: "check", cwd: ARGS.dir }));`,
        { dir },
      );
      expect(snapshot(dir), "check mode wrote to disk").toEqual(before);
      expect(report.version).toBe(1);
      expect(report.mode).toBe("check");
      expect(Array.isArray(report.files)).toBe(true);
      expect(report).not.toHaveProperty("environment"); // not asked for

      const byPath = new Map<string, any>(report.files.map((f: any) => [f.path, f]));
      for (const c of plain) {
        const entry = byPath.get(`${c.name}/input.py`);
        if (!c.input.equals(c.expected)) {
          expect(entry?.status, `${c.name}/input.py should be pending`).toBe("changed");
          const pending = c.sites.sites.map((s) => (s.action === "fixed" ? { ...s, action: "would-fix" } : s));
          expect(entry.sites, `${c.name}: sites differ from sites.json`).toEqual(pending);
        } else if (entry) {
          expect(entry.status, `${c.name}/input.py needs no fix`).not.toBe("changed");
        }
        // The golden outputs are already fixed.
        expect(byPath.get(`${c.name}/expected.py`)?.status, `${c.name}/expected.py`).not.toBe("changed");
      }
      const pendingCount = plain.filter((c) => !c.input.equals(c.expected)).length;
      expect(report.summary.changed).toBe(pendingCount);
      expect(report.summary.files).toBeGreaterThanOrEqual(plain.length * 2);
      for (const key of ["files", "changed", "fixed", "alreadyFixed", "skipped", "needsReview", "errors", "skippedFiles", "ignoredFiles", "ignoredFolders", "excludedFiles", "excludedFolders"]) {
        expect(typeof report.summary[key], `summary.${key}`).toBe("number");
      }

      // The CLI is a thin layer over fixPaths: same report in its JSON.
      const cli = runCli(["--check", "--format", "json", "--no-detect", "."], { cwd: dir });
      expect(cli.code).toBe(1);
      expect(JSON.parse(cli.stdout)).toEqual({ version: report.version, tool: report.tool, mode: report.mode, files: report.files, summary: report.summary });
      expect(report.tool).toEqual({ name: "paddle-fullgraph-fix", version: JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version });
    });

    it('{ mode: "write" } (the default) leaves every input.py equal to expected.py, byte for byte', () => {
      const dir = tree();
      const out = runModule(
        `import { fixPaths } from "paddle-fullgraph-fix";
         const written = await fixPaths([ARGS.dir], { cwd: ARGS.dir });
         const again = await fixPaths([ARGS.dir], { mode: "check", cwd: ARGS.dir });
         emit({ mode: written.mode, changed: written.summary.changed, againChanged: again.summary.changed });`,
        { dir },
      );
      expect(out.mode).toBe("write");
      expect(out.changed).toBe(plain.filter((c) => !c.input.equals(c.expected)).length);
      expect(out.againChanged, "a second pass still found fixes").toBe(0);
      for (const c of plain) {
        expect(readFileSync(path.join(dir, c.name, "input.py")).equals(c.expected), `${c.name}/input.py`).toBe(true);
      }
    });
  });

  it("detectEnvironment: a --paddle-version style answer plus the checkout's version, without asking Python; bad versions reject with the exported DetectUsageError", () => {
    const root = path.join(ROOT, "fixtures/detect/pd-2.4");
    const ppdet = /PPDET_VERSION\s*=\s*["']([^"']+)["']/.exec(readFileSync(path.join(root, "setup.py"), "utf8"))![1];
    const out = runModule(
      `import { detectEnvironment, DetectUsageError } from "paddle-fullgraph-fix";
       const env = await detectEnvironment({ root: ARGS.root, paddleVersion: "2.6.2", env: { PATH: "" } });
       let rejected = null;
       try {
         await detectEnvironment({ root: ARGS.root, paddleVersion: "not-a-version" });
       } catch (error) {
         rejected = { isUsageError: error instanceof DetectUsageError, message: error.message };
       }
       emit({ env, rejected });`,
      { root },
    );
    expect(out.env.paddle).toMatchObject({ version: "2.6.2", raw: "2.6.2", source: "flag", distribution: null, python: null });
    expect(out.env.verdict.code).toBe("affected");
    expect(out.env.interpreter ?? null).toBeNull();
    expect(out.env.paddledetection).toMatchObject({ kind: "paddledetection", raw: ppdet });
    expect(Array.isArray(out.env.warnings)).toBe(true);
    expect(out.rejected?.isUsageError).toBe(true);
    expect(out.rejected?.message).toContain("not-a-version");
  });
});

describe("TypeScript consumers (dist/index.d.ts)", () => {
  it("a NodeNext consumer importing the package by name type-checks, and misuse is rejected", () => {
    const base = path.join(ROOT, ".vitest-tmp");
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(path.join(base, "library-consumer-"));
    cleanup.push(dir);
    writeFileSync(
      path.join(dir, "consumer.ts"),
      `import {
  detectEnvironment,
  DetectUsageError,
  fixPaths,
  fixSource,
  type Environment,
  type FixSourceResult,
  type Report,
  type SiteReport,
} from "paddle-fullgraph-fix";

const result: FixSourceResult = fixSource("import paddle\\n", { path: "tools/export_model.py", style: "guarded", all: false });
const fixed: string = result.text;
const sites: SiteReport[] = result.sites;
const firstLine: number | undefined = sites[0]?.line;
const status: "changed" | "unchanged" | "skipped" | "error" = result.status;

export async function consume(): Promise<string> {
  const report: Report = await fixPaths(["."], { mode: "check", exclude: ["legacy/**"], forceExclude: true });
  const version: 1 = report.version;
  const pending: number = report.summary.changed;
  const env: Environment = await detectEnvironment({ root: ".", paddleVersion: "2.6.2" });
  const verdict: "affected" | "not-affected" | "unknown" = env.verdict.code;
  const usage: Error = new DetectUsageError("x");
  // @ts-expect-error mode is "write" | "check" | "dry-run"
  await fixPaths(["."], { mode: "fix" });
  // @ts-expect-error style is "guarded" | "plain"
  fixSource("", { style: "bare" });
  // @ts-expect-error fixSource takes text, not a Buffer
  fixSource(Buffer.from(""));
  return [fixed, firstLine, status, version, pending, verdict, usage.message].join(" ");
}
`,
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ["node"],
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(dir, "tsconfig.json"), "--traceResolution"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 120_000,
    });
    const diagnostics = tsc.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
    expect(diagnostics, tsc.stdout.slice(-4000) + tsc.stderr).toEqual([]);
    expect(tsc.status).toBe(0);
    // Resolved by name through exports to the built declarations, not to src/.
    expect(tsc.stdout).toContain(`Module name 'paddle-fullgraph-fix' was successfully resolved to '${path.join(ROOT, "dist/index.d.ts")}'`);
  });
});
