#!/usr/bin/env node
// Entry point. `--version` is answered before anything else is loaded, so it
// costs what starting Node costs; every other call loads the command line, as
// one bundled module built by scripts/bundle.mjs: dist/cli/main.bundle.js,
// dependencies included, where `npm run build` made it; else
// dist/cli/main.prebuilt.js, our code alone, committed to git with this file
// for an install that runs no build (npm install -g git+…, as pre-commit 4.x
// does; see scripts/prepare.mjs). This file stays tsc's output at dist/cli.js:
// "../package.json" holds here.
import { existsSync, readFileSync } from "node:fs";
// A reader that stops early (`| head`) closes the pipe: that ends the output,
// not the run with a stack trace. Output is written once the work is done.
process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE")
        throw error;
    process.exit(process.exitCode ?? 0);
});
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`${pkg.version}\n`);
}
else {
    const bundle = new URL("./cli/main.bundle.js", import.meta.url);
    const entry = existsSync(bundle) ? bundle.href : new URL("./cli/main.prebuilt.js", import.meta.url).href;
    const { run } = (await import(entry));
    await run(process.argv);
}
