#!/usr/bin/env node
// Entry point. `--version` is answered before anything else is loaded, so it
// costs what starting Node costs; every other call loads the command line, as
// one bundled module (dist/cli/main.bundle.js, built by scripts/bundle.mjs).
// This file stays tsc's output at dist/cli.js: "../package.json" holds here.
import { readFileSync } from "node:fs";

// A reader that stops early (`| head`) closes the pipe: that ends the output,
// not the run with a stack trace. Output is written once the work is done.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { run } = await import("./cli/main.bundle.js");
  await run(process.argv);
}
