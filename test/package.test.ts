// The package as users get it, following README's Install section: `npm pack`
// of a copy of this checkout (its prepare script builds dist/ there), the
// tarball's file list, an install of the tarball into an empty folder without
// devDependencies, then the installed bin (--version and a real run), the
// library by name (import, and require from CommonJS); then README's other
// lines: a global install of the tarball, a project's `npm install --save-dev`
// of it with `npx`, and, from the clone, `node dist/cli.js`, `npx`, `npm link`.
//
// The copy holds the tracked files as they are in the work tree (commit new
// files first), with this checkout's node_modules linked in place of the
// clone's `npm install` (which .ci/run and the pre-commit test exercise).
// Installs go through npm with --prefer-offline: the npm cache answers when it
// holds the dependencies (it does after `npm install` here), the registry
// otherwise. Global installs and links go to a temp prefix.
import { readdirSync, readFileSync, existsSync, statSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles, snapshot } from "./helpers/cli.js";
import { cleanupTempDirs, copyTrackedTree, isolatedEnv, ROOT, run, show, tempDir, type Run } from "./helpers/precommit.js";

interface Manifest {
  name: string;
  version: string;
  license: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  [field: string]: unknown;
}
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
const NEEDY = path.join(ROOT, "fixtures/cases/import-paddle/input.py");
const FIXED = path.join(ROOT, "fixtures/cases/import-paddle/expected.py");
const CHECKOUT = path.join(ROOT, "fixtures/checkouts/ppdet-2.7");
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund"];
const SLOW = 240_000;

afterAll(cleanupTempDirs);

/** A user's shell: no npm_* variables from `npm test`, except where the npm cache and registry are. */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = isolatedEnv(tempDir("home"));
  for (const key of ["npm_config_cache", "npm_config_registry"]) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

function ok(r: Run): Run {
  expect(r.code, show(r)).toBe(0);
  return r;
}

/** Every file below dir, as sorted posix paths relative to it. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  visit(dir);
  return out.sort();
}

let clone = "";
let tarball = "";
let packedFiles: { path: string; mode: number }[] = [];
let consumer = "";

beforeAll(async () => {
  clone = copyTrackedTree(ROOT, tempDir("clone"));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
  const out = tempDir("tarball");
  const packed = ok(await run("npm", ["pack", "--json", "--pack-destination", out], { cwd: clone, env: npmEnv(), timeoutMs: SLOW }));
  const [result] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string; mode: number }[] }[];
  tarball = path.join(out, result.filename);
  packedFiles = result.files;

  consumer = tempDir("consumer");
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ private: true }));
  ok(await run("npm", ["install", "--omit=dev", ...NPM_FLAGS, tarball], { cwd: consumer, env: npmEnv(), timeoutMs: SLOW }));
}, SLOW);

describe("npm pack", () => {
  it(`names the tarball ${PKG.name}-${PKG.version}.tgz, as README says wherever it names one`, () => {
    expect(path.basename(tarball)).toBe(`${PKG.name}-${PKG.version}.tgz`);
    expect(existsSync(tarball)).toBe(true);
    const named = readFileSync(path.join(ROOT, "README.md"), "utf8").match(new RegExp(`${PKG.name}-[^\\s/]*?\\.tgz`, "g")) ?? [];
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)]).toEqual([path.basename(tarball)]);
  });

  it("packs what runs and nothing else: the built library and bin, patches/, README, LICENSE, package.json", () => {
    const paths = packedFiles.map((f) => f.path).sort();
    // Spelled out first, so a failure says what slipped in.
    expect(paths.filter((p) => /^(src|test|fixtures|bench|scripts|node_modules)\/|\.map$|\.tsbuildinfo$|^\.|\/\./.test(p))).toEqual([]);
    // The library: tsc's output for every source module but the command line's,
    // which the bin's bundle holds. Nothing stale from a deleted source.
    const library = filesBelow(path.join(clone, "src"))
      .filter((p) => p.endsWith(".ts") && p !== "cli.ts" && !p.startsWith("cli/"))
      .flatMap((p) => [`dist/${p.replace(/\.ts$/, ".js")}`, `dist/${p.replace(/\.ts$/, ".d.ts")}`]);
    const patches = filesBelow(path.join(clone, "patches")).map((p) => `patches/${p}`);
    const expected = [
      "LICENSE",
      "README.md",
      "package.json",
      "dist/cli.js",
      "dist/cli/main.bundle.js",
      "dist/cli/main.prebuilt.js",
      "dist/index.cjs",
      "dist/index.d.cts",
      ...library,
      ...patches,
    ].sort();
    expect(library).toContain("dist/index.js");
    expect(patches).toContain("patches/full-graph/guard.py");
    expect(paths).toEqual(expected);
  });
});

describe("package.json and LICENSE", () => {
  it("LICENSE is the Apache License 2.0 that package.json names", () => {
    expect(PKG.license).toBe("Apache-2.0");
    const text = readFileSync(path.join(ROOT, "LICENSE"), "utf8");
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    expect(text).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    expect(text).toContain("END OF TERMS AND CONDITIONS");
  });

  it("engines.node admits the Node running these tests, and every runtime dependency runs on its lowest version", () => {
    expect(semver.satisfies(process.versions.node, PKG.engines.node), `Node ${process.versions.node} vs engines ${PKG.engines.node}`).toBe(true);
    const lowest = semver.minVersion(PKG.engines.node)!.version;
    const tooNew = Object.keys(PKG.dependencies).flatMap((name) => {
      const dep = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { engines?: { node?: string } };
      const wants = dep.engines?.node;
      return wants && !semver.satisfies(lowest, wants) ? [`${name} wants node ${wants}`] : [];
    });
    expect(tooNew, `engines.node ${PKG.engines.node} admits Node ${lowest}`).toEqual([]);
  });

  it("names no placeholder in the fields npm shows (repository, homepage, bugs are left out until there is a real URL)", () => {
    const shown = JSON.stringify({ repository: PKG.repository, homepage: PKG.homepage, bugs: PKG.bugs, author: PKG.author });
    expect(shown).not.toMatch(/OWNER|USER|example\.|TODO/i);
    expect(PKG.keywords).toEqual(expect.arrayContaining(["paddlepaddle", "codemod"]));
  });

  it("npm publish --dry-run warns about nothing but the missing login", async () => {
    // --ignore-scripts: the tarball was built by npm pack above; --offline: a dry run needs no registry.
    const r = ok(await run("npm", ["publish", "--dry-run", "--ignore-scripts", "--offline"], { cwd: clone, env: npmEnv(), timeoutMs: SLOW }));
    const warnings = r.stderr.split("\n").filter((line) => /^npm (warn|WARN|error|ERR)/.test(line));
    expect(warnings.filter((line) => !/requires you to be logged in/.test(line)), show(r)).toEqual([]);
    expect(r.stdout, show(r)).toContain(`+ ${PKG.name}@${PKG.version}`);
  });
});

describe("npm install --omit=dev <tarball> into an empty folder", () => {
  const installed = () => path.join(consumer, "node_modules", PKG.name);
  const bin = () => path.join(consumer, "node_modules/.bin", PKG.name);

  it("installs the runtime dependencies and none of the devDependencies", () => {
    const present = readdirSync(path.join(consumer, "node_modules"));
    for (const name of Object.keys(PKG.dependencies)) expect(present, name).toContain(name);
    const dev = Object.keys(PKG.devDependencies).filter((name) => existsSync(path.join(consumer, "node_modules", name)));
    expect(dev).toEqual([]);
    expect(existsSync(path.join(installed(), "src"))).toBe(false);
  });

  it("the bin answers --version with package.json's version", async () => {
    const r = ok(await run(bin(), ["--version"], { cwd: consumer, env: npmEnv() }));
    expect(r.stdout).toBe(`${PKG.version}\n`);
  });

  it("the bin fixes a copy of fixtures/checkouts/ppdet-2.7 exactly as expected/ says", async () => {
    const work = tempDir("work");
    cpSync(path.join(CHECKOUT, "input"), work, { recursive: true });
    const before = snapshot(work);
    const r = ok(await run(bin(), ["--no-detect", "."], { cwd: work, env: npmEnv() }));
    const expected = filesBelow(path.join(CHECKOUT, "expected"));
    expect(expected.length).toBeGreaterThan(0);
    expect(changedFiles(before, snapshot(work)), show(r)).toEqual(expected);
    for (const rel of expected) {
      expect(readFileSync(path.join(work, rel)).equals(readFileSync(path.join(CHECKOUT, "expected", rel))), rel).toBe(true);
    }
  });

  it(`import("${PKG.name}") resolves to the installed package, and fixSource works (patches/ included)`, async () => {
    writeFileSync(
      path.join(consumer, "consumer.mjs"),
      `import { readFileSync } from "node:fs";
const lib = await import("${PKG.name}");
const r = lib.fixSource(readFileSync(process.argv[2], "utf8"), { path: "needy.py" });
process.stdout.write(JSON.stringify({ resolved: import.meta.resolve("${PKG.name}"), status: r.status, text: r.text }));
`,
    );
    const r = ok(await run(process.execPath, ["consumer.mjs", NEEDY], { cwd: consumer, env: npmEnv() }));
    const out = JSON.parse(r.stdout) as { resolved: string; status: string; text: string };
    expect(out.resolved).toBe(pathToFileURL(path.join(installed(), "dist/index.js")).href);
    expect(out.status).toBe("changed");
    expect(out.text).toBe(readFileSync(FIXED, "utf8"));
  });

  describe(`require("${PKG.name}") from CommonJS`, () => {
    const script = () => {
      const file = path.join(consumer, "consumer.cjs");
      writeFileSync(
        file,
        `const lib = require("${PKG.name}");
import("${PKG.name}").then((ns) => {
  const r = lib.fixSource(require("node:fs").readFileSync(process.argv[2], "utf8"), { path: "needy.py" });
  process.stdout.write(JSON.stringify({ resolved: require.resolve("${PKG.name}"), sameAsImport: ns === lib, status: r.status }));
});
`,
      );
      return file;
    };
    // Node 20.19+ and 22.12+ load ES modules from require(); older releases, or this flag, do not.
    const requireModule = Boolean((process.features as { require_module?: boolean }).require_module);

    it.runIf(requireModule)("loads the ES module itself where Node's require() can (the same instance import() gives)", async () => {
      const r = ok(await run(process.execPath, [script(), NEEDY], { cwd: consumer, env: npmEnv() }));
      const out = JSON.parse(r.stdout) as { resolved: string; sameAsImport: boolean; status: string };
      expect(out.resolved).toBe(path.join(installed(), "dist/index.cjs"));
      expect(out.sameAsImport).toBe(true);
      expect(out.status).toBe("changed");
      expect(r.stderr, "no warning either").toBe("");
    });

    it("elsewhere throws an error that says ES module and import()", async () => {
      const flags = requireModule ? ["--no-experimental-require-module"] : [];
      const r = await run(process.execPath, [...flags, script(), NEEDY], { cwd: consumer, env: npmEnv() });
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr, show(r)).toContain(`Error: ${PKG.name} is an ES module (ESM only)`);
      expect(r.stderr, show(r)).toContain(`await import("${PKG.name}")`);
    });
  });
});

describe("README's other install lines", () => {
  it("npm install -g ./<tarball> puts a working paddle-fullgraph-fix on PATH", async () => {
    const prefix = tempDir("global");
    const env = npmEnv({ npm_config_prefix: prefix });
    ok(await run("npm", ["install", "-g", ...NPM_FLAGS, `./${path.basename(tarball)}`], { cwd: path.dirname(tarball), env, timeoutMs: SLOW }));
    const r = ok(await run(PKG.name, ["--version"], { cwd: consumer, env: { ...env, PATH: `${path.join(prefix, "bin")}${path.delimiter}${env.PATH}` } }));
    expect(r.stdout).toBe(`${PKG.version}\n`);
  }, SLOW);

  it("in a project: npm install --save-dev ./<tarball>, then npx paddle-fullgraph-fix", async () => {
    const project = tempDir("project");
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "project", private: true }));
    cpSync(tarball, path.join(project, path.basename(tarball)));
    ok(await run("npm", ["install", "--save-dev", ...NPM_FLAGS, `./${path.basename(tarball)}`], { cwd: project, env: npmEnv(), timeoutMs: SLOW }));
    const manifest = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual([PKG.name]);
    // A throwaway npm cache: npx has only the project's own install to go by.
    const npx = ok(await run("npx", [PKG.name, "--version"], { cwd: project, env: npmEnv({ npm_config_cache: tempDir("npx-cache") }) }));
    expect(npx.stdout).toBe(`${PKG.version}\n`);
  }, SLOW);

  it("from the clone: node dist/cli.js, and npx in the clone runs the Quick start line", async () => {
    const direct = ok(await run(process.execPath, [path.join(clone, "dist/cli.js"), "--version"], { cwd: consumer, env: npmEnv() }));
    expect(direct.stdout).toBe(`${PKG.version}\n`);
    // npx answers with a link to the project itself, which it makes (running
    // prepare, a build) and keeps under <npm cache>/_npx: a throwaway cache
    // keeps that out of the user's.
    const env = npmEnv({ npm_config_cache: tempDir("npx-cache") });
    const quick = ok(await run("npx", [PKG.name, "--dry-run", "fixtures/checkouts/ppdet-2.7/input"], { cwd: clone, env, timeoutMs: SLOW }));
    expect(quick.stdout, show(quick)).toContain("+++ b/fixtures/checkouts/ppdet-2.7/input/ppdet/engine/trainer.py");
  }, SLOW);

  it("from the clone: npm link puts a working paddle-fullgraph-fix on PATH", async () => {
    const prefix = tempDir("link");
    const env = npmEnv({ npm_config_prefix: prefix });
    ok(await run("npm", ["link", ...NPM_FLAGS], { cwd: clone, env, timeoutMs: SLOW }));
    const r = ok(await run(PKG.name, ["--version"], { cwd: consumer, env: { ...env, PATH: `${path.join(prefix, "bin")}${path.delimiter}${env.PATH}` } }));
    expect(r.stdout).toBe(`${PKG.version}\n`);
  }, SLOW);
});
