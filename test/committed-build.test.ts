// The build committed to git (dist/cli.js and dist/cli/main.prebuilt.js, see
// scripts/prepare.mjs): what an install from git runs, pre-commit 4.x's among
// them, since such an install cannot build. It must be what the build makes of
// the source: `npm test` builds first, so a source change whose rebuilt files
// were not staged fails here, and so does a commit that left them behind (CI
// builds a clean clone, whose index is that commit).
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/cli.js";
import { cleanupTempDirs, tempDir } from "./helpers/precommit.js";

const COMMITTED = ["dist/cli.js", "dist/cli/main.prebuilt.js"];
const NEEDY = path.join(ROOT, "fixtures/cases/import-paddle/input.py");

afterAll(cleanupTempDirs);

function git(...args: string[]): Buffer {
  const r = spawnSync("git", args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.toString("utf8")}`);
  return r.stdout;
}

describe("the committed build", () => {
  it(`git holds exactly ${COMMITTED.join(" and ")} of dist/, the bin executable`, () => {
    // `git ls-files -s`: "<mode> <object> <stage>\t<path>" per staged file.
    const staged = git("ls-files", "-s", "--", "dist").toString("utf8").trim().split("\n");
    const modes = Object.fromEntries(staged.map((line) => [line.split("\t")[1], line.split(" ")[0]]));
    expect(Object.keys(modes).sort()).toEqual([...COMMITTED].sort());
    expect(modes["dist/cli.js"]).toBe("100755");
  });

  it.each(COMMITTED)("%s in git (the index) is the build of the source", (file) => {
    const built = readFileSync(path.join(ROOT, file));
    const staged = git("cat-file", "blob", `:${file}`);
    expect(
      built.equals(staged),
      `${file} differs from what the build makes of the source (a source change not rebuilt, or a merge): run \`npm run build:committed\` (builds, then stages ${COMMITTED.join(" and ")}) and commit them with the source`,
    ).toBe(true);
  });

  it("dist/cli.js runs dist/cli/main.prebuilt.js where main.bundle.js was not built, with the same result", () => {
    // What an install from git holds: package.json, patches/, the committed
    // build, and the runtime dependencies (linked from this checkout).
    const pkg = tempDir("fromgit");
    copyFileSync(path.join(ROOT, "package.json"), path.join(pkg, "package.json"));
    cpSync(path.join(ROOT, "patches"), path.join(pkg, "patches"), { recursive: true });
    for (const file of COMMITTED) {
      mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(pkg, file));
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"), "dir");

    // --check --diff: the diff on stdout, the report on stderr, exit 1.
    const args = ["--check", "--diff", "--no-detect", NEEDY];
    const bundled = runCli(args);
    const fromGit = spawnSync(process.execPath, [path.join(pkg, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8" });
    expect(bundled.code, bundled.stderr).toBe(1);
    expect(bundled.stdout).toContain("+# >>> paddle-fullgraph-fix: full-graph guard >>>");
    expect(fromGit.status, fromGit.stderr).toBe(1);
    expect(fromGit.stdout).toBe(bundled.stdout);
    expect(fromGit.stderr).toBe(bundled.stderr);
  });
});
