// The pre-commit integration, for real, on both pre-commits users have:
// Debian's 3.x and the newest 4.x from PyPI (.ci/run installs both). Each
// installs this repository with its node language (3.x: npm install, npm pack,
// global install of the tarball; 4.x: npm install -g git+file://, which runs
// the build committed to git) and runs the hooks on throwaway repositories:
// `try-repo` on this checkout, and the README's own config, unchanged but for
// its two placeholders. Slow (each install is afresh); needs the npm registry
// or a warm npm cache.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanupTempDirs,
  copyTrackedTree,
  git,
  isolatedEnv,
  makeRepo,
  preCommits,
  read,
  ROOT,
  run,
  show,
  tempDir,
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
/** The first line the fix adds, as the diff shows it. */
const DIFF_LINE = "+# >>> paddle-fullgraph-fix: full-graph guard >>>";
const INSTALL_TIMEOUT = 600_000;

/** The README's pre-commit config: the first yaml block of its "### pre-commit" section. */
function readmeSnippet(): string {
  const readme = read(path.join(ROOT, "README.md")).toString("utf8");
  const section = readme.slice(readme.indexOf("\n### pre-commit\n"));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("README.md: no yaml block in the pre-commit section");
  return block[1]!;
}
const REPO_PLACEHOLDER = "<your clone's URL or path>";
const REV_PLACEHOLDER = "<a tag or full commit hash of it>";

/** The README's snippet pointing at `dir` and `rev`; `withCheck` also takes its commented-out check hook in. */
function readmeConfig(dir: string, rev: string, withCheck: boolean): string {
  let config = readmeSnippet().replace(REPO_PLACEHOLDER, dir).replace(REV_PLACEHOLDER, rev);
  if (withCheck) config = config.replace(/^(\s*)# ( *- id: paddle-fullgraph-fix-check\n)\1# ( *language_version)/m, "$1$2$1$3");
  return config;
}

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

/**
 * Enough files with long names that pre-commit cannot pass them in one
 * command line (it caps one at 128 KiB), whatever the number of cores: the
 * needy files sort first and last, so they land in different batches.
 */
function manyFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = { "a_needy.py": NEEDY, "z_needy.py": NEEDY };
  const long = "m".repeat(200);
  for (let i = 0; i < 700; i++) files[`b_${long}_${String(i).padStart(3, "0")}.py`] = Buffer.from(`value = ${i}\n`);
  return files;
}

afterAll(cleanupTempDirs);

it("the README's pre-commit snippet has the two placeholders the tests fill in, and a check hook to uncomment", () => {
  const snippet = readmeSnippet();
  expect(snippet).toContain(`repo: ${REPO_PLACEHOLDER}`);
  expect(snippet).toContain(`rev: ${REV_PLACEHOLDER}`);
  expect(readmeConfig("/x", "y", true)).toMatch(/^ *- id: paddle-fullgraph-fix-check\n *language_version: system$/m);
});

describe.each(preCommits())("pre-commit $major.x ($source)", ({ major, bin, version }) => {
  // Missing: skipped on a developer's machine (with a note), a failure in CI.
  const skip = version === null && !process.env.CI;
  if (skip) console.warn(`test/cli/precommit.test.ts: pre-commit ${major}.x skipped, ${bin} is not installed (.ci/run installs it)`);

  function preCommit(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
    return run(bin, args, { cwd, env, timeoutMs: INSTALL_TIMEOUT });
  }

  describe.skipIf(skip).concurrent("hooks", () => {
    it(`${bin} is pre-commit ${major}.x`, () => {
      expect(version, `${bin} --version failed: .ci/run installs it`).toMatch(new RegExp(`^pre-commit ${major}\\.`));
    });

    it(".pre-commit-hooks.yaml passes pre-commit's own manifest check", async ({ expect }) => {
      const r = await preCommit(["validate-manifest", path.join(ROOT, ".pre-commit-hooks.yaml")], ROOT, isolatedEnv(tempDir("pch")));
      expect(r.code, show(r)).toBe(0);
    });

    async function tryRepo(hook: string, files: Record<string, Buffer>): Promise<{ repo: string; r: Run }> {
      const env = isolatedEnv(tempDir("pch"));
      const repo = makeRepo(tempDir("user"), env, files);
      const r = await preCommit(["try-repo", ROOT, hook, "--verbose", "--files", ...Object.keys(files)], repo, env);
      return { repo, r };
    }

    it(`try-repo ${FIX_HOOK}: rewrites the file that needs the fix, leaves the other alone, and fails`, async ({ expect }) => {
      const { repo, r } = await tryRepo(FIX_HOOK, { "needy.py": NEEDY, "clean.py": CLEAN });
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).toContain(MODIFIED);
      expect(read(path.join(repo, "needy.py")).equals(FIXED), "needy.py is not import-paddle/expected.py").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed").toBe(true);
    }, INSTALL_TIMEOUT);

    it(`try-repo ${CHECK_HOOK}: fails showing the diff of the pending fix, and writes nothing`, async ({ expect }) => {
      const { repo, r } = await tryRepo(CHECK_HOOK, { "needy.py": NEEDY, "clean.py": CLEAN });
      expect(r.code, show(r)).toBe(1);
      expect(r.stdout, show(r)).not.toContain(MODIFIED);
      expect(r.stdout, show(r)).toContain("+++ b/needy.py");
      expect(r.stdout, show(r)).toContain(DIFF_LINE);
      expect(r.stdout, show(r)).not.toContain("clean.py\n@@");
      expect(read(path.join(repo, "needy.py")).equals(NEEDY), "needy.py was changed by --check").toBe(true);
      expect(read(path.join(repo, "clean.py")).equals(CLEAN), "clean.py was changed by --check").toBe(true);
    }, INSTALL_TIMEOUT);

    it("the README's config: files in several batches are all fixed, the run fails; a second run passes", async ({ expect }) => {
      const { dir, rev } = await hookRepo();
      const env = isolatedEnv(tempDir("pch"));
      const files = manyFiles();
      const repo = makeRepo(tempDir("user"), env, { ...files, ".pre-commit-config.yaml": readmeConfig(dir, rev, false) });
      const first = await preCommit(["run", "--verbose", "--all-files"], repo, env);
      expect(first.code, show(first)).toBe(1);
      expect(first.stdout, show(first)).toMatch(/^paddle-fullgraph-fix\.+Failed$/m);
      expect(first.stdout, show(first)).toContain(MODIFIED);
      // One summary line per run of the tool: one per batch.
      const batches = first.stdout.match(/^\d+ fixed, /gm) ?? [];
      expect(batches.length, show(first)).toBeGreaterThanOrEqual(2);
      for (const file of ["a_needy.py", "z_needy.py"]) expect(read(path.join(repo, file)).equals(FIXED), `${file} was not fixed`).toBe(true);

      const second = await preCommit(["run", "--verbose", "--all-files"], repo, env);
      expect(second.code, show(second)).toBe(0);
      expect(second.stdout, show(second)).toMatch(/^paddle-fullgraph-fix\.+Passed$/m);
    }, INSTALL_TIMEOUT);

    it("the README's config with its check hook and the clone's URL, as a git hook: the commit fails with the fix unstaged, then passes once added", async ({ expect }) => {
      const { dir, rev } = await hookRepo();
      const env = isolatedEnv(tempDir("pch"));
      // The other README form of `repo:`: a URL (file://), not a path.
      const config = readmeConfig(pathToFileURL(dir).href, rev, true);
      const repo = makeRepo(tempDir("user"), env, { "clean.py": CLEAN, ".pre-commit-config.yaml": config });
      const installed = await preCommit(["install"], repo, env);
      expect(installed.code, show(installed)).toBe(0);
      // The hook script runs the pre-commit that installed it.
      writeFileSync(path.join(repo, "export_model.py"), NEEDY);
      git(repo, env, "add", "export_model.py");
      const first = await run("git", ["commit", "-m", "add an export script"], { cwd: repo, env, timeoutMs: INSTALL_TIMEOUT });
      expect(first.code, show(first)).not.toBe(0);
      expect(first.stdout + first.stderr, show(first)).toContain(MODIFIED);
      expect(read(path.join(repo, "export_model.py")).equals(FIXED), "the work tree copy was not fixed").toBe(true);
      expect(git(repo, env, "show", ":export_model.py"), "the fix must not be staged behind the user's back").toBe(NEEDY.toString("utf8"));
      expect(git(repo, env, "log", "--format=%s"), "nothing may be committed").not.toContain("add an export script");

      git(repo, env, "add", "export_model.py");
      const second = await run("git", ["commit", "-m", "add an export script"], { cwd: repo, env, timeoutMs: INSTALL_TIMEOUT });
      expect(second.code, show(second)).toBe(0);
      expect(second.stdout + second.stderr, show(second)).toMatch(/paddle-fullgraph-fix \(check\)\.+Passed/);
      expect(git(repo, env, "show", "HEAD:export_model.py")).toBe(FIXED.toString("utf8"));
    }, INSTALL_TIMEOUT);
  });
});
