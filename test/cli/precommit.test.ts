// The pre-commit integration, for real: pre-commit installs this checkout
// with its node language (npm install here -> prepare builds dist/ -> npm pack
// -> global install of the tarball) and runs the hooks on a throwaway repo;
// and the `repo: local` set-up a user writes after npm-installing the tool.
// Slow (each try-repo installs the hook afresh); runs need the npm registry
// or a warm npm cache, and `pre-commit` (Debian's 3.0.4 or newer).
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanupTempDirs,
  copyTrackedTree,
  git,
  isolatedEnv,
  makeRepo,
  preCommitVersion,
  read,
  ROOT,
  run,
  show,
  tempDir,
  writeFiles,
  type Run,
} from "../helpers/precommit.js";

const CASES = path.join(ROOT, "fixtures/cases");
/** Needs the fix. */
const NEEDY = read(path.join(CASES, "import-paddle/input.py"));
/** NEEDY after the fix (the golden output). */
const FIXED = read(path.join(CASES, "import-paddle/expected.py"));
/** Needs no fix: to_static look-alikes and training-time conversions. */
const CLEAN = read(path.join(CASES, "negatives/input.py"));

const FIX_HOOK = "paddle-fullgraph-fix";
const CHECK_HOOK = "paddle-fullgraph-fix-check";
const MODIFIED = "files were modified by this hook";
const INSTALL_TIMEOUT = 600_000;

const version = preCommitVersion();
// Missing pre-commit: skipped on a developer's machine (with a note), a failure in CI.
const skip = version === null && !process.env.CI;
if (skip) console.warn("test/cli/precommit.test.ts skipped: pre-commit is not installed (apt-get install pre-commit)");

afterAll(cleanupTempDirs);

let snapshotRepo: Promise<{ dir: string; rev: string }> | null = null;
/**
 * A git repository holding what try-repo would see of this checkout, committed,
 * so that a config can name it with `repo:` and `rev:` as users do.
 */
function hookRepo(): Promise<{ dir: string; rev: string }> {
  snapshotRepo ??= (async () => {
    const env = isolatedEnv(tempDir("pch"));
    const dir = copyTrackedTree(ROOT, tempDir("checkout"));
    git(dir, env, "init", "-q", "-b", "main");
    git(dir, env, "add", "-A");
    git(dir, env, "commit", "-q", "-m", "snapshot of the checkout under test");
    return { dir, rev: git(dir, env, "rev-parse", "HEAD").trim() };
  })();
  return snapshotRepo;
}

describe.skipIf(skip)("pre-commit hooks", () => {
  it("pre-commit is installed (.ci/run installs Debian's package)", () => {
    expect(version, "pre-commit --version failed: is pre-commit installed?").toMatch(/^pre-commit \d+\./);
  });

  it(".pre-commit-hooks.yaml passes pre-commit's own manifest check", async () => {
    const home = tempDir("pch");
    const r = await run("pre-commit", ["validate-manifest", path.join(ROOT, ".pre-commit-hooks.yaml")], { cwd: ROOT, env: isolatedEnv(home) });
    expect(r.code, show(r)).toBe(0);
  });

  // Each try-repo gets its own store and installs the hook repo from scratch,
  // so the runs overlap.
  describe.concurrent("pre-commit try-repo <this checkout>", () => {
    async function tryRepo(hook: string | null, files: Record<string, Buffer>): Promise<{ repo: string; r: Run }> {
      const home = tempDir("pch");
      const env = isolatedEnv(home);
      const repo = makeRepo(tempDir("user"), env, files);
      const args = ["try-repo", ROOT, ...(hook ? [hook] : []), "--verbose", "--files", ...Object.keys(files)];
      const r = await run("pre-commit", args, { cwd: repo, env, timeoutMs: INSTALL_TIMEOUT });
      return { repo, r };
    }

    it(`${FIX_HOOK} rewrites the file that needs the fix, leaves the other alone, and fails`, async ({ expect }) => {
      const { repo, r } = await tryRepo(FIX_HOOK, { "needy.py": NEEDY, "clean.py": CLEAN });
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).toContain(MODIFIED);
      expect(read(path.join(repo, "needy.py")).equals(FIXED), "needy.py is not import-paddle/expected.py").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed").toBe(true);
    }, INSTALL_TIMEOUT);

    it(`${CHECK_HOOK} fails on the file that needs the fix and writes nothing`, async ({ expect }) => {
      const { repo, r } = await tryRepo(CHECK_HOOK, { "needy.py": NEEDY, "clean.py": CLEAN });
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).not.toContain(MODIFIED);
      expect(r.stdout, show(r)).toMatch(/needy\.py:\d+:\d+ .*would-fix/);
      expect(read(path.join(repo, "needy.py")).equals(NEEDY), "needy.py was changed by --check").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed by --check").toBe(true);
    }, INSTALL_TIMEOUT);

    it("both hooks pass on files that need no fix (already fixed, or nothing to fix)", async ({ expect }) => {
      const { repo, r } = await tryRepo(null, { "fixed.py": FIXED, "clean.py": CLEAN });
      expect(r.code, show(r)).toBe(0);
      expect(r.stdout, show(r)).toMatch(/^paddle-fullgraph-fix\.+Passed$/m);
      expect(r.stdout, show(r)).toMatch(/^paddle-fullgraph-fix \(check\)\.+Passed$/m);
      expect(read(path.join(repo, "fixed.py")).equals(FIXED)).toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN)).toBe(true);
    }, INSTALL_TIMEOUT);

    it("the config users paste (repo, rev, args: [--exclude ...]) fixes, then passes", async ({ expect }) => {
      const { dir, rev } = await hookRepo();
      const env = isolatedEnv(tempDir("pch"));
      const config = `repos:
  - repo: ${dir}
    rev: ${rev}
    hooks:
      - id: ${FIX_HOOK}
        language_version: system
        args: [--exclude, "legacy/**"]
      - id: ${CHECK_HOOK}
        language_version: system
        args: [--exclude, "legacy/**"]
`;
      const files = { "needy.py": NEEDY, "clean.py": CLEAN, "legacy/needy.py": NEEDY };
      const repo = makeRepo(tempDir("user"), env, { ...files, ".pre-commit-config.yaml": config });
      const first = await run("pre-commit", ["run", "--verbose", "--files", ...Object.keys(files)], { cwd: repo, env, timeoutMs: INSTALL_TIMEOUT });
      expect(first.code, show(first)).toBe(1);
      expect(first.stdout, show(first)).toMatch(/^paddle-fullgraph-fix\.+Failed$/m);
      expect(first.stdout, show(first)).toContain(MODIFIED);
      // The check hook runs after the fix, on the fixed file.
      expect(first.stdout, show(first)).toMatch(/^paddle-fullgraph-fix \(check\)\.+Passed$/m);
      expect(read(path.join(repo, "needy.py")).equals(FIXED), "needy.py is not import-paddle/expected.py").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed").toBe(true);
      expect(read(path.join(repo, "legacy/needy.py")).equals(NEEDY), "the user's --exclude did not apply to a named file").toBe(true);

      const second = await run("pre-commit", ["run", "--verbose", "--files", ...Object.keys(files)], { cwd: repo, env, timeoutMs: 120_000 });
      expect(second.code, show(second)).toBe(0);
      expect(read(path.join(repo, "needy.py")).equals(FIXED), "a second run changed the fixed file").toBe(true);
    }, INSTALL_TIMEOUT);
  });

  // What a user who npm-installed the tool into their repository writes: a
  // local hook calling node_modules/.bin. The package comes from `npm pack`
  // of this checkout, so this also checks what the tarball ships.
  describe("repo: local, with the tool npm-installed", () => {
    let env: NodeJS.ProcessEnv;
    let repo: string;
    let pack: Run;
    let tarball: string;

    const LOCAL_CONFIG = `repos:
  - repo: local
    hooks:
      - id: ${FIX_HOOK}
        name: paddle-fullgraph-fix
        entry: node_modules/.bin/paddle-fullgraph-fix --force-exclude --no-detect
        language: system
        types: [python]
        args: [--exclude, "legacy/**"]
      - id: ${CHECK_HOOK}
        name: paddle-fullgraph-fix (check)
        entry: node_modules/.bin/paddle-fullgraph-fix --check --force-exclude --no-detect
        language: system
        types: [python]
        args: [--exclude, "legacy/**"]
`;
    const FILES = {
      "needy.py": NEEDY,
      "clean.py": CLEAN,
      "fixed.py": FIXED,
      // Needs the fix, but the user's --exclude covers it.
      "legacy/needy.py": NEEDY,
    };

    beforeAll(async () => {
      env = isolatedEnv(tempDir("pch"));
      // npm pack of what try-repo would see, built by the prepare script as pre-commit's install does.
      const checkout = (await hookRepo()).dir;
      symlinkSync(path.join(ROOT, "node_modules"), path.join(checkout, "node_modules"), "dir");
      const out = tempDir("pack");
      pack = await run("npm", ["pack", "--pack-destination", out], { cwd: checkout, env, timeoutMs: INSTALL_TIMEOUT });
      if (pack.code !== 0) throw new Error(`npm pack failed: ${show(pack)}`);
      const pkg = JSON.parse(read(path.join(ROOT, "package.json")).toString("utf8")) as { name: string; version: string };
      tarball = path.join(out, `${pkg.name}-${pkg.version}.tgz`);

      repo = makeRepo(tempDir("user"), env, {
        ...FILES,
        "package.json": `${JSON.stringify({ name: "user-repo", private: true }, null, 2)}\n`,
        ".gitignore": "node_modules/\n",
        ".pre-commit-config.yaml": LOCAL_CONFIG,
      });
      const install = await run("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
        cwd: repo,
        env,
        timeoutMs: INSTALL_TIMEOUT,
      });
      if (install.code !== 0) throw new Error(`npm install of the packed tool failed: ${show(install)}`);
      git(repo, env, "add", "-A");
      git(repo, env, "commit", "-q", "-m", "add paddle-fullgraph-fix");
    }, INSTALL_TIMEOUT);

    function reset(): void {
      writeFiles(repo, FILES);
    }

    function preCommit(...args: string[]): Promise<Run> {
      return run("pre-commit", args, { cwd: repo, env, timeoutMs: 120_000 });
    }

    it("npm pack prints nothing but the tarball's name (pre-commit's node install reads its stdout as the file name)", async () => {
      // npm runs `prepare` (tsc) inside `npm pack`; with foreground scripts
      // its banner lands on stdout and pre-commit then tries to install a
      // file named "> paddle-fullgraph-fix@0.1.0 prepare ...". The repo's
      // .npmrc (foreground-scripts=false) keeps pack's stdout to the name.
      expect(pack.stdout.trim(), `stdout of npm pack must be the file name alone\n${show(pack)}`).toBe(path.basename(tarball));
      const listing = await run("tar", ["-tzf", tarball], { cwd: repo, env });
      for (const file of ["dist/cli.js", "dist/index.js", "dist/index.d.ts", "patches/full-graph/patch.json", "package.json"]) {
        expect(listing.stdout.split("\n"), `${file} missing from the tarball`).toContain(`package/${file}`);
      }
    });

    it(`${FIX_HOOK}: rewrites the needy file, fails, honours the user's --exclude`, async () => {
      reset();
      const r = await preCommit("run", FIX_HOOK, "--verbose", "--files", ...Object.keys(FILES));
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).toContain(MODIFIED);
      expect(read(path.join(repo, "needy.py")).equals(FIXED), "needy.py is not import-paddle/expected.py").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed").toBe(true);
      expect(read(path.join(repo, "fixed.py")).equals(FIXED), "fixed.py was changed").toBe(true);
      expect(read(path.join(repo, "legacy/needy.py")).equals(NEEDY), "--exclude legacy/** did not apply to a named file").toBe(true);
    }, 120_000);

    it(`${CHECK_HOOK}: fails on the needy file and writes nothing`, async () => {
      reset();
      const r = await preCommit("run", CHECK_HOOK, "--verbose", "--files", ...Object.keys(FILES));
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).not.toContain(MODIFIED);
      expect(r.stdout, show(r)).toMatch(/needy\.py:\d+:\d+ .*would-fix/);
      expect(r.stdout, show(r)).not.toContain("legacy/needy.py");
      for (const [file, contents] of Object.entries(FILES)) {
        expect(read(path.join(repo, file)).equals(contents), `${file} was changed by --check`).toBe(true);
      }
    }, 120_000);

    it("both hooks pass on files that need no fix", async () => {
      reset();
      const r = await preCommit("run", "--verbose", "--files", "clean.py", "fixed.py", "legacy/needy.py");
      expect(r.code, show(r)).toBe(0);
      expect(r.stdout, show(r)).toMatch(/^paddle-fullgraph-fix\.+Passed$/m);
      expect(r.stdout, show(r)).toMatch(/^paddle-fullgraph-fix \(check\)\.+Passed$/m);
    }, 120_000);

    it("as a git hook: the commit fails with the fix left unstaged, and passes once it is added", async () => {
      reset();
      const installed = await preCommit("install");
      expect(installed.code, show(installed)).toBe(0);
      writeFileSync(path.join(repo, "export_model.py"), NEEDY);
      git(repo, env, "add", "export_model.py");
      const first = await run("git", ["commit", "-m", "add an export script"], { cwd: repo, env, timeoutMs: 120_000 });
      expect(first.code, show(first)).not.toBe(0);
      expect(first.stdout + first.stderr, show(first)).toContain(MODIFIED);
      expect(read(path.join(repo, "export_model.py")).equals(FIXED), "the work tree copy was not fixed").toBe(true);
      expect(git(repo, env, "show", ":export_model.py"), "the fix must not be staged behind the user's back").toBe(NEEDY.toString("utf8"));
      expect(git(repo, env, "log", "--format=%s"), "nothing may be committed").not.toContain("add an export script");

      git(repo, env, "add", "export_model.py");
      const second = await run("git", ["commit", "-m", "add an export script"], { cwd: repo, env, timeoutMs: 120_000 });
      expect(second.code, show(second)).toBe(0);
      expect(git(repo, env, "show", "HEAD:export_model.py")).toBe(FIXED.toString("utf8"));
    }, 240_000);
  });
});
