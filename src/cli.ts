#!/usr/bin/env node
// The command line: parses options, calls the library, maps the outcome to
// output and an exit code. No logic of its own.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { fixPaths, type Mode, type Report } from "./engine.js";
import { MissingPathError } from "./files.js";
import { formatJsonReport } from "./report/json.js";
import { formatTextReport } from "./report/text.js";

export const EXIT = { ok: 0, pending: 1, error: 2 } as const;

interface CliOptions {
  dryRun?: boolean;
  check?: boolean;
  all?: boolean;
  exclude: string[];
  forceExclude?: boolean;
  json?: boolean;
  color: boolean;
  style: "guarded" | "plain";
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.version;
}

function program(): Command {
  return new Command("paddle-fullgraph-fix")
    .description("Add a version-guarded full_graph=True to paddle.jit.to_static export calls (Paddle 2.6+ export fix).")
    .argument("[paths...]", "files or directories to fix", ["."])
    .option("--dry-run", "print a unified diff of the fixes; write nothing")
    .option("--check", "write nothing; exit 1 when a fix is pending")
    .option("--all", "also fix sites outside export paths (training-time conversions)")
    .option("--exclude <glob>", "skip paths matching GLOB (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--force-exclude", "apply --exclude to files named explicitly too")
    .option("--json", "print the report as JSON on stdout")
    .option("--no-color", "never colour the output (NO_COLOR is respected too)")
    .addOption(new Option("--style <style>", "how the keyword is written").choices(["guarded", "plain"]).default("guarded"))
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

function useColor(stream: NodeJS.WriteStream, flag: boolean): boolean {
  if (!flag || "NO_COLOR" in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

export async function main(argv: string[]): Promise<number> {
  const cmd = program();
  try {
    cmd.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every usage error is 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
  const opts = cmd.opts<CliOptions>();
  const paths = cmd.args.length ? cmd.args : ["."];
  const mode: Mode = opts.dryRun ? "dry-run" : opts.check ? "check" : "write";

  let report: Report;
  try {
    report = await fixPaths(paths, {
      mode,
      all: opts.all,
      style: opts.style,
      exclude: opts.exclude,
      forceExclude: opts.forceExclude,
    });
  } catch (error) {
    if (error instanceof MissingPathError) {
      process.stderr.write(`paddle-fullgraph-fix: ${error.message}\n`);
      return EXIT.error;
    }
    throw error;
  }

  if (opts.json) {
    process.stdout.write(`${formatJsonReport(report)}\n`);
  } else {
    // In dry-run the diff owns stdout, so the report goes to stderr.
    const reportStream = mode === "dry-run" ? process.stderr : process.stdout;
    if (mode === "dry-run") for (const file of report.files) if (file.diff) process.stdout.write(file.diff);
    const lines = formatTextReport(report, useColor(reportStream, opts.color));
    reportStream.write(`${lines.join("\n")}\n`);
  }
  if (report.summary.errors) return EXIT.error;
  if (opts.check && report.summary.fixed) return EXIT.pending;
  return EXIT.ok;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`paddle-fullgraph-fix: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.error;
  },
);
