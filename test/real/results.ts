/**
 * The real-Paddle matrix's outcome as a table on the console and as
 * test/real/RESULTS.md: what ran, on which machine, and what happened.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BasePython, EnvState } from "./envs.js";
import { modelsOf, otherFailureOn, type PaddleRelease, type Toolkit, TOOLKITS } from "./matrix.js";

/** What a driver prints as its last line (test/real/drivers/*.py). */
export interface DriverResult {
  toolkit: string;
  model: string;
  /** `__file__` of the toolkit package that ran. */
  package: string;
  paddle: string;
  export: { ok: boolean; seconds?: number; error?: string; frame?: string };
  files: string[];
  load: {
    ok: boolean;
    via?: string;
    maxAbsDiff: number;
    atol: number;
    rtol: number;
    /** numpy.allclose(saved, dygraph, rtol, atol) on every output. */
    match: boolean;
    /** How far the outputs move for another input: a match is meaningful only well above atol (ppdet). */
    inputEffect?: number | null;
    /** One comparison per input; refRange is the dygraph output's spread (ppocr). */
    checks?: { refRange: number[]; maxAbsDiff: number; match: boolean }[];
    outputs?: number;
    seconds?: number;
    error?: string;
    frame?: string;
  } | null;
  /** Whether the toolkit's own conversion was SOT, where the driver could see it. */
  sot?: boolean | null;
}

export interface DriverRun {
  kind: "control" | "patched" | "plain";
  model: string;
  seconds: number;
  result?: DriverResult;
  crash?: string;
}

interface JsonSite {
  line: number;
  column: number;
  class: string;
  action: string;
  reason: string;
}

export interface FixRun {
  style: "guarded" | "plain";
  copy: string;
  code: number;
  stderr: string;
  seconds: number;
  report: {
    environment: { paddle: Record<string, unknown> | null; paddledetection: Record<string, unknown> | null };
    files: { path: string; status: string; sites?: JsonSite[] }[];
    summary: Record<string, number>;
  } | null;
}

export interface GuardProbe {
  version: string;
  signature: string;
  guard: { kwargs: Record<string, unknown>; converts: string };
  previous: { kwargs: Record<string, unknown>; converts: string };
  default: string;
  raising: Record<string, string>;
  listed: string[];
  save_sot: { ok: boolean; converted?: string; files?: string[]; error?: string };
}

export interface ReleaseResult {
  row: PaddleRelease;
  env: EnvState;
  guard: GuardProbe | string | null;
  toolkits: { toolkit: Toolkit; fixes: { guarded?: FixRun; plain?: FixRun }; runs: DriverRun[] }[];
}

export interface Outcome {
  base: BasePython;
  cacheDir: string;
  selected: string[];
  seconds: number;
  releases: ReleaseResult[];
}

const secs = (s: number | undefined) => (s === undefined ? "" : `${s.toFixed(1)} s`);

/** One table cell for a driver run. */
export function describeOutcome(run: DriverRun | undefined): string {
  if (!run) return "not run";
  if (!run.result) return `crashed: ${firstLine(run.crash ?? "")}`;
  const r = run.result;
  if (!r.export.ok) return `export fails: \`${errorLine(r.export.error ?? "")}\` at ${r.export.frame ?? "?"}`;
  const sot = r.sot === true ? " (converted with SOT)" : r.sot === false ? " (whole-graph)" : "";
  if (!r.load) return `exports${sot}, no load check`;
  if (!r.load.ok) return `exports${sot}; load fails: \`${firstLine(r.load.error ?? "")}\``;
  const match = r.load.match ? "matches" : "DIFFERS";
  const effect = r.load.inputEffect == null ? "" : `; another input moves it ${r.load.inputEffect.toPrecision(2)}`;
  return `exports${sot}, loads (${r.load.via}), ${match}: max abs diff ${r.load.maxAbsDiff.toExponential(1)} (atol ${r.load.atol}, rtol ${r.load.rtol})${effect}`;
}

/**
 * The line that names the error. Paddle's conversion errors open with "In
 * transformed code:" and a source excerpt; the exception's own text is the
 * last line that looks like one.
 */
function errorLine(error: string): string {
  const lines = error.split("\n").map((l) => l.trim());
  if (!/In transformed code:$/.test(lines[0] ?? "")) return firstLine(error);
  const own = lines.filter((l) => /^[A-Za-z]*(Error|Exception): /.test(l)).pop();
  return firstLine(own ? `${lines[0].split(":")[0]}: ${own.replace(/^[A-Za-z]*(Error|Exception): /, "")}` : error);
}

function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Sites by file, e.g. `ppdet/engine/trainer.py:1127 (required)`; paths are relative to the copy. */
function fixedSites(fix: FixRun | undefined): string {
  if (!fix?.report) return fix ? `CLI failed (exit ${fix.code}): ${firstLine(fix.stderr)}` : "not run";
  const group = (want: (action: string) => boolean) =>
    fix
      .report!.files.map((f) => {
        const sites = (f.sites ?? []).filter((s) => want(s.action));
        const classes = [...new Set(sites.map((s) => s.class))].join("/");
        return sites.length ? `${f.path}:${sites.map((s) => s.line).join(",")} (${classes})` : "";
      })
      .filter(Boolean)
      .join("; ");
  const fixed = group((a) => a === "fixed");
  const left = group((a) => a !== "fixed");
  return `${fix.report.summary.fixed} fixed${fixed ? `: ${fixed}` : ""}${left ? `; left alone: ${left}` : ""}`;
}

function gitHead(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  return `${pkg.name} ${pkg.version} (${gitHead()})`;
}

/** Writes RESULTS.md and returns the console table. */
export function writeResults(file: string, outcome: Outcome): string {
  const { base } = outcome;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines: string[] = [
    "# Proven on real Paddle: results",
    "",
    "Written by `npm run test:real` (test/real/real.test.ts); do not edit by hand.",
    "",
    `- date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- tool: ${toolVersion()}`,
    `- machine: ${os.type()} ${os.release()} ${base.machine}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, CPU only`,
    `- Python ${base.version} (${base.tag}), Node ${process.version}`,
    `- releases run: ${outcome.selected.join(", ")}; whole run ${secs(outcome.seconds)}`,
    `- environments cached in \`${outcome.cacheDir.replace(os.homedir(), "~")}\``,
    "",
    "## Environments",
    "",
    "| Paddle | why in the matrix | environment | install size | install time |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of outcome.releases) {
    const e = r.env;
    const state =
      e.status === "ready"
        ? e.reused
          ? "reused from the cache"
          : "installed"
        : e.status === "no-wheel"
          ? `${e.reason}: covered by the stand-in row ${r.row.standIn} in \`npm test\``
          : `FAILED: ${firstLine(e.reason)}`;
    const size = e.status === "ready" ? `${e.installMB} MB` : "";
    const time = e.status === "ready" ? `${e.installSeconds} s` : "";
    lines.push(`| ${r.row.version} | ${r.row.why} | ${state} | ${size} | ${time} |`);
  }

  lines.push("", "## The guard and the SOT attributes, in process", "");
  lines.push("| Paddle | `to_static` signature | guard returns | converts with it | without it | 0.1.0 guard | attributes that raise = patch.json | `paddle.jit.save` of an SOT layer |");
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of outcome.releases) {
    if (r.env.status !== "ready") continue;
    const g = r.guard;
    if (!g || typeof g === "string") {
      lines.push(`| ${r.row.version} | probe failed: ${firstLine(g ?? "not run")} | | | | | | |`);
      continue;
    }
    const same = JSON.stringify(Object.keys(g.raising).sort()) === JSON.stringify([...g.listed].sort());
    const raising = same ? `yes (${g.listed.length})` : `NO: raise ${Object.keys(g.raising).sort().join(", ")}`;
    const save = g.save_sot.ok ? `copes (${(g.save_sot.files ?? []).join(", ")})` : `fails: ${firstLine(g.save_sot.error ?? "")}`;
    lines.push(
      `| ${g.version} | \`${g.signature}\` | \`${JSON.stringify(g.guard.kwargs)}\` | ${g.guard.converts} | ${g.default} | \`${JSON.stringify(g.previous.kwargs)}\` | ${raising} | ${save} |`,
    );
  }

  lines.push("", "## Exports", "");
  lines.push("Control: the installed package, unpatched. Patched: a copy fixed by the CLI with default options. Plain: a copy fixed with `--style plain` (a bare `full_graph=True`, upstream's fix). Load: `paddle.jit.load` of the saved model, output compared with the dygraph model's on one fixed input (`numpy.allclose`, tolerances in each cell).", "");
  lines.push("| Paddle | toolkit | model | control | patched | plain | seconds (control / patched / plain) |");
  lines.push("| --- | --- | --- | --- | --- | --- | --- |");
  const console_: string[] = [];
  for (const r of outcome.releases) {
    if (r.env.status !== "ready") {
      lines.push(`| ${r.row.version} | all | | ${r.env.status === "no-wheel" ? r.env.reason : "environment failed"} | | | |`);
      console_.push(`${r.row.version.padEnd(7)} ${r.env.status === "no-wheel" ? r.env.reason : `environment failed: ${firstLine(r.env.reason)}`}`);
      continue;
    }
    for (const t of r.toolkits) {
      if ("missing" in t.toolkit.export) {
        lines.push(`| ${r.row.version} | ${t.toolkit.name} (${t.toolkit.requirement}) | none | export cannot run here: ${t.toolkit.export.missing} | | | |`);
        continue;
      }
      for (const model of modelsOf(t.toolkit)) {
        const of = (kind: DriverRun["kind"]) => t.runs.find((x) => x.model === model.name && x.kind === kind);
        const cells = (["control", "patched", "plain"] as const).map((k) => describeOutcome(of(k)));
        const times = (["control", "patched", "plain"] as const).map((k) => of(k)?.seconds.toFixed(0) ?? "-").join(" / ");
        lines.push(`| ${r.row.version} | ${t.toolkit.name} (${t.toolkit.requirement}) | ${model.name}: ${model.about} | ${cells.join(" | ")} | ${times} |`);
        console_.push(`${r.row.version.padEnd(7)} ${`${t.toolkit.id}/${model.name}`.padEnd(22)} control: ${short(of("control"))}  patched: ${short(of("patched"))}  plain: ${short(of("plain"))}`);
      }
    }
  }

  lines.push("", "## Failures of their own (candidates for the next patch)", "");
  lines.push("Exports that still fail once the full_graph error is gone, for a reason unrelated to it; the tests hold them to exactly this failure.", "");
  for (const t of TOOLKITS) {
    for (const model of modelsOf(t)) {
      const f = model.otherFailure;
      if (!f) continue;
      const runs = outcome.releases
        .filter((r) => otherFailureOn(model, r.row.version) && r.env.status === "ready")
        .map((r) => ({ release: r.row.version, run: r.toolkits.find((x) => x.toolkit.id === t.id)?.runs.find((x) => x.model === model.name && x.kind === "patched")?.result }));
      const seen = runs.map(({ release, run }) => `${release}${run && !run.export.ok && f.error.test(run.export.error ?? "") ? "" : " (not as recorded!)"}`);
      const observed = runs.find(({ run }) => run && !run.export.ok)?.run?.export.error;
      const error = observed ? errorLine(observed) : `matching /${f.error.source}/`;
      lines.push(`- **${t.name} ${model.name}** on ${f.releases ? f.releases.join(", ") : "every release with a wheel"} (seen in this run on: ${seen.join(", ") || "none run"}): \`${error}\` at ${f.where}. ${f.why}.`);
    }
  }

  lines.push("", "## What the CLI fixed", "");
  lines.push("| Paddle | toolkit | default run | `--style plain` run | detected |");
  lines.push("| --- | --- | --- | --- | --- |");
  for (const r of outcome.releases) {
    if (r.env.status !== "ready") continue;
    for (const t of r.toolkits) {
      const env = t.fixes.guarded?.report?.environment;
      const paddle = env?.paddle as { version?: string; distribution?: string } | null | undefined;
      const kit = env?.paddledetection as { toolkit?: string; label?: string } | null | undefined;
      const detected = paddle ? `${paddle.distribution} ${paddle.version}; ${kit?.toolkit ? `${kit.toolkit} ${kit.label ?? ""}`.trim() : "no toolkit layout recognised"}` : "nothing";
      lines.push(`| ${r.row.version} | ${t.toolkit.name} | ${fixedSites(t.fixes.guarded)} | ${fixedSites(t.fixes.plain)} | ${detected} |`);
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return console_.join("\n");
}

function short(run: DriverRun | undefined): string {
  if (!run) return "-";
  if (!run.result) return "CRASH";
  const r = run.result;
  if (!r.export.ok) return /full_graph=False/.test(r.export.error ?? "") ? "SOT error" : "FAIL";
  if (!r.load?.ok) return "load FAIL";
  return r.load.match ? "ok" : "DIFFERS";
}
