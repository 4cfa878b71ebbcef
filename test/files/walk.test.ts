// The walk: which folders it skips and why, and what it says about the rest.
// Ignore rules are git's (checked against git itself below); the names that
// are never source are skipped whatever the rules say; `build` and `dist`
// are ordinary folders unless ignored (PaddleSlim keeps source in
// paddleslim/dist/); what ignore rules keep out is counted, and noIgnore
// (--no-ignore) walks it.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { walkPaths, type WalkOptions } from "../../src/files/walk.js";
import { NEEDY } from "../helpers/fs.js";
import { removeTempDirs, tempTree } from "../helpers/temp.js";

afterAll(removeTempDirs);

/** Walked files relative to root (`/`), and the ignored counts. */
async function walked(root: string, options: WalkOptions = {}, paths: string[] = [root]) {
  const walk = await walkPaths(paths, options);
  const files = walk.files.map((f) => path.relative(root, f.path).split(path.sep).join("/")).sort();
  return { files, ignored: walk.ignored };
}

// PaddleSlim's .gitignore, verbatim: `./dist/` matches nothing in git, so paddleslim/dist/ is source.
const PADDLESLIM_GITIGNORE = "*.egg-info\nbuild/\n./dist/\n";

describe("build and dist", () => {
  const tree = () =>
    tempTree("pfgf-walk-", {
      "paddleslim/dist/single_distiller.py": NEEDY,
      "paddleslim/dist/__init__.py": "",
      "build/lib/paddleslim/dist/single_distiller.py": NEEDY,
      "dist/build_helper.py": NEEDY,
    });

  it("are walked when no ignore rule names them", async () => {
    const root = tree();
    expect((await walked(root)).files).toEqual([
      "build/lib/paddleslim/dist/single_distiller.py",
      "dist/build_helper.py",
      "paddleslim/dist/__init__.py",
      "paddleslim/dist/single_distiller.py",
    ]);
  });

  it("are skipped exactly where the checkout's .gitignore says so (PaddleSlim's, verbatim)", async () => {
    const root = tree();
    writeFileSync(path.join(root, ".gitignore"), PADDLESLIM_GITIGNORE);
    expect(await walked(root)).toEqual({
      files: ["dist/build_helper.py", "paddleslim/dist/__init__.py", "paddleslim/dist/single_distiller.py"],
      ignored: { files: 0, folders: 1 },
    });
    // PaddleDetection's anchored rules skip the top-level folders only.
    writeFileSync(path.join(root, ".gitignore"), "/build/\n/dist/\n");
    expect(await walked(root)).toEqual({
      files: ["paddleslim/dist/__init__.py", "paddleslim/dist/single_distiller.py"],
      ignored: { files: 0, folders: 2 },
    });
  });

  it("rules match case-sensitively (git on Linux, rg, fd, ruff): `Build/` does not hide build/", async () => {
    const root = tree();
    writeFileSync(path.join(root, ".gitignore"), "Build/\nDIST/\n");
    expect((await walked(root)).files).toHaveLength(4);
  });
});

describe("names that are never source", () => {
  const NEVER = [
    ".git/hooks/mod.py",
    "node_modules/pkg/mod.py",
    "venv/lib/mod.py",
    ".venv/lib/mod.py",
    "myenv/lib/mod.py",
    "lib/python3.10/site-packages/pkg/mod.py",
    "pkg/__pycache__/mod.py",
    "paddleslim.egg-info/mod.py",
  ];

  it("are skipped with or without ignore rules, and are not counted as ignored", async () => {
    const files: Record<string, string> = { "keep/mod.py": NEEDY, "myenv/pyvenv.cfg": "home = /usr/bin\n" };
    for (const rel of NEVER) files[rel] = NEEDY;
    const root = tempTree("pfgf-walk-", files);
    expect(await walked(root)).toEqual({ files: ["keep/mod.py"], ignored: { files: 0, folders: 0 } });
    expect(await walked(root, { noIgnore: true })).toEqual({ files: ["keep/mod.py"], ignored: { files: 0, folders: 0 } });
    // Listed in .gitignore too (as most checkouts do): still not counted as hidden source.
    writeFileSync(path.join(root, ".gitignore"), "__pycache__/\n*.egg-info/\nvenv/\n.venv/\nnode_modules/\n");
    expect(await walked(root)).toEqual({ files: ["keep/mod.py"], ignored: { files: 0, folders: 0 } });
  });
});

describe("what ignore rules keep out", () => {
  const tree = () =>
    tempTree("pfgf-walk-", {
      ".gitignore": "output/\n*_pb2.py\nscratch.py\n*.log\n",
      "tools/export_model.py": NEEDY,
      "tools/scratch.py": NEEDY,
      "tools/run.log": "log\n",
      "ppdet/proto/model_pb2.py": NEEDY,
      "ppdet/proto/loss_pb2.py": NEEDY,
      "output/a/export.py": NEEDY,
      "output/b/export.py": NEEDY,
      "output/c/model.pdparams": "x",
      "deploy/output/run.py": NEEDY,
    });

  it("counts ignored .py files in walked folders one by one and ignored folders as units, unopened", async () => {
    const root = tree();
    expect(await walked(root)).toEqual({
      files: ["tools/export_model.py"],
      // tools/scratch.py, model_pb2.py, loss_pb2.py; output/ and deploy/output/ (3 .py files inside, not counted).
      ignored: { files: 3, folders: 2 },
    });
  });

  it("noIgnore (--no-ignore) walks them all and counts nothing", async () => {
    const root = tree();
    expect(await walked(root, { noIgnore: true })).toEqual({
      files: [
        "deploy/output/run.py",
        "output/a/export.py",
        "output/b/export.py",
        "ppdet/proto/loss_pb2.py",
        "ppdet/proto/model_pb2.py",
        "tools/export_model.py",
        "tools/scratch.py",
      ],
      ignored: { files: 0, folders: 0 },
    });
  });

  it("a path --exclude drops is the user's choice, not counted as ignored", async () => {
    const root = tree();
    expect((await walked(root, { exclude: ["output", "*_pb2.py*"] })).ignored).toEqual({ files: 1, folders: 0 });
  });

  it("overlapping paths count each ignored path once; an ignored folder the user names is walked, not counted", async () => {
    const root = tree();
    const twice = await walked(root, {}, [root, path.join(root, "ppdet"), path.join(root, "tools")]);
    expect(twice.ignored).toEqual({ files: 3, folders: 2 });
    const named = await walked(root, {}, [root, path.join(root, "output")]);
    expect(named.files).toContain("output/a/export.py");
    expect(named.ignored).toEqual({ files: 3, folders: 1 });
  });

  it("an ignored file named explicitly is taken and not counted", async () => {
    const root = tree();
    const named = await walked(root, {}, [path.join(root, "tools/scratch.py")]);
    expect(named).toEqual({ files: ["tools/scratch.py"], ignored: { files: 0, folders: 0 } });
  });
});

describe(".gitignore's friends", () => {
  it(".ignore files (rg, fd, ruff) are read beside .gitignore, and a later rule there wins", async () => {
    const root = tempTree("pfgf-walk-", {
      ".gitignore": "gen/\n",
      ".ignore": "!gen/\nvendor/\n",
      "gen/mod.py": NEEDY,
      "vendor/lib.py": NEEDY,
      "src/.ignore": "local.py\n",
      "src/local.py": NEEDY,
      "src/main.py": NEEDY,
    });
    expect(await walked(root)).toEqual({ files: ["gen/mod.py", "src/main.py"], ignored: { files: 1, folders: 1 } });
  });

  it(".git/info/exclude applies from the repository's top, walked from the top or from a folder inside", async () => {
    const root = tempTree("pfgf-walk-", {
      ".git/info/exclude": "# git ls-files --exclude-from=.git/info/exclude\nnotes/\n",
      ".gitignore": "\n",
      "notes/try.py": NEEDY,
      "ppdet/notes/try.py": NEEDY,
      "ppdet/engine/trainer.py": NEEDY,
    });
    expect(await walked(root)).toEqual({ files: ["ppdet/engine/trainer.py"], ignored: { files: 0, folders: 2 } });
    expect(await walked(root, {}, [path.join(root, "ppdet")])).toEqual({ files: ["ppdet/engine/trainer.py"], ignored: { files: 0, folders: 1 } });
    expect((await walked(root, { noIgnore: true })).files).toEqual(["notes/try.py", "ppdet/engine/trainer.py", "ppdet/notes/try.py"]);
  });
});

describe("agreement with git", () => {
  const git = (cwd: string, ...args: string[]) => {
    const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
    const r = spawnSync("git", args, { cwd, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout.split("\n").filter(Boolean);
  };
  const hasGit = spawnSync("git", ["--version"]).status === 0;

  it.skipIf(!hasGit)("walks the .py files git does not ignore; counts the ignored .py files and folders git lists", async () => {
    const root = tempTree("pfgf-walk-", {
      ".gitignore": "/build/\n/dist/\noutput/\n*_pb2.py\ndataset/coco/annotations\n!keep_pb2.py\n",
      "ppdet/.gitignore": "version.py\n/tmp/\n",
      "ppdet/version.py": NEEDY,
      "ppdet/engine/trainer.py": NEEDY,
      "ppdet/engine/tmp/x.py": NEEDY,
      "ppdet/tmp/x.py": NEEDY,
      "ppdet/proto/a_pb2.py": NEEDY,
      "ppdet/proto/keep_pb2.py": NEEDY,
      "paddleslim/dist/distiller.py": NEEDY,
      "build/lib/mod.py": NEEDY,
      "dist/mod.py": NEEDY,
      "tools/output/infer.py": NEEDY,
      "tools/export_model.py": NEEDY,
      "dataset/coco/annotations/convert.py": NEEDY,
      "dataset/coco/tools/x2coco.py": NEEDY,
    });
    git(root, "init", "-q");
    mkdirSync(path.join(root, ".git/info"), { recursive: true });
    writeFileSync(path.join(root, ".git/info/exclude"), "*.local.py\n");
    writeFileSync(path.join(root, "tools/me.local.py"), NEEDY);
    const { files, ignored } = await walked(root);
    const untracked = git(root, "ls-files", "--others", "--exclude-standard");
    expect(files).toEqual(untracked.filter((p) => p.endsWith(".py")).sort());
    // With --directory, git lists an ignored folder as one `name/` line, as the walk counts it.
    const hidden = git(root, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory");
    expect(ignored).toEqual({ files: hidden.filter((p) => p.endsWith(".py")).length, folders: hidden.filter((p) => p.endsWith("/")).length });
    expect(ignored).toEqual({ files: 3, folders: 5 });
  });
});
