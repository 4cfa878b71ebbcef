// --exclude: what a pattern matches (a name at any depth, a path below the
// walked folder, a path from the current folder), a trailing slash meaning
// folders only, --force-exclude on named paths and the folders above them,
// an empty pattern refused, and what was excluded counted.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileExcludes, unreachablePathPatterns } from "../../src/files/exclude.js";
import { walkPaths, type WalkOptions } from "../../src/files/walk.js";
import { UserError } from "../../src/model.js";
import { NEEDY } from "../helpers/fs.js";
import { removeTempDirs, tempTree } from "../helpers/temp.js";

afterAll(removeTempDirs);

const TREE = {
  "legacy/old.py": NEEDY,
  "deploy/legacy/serve.py": NEEDY,
  "deploy/python/infer.py": NEEDY,
  "ppdet/engine/trainer.py": NEEDY,
  "ppdet/engine/legacy.py": NEEDY,
  "ppdet/proto/model_pb2.py": NEEDY,
  "tools/export_model.py": NEEDY,
};

/** Walked files relative to root, and what the excludes kept out. */
async function walked(root: string, options: WalkOptions, paths: string[] = [root]) {
  const walk = await walkPaths(paths, { cwd: root, ...options });
  const files = walk.files.map((f) => path.relative(root, f.path).split(path.sep).join("/")).sort();
  return { files, excluded: walk.excluded };
}

const all = Object.keys(TREE).sort();
const without = (...gone: string[]) => all.filter((f) => !gone.some((g) => f === g || f.startsWith(`${g}/`)));

describe("a pattern", () => {
  it("without a slash matches a name at any depth, file or folder", async () => {
    const root = tempTree("pfgf-exclude-", TREE);
    expect(await walked(root, { exclude: ["legacy"] })).toEqual({
      files: without("legacy", "deploy/legacy"),
      excluded: { files: 0, folders: 2 },
    });
    expect((await walked(root, { exclude: ["*_pb2.py"] })).files).toEqual(without("ppdet/proto/model_pb2.py"));
    expect((await walked(root, { exclude: ["legacy.py"] })).files).toEqual(without("ppdet/engine/legacy.py"));
  });

  it("with a trailing slash matches folders only", async () => {
    const root = tempTree("pfgf-exclude-", { ...TREE, "ppdet/engine/legacy/x.py": NEEDY, "tools/legacy": NEEDY });
    const r = await walked(root, { exclude: ["legacy/"] });
    expect(r.files).toContain("ppdet/engine/legacy.py");
    expect(r.files.filter((f) => f.split("/").slice(0, -1).includes("legacy"))).toEqual([]);
    expect(r.excluded).toEqual({ files: 0, folders: 3 });
    // The same name without the slash takes the file too.
    expect((await walked(root, { exclude: ["legacy*"] })).files).not.toContain("ppdet/engine/legacy.py");
  });

  it("with a slash inside matches the path below the walked folder, not below the current one", async () => {
    const root = tempTree("pfgf-exclude-", TREE);
    expect((await walked(root, { exclude: ["deploy/legacy"] })).files).toEqual(without("deploy/legacy"));
    expect((await walked(root, { exclude: ["ppdet/**/legacy.py"] })).files).toEqual(without("ppdet/engine/legacy.py"));
    expect((await walked(root, { exclude: ["deploy/**"] })).files).toEqual(without("deploy"));
    // Walking ppdet/: the pattern is relative to it.
    const ppdet = path.join(root, "ppdet");
    expect((await walked(root, { exclude: ["engine/"] }, [ppdet])).files).toEqual(["ppdet/proto/model_pb2.py"]);
    expect((await walked(root, { exclude: ["ppdet/engine/"] }, [ppdet])).files).toHaveLength(3);
  });

  it("starting with ./ or ../, or absolute, is a path from the current folder", async () => {
    const root = tempTree("pfgf-exclude-", TREE);
    // ./legacy is the top-level folder only, not deploy/legacy.
    expect((await walked(root, { exclude: ["./legacy"] })).files).toEqual(without("legacy"));
    expect((await walked(root, { exclude: ["./deploy/**/*.py"] })).files).toEqual(without("deploy"));
    expect((await walked(root, { exclude: [path.join(root, "ppdet", "engine") + "/"] })).files).toEqual(without("ppdet/engine"));
    expect((await walked(root, { exclude: [`${root}/**/legacy`] })).files).toEqual(without("legacy", "deploy/legacy"));
    // From a folder beside the checkout.
    const tools = path.join(root, "tools");
    const r = await walkPaths([root], { cwd: tools, exclude: ["../deploy", "./export_model.py"] });
    expect(r.files.map((f) => path.relative(root, f.path)).sort()).toEqual(without("deploy", "tools/export_model.py"));
    // Walking ppdet/ from the checkout's top: ./engine is the top's engine, which does not exist.
    expect((await walked(root, { exclude: ["./engine"] }, [path.join(root, "ppdet")])).files).toHaveLength(3);
  });

  it("that is empty is the user's mistake, refused with a message that says what a pattern looks like", async () => {
    for (const bad of ["", " "]) {
      expect(() => compileExcludes([bad])).toThrow(UserError);
      expect(() => compileExcludes(["ok/", bad])).toThrow(/--exclude needs a pattern/);
      await expect(walkPaths(["."], { exclude: [bad] })).rejects.toThrow(UserError);
    }
  });
});

describe("--force-exclude", () => {
  it("applies to named files, through the folders between the current folder and them", async () => {
    const root = tempTree("pfgf-exclude-", TREE);
    const named = ["legacy/old.py", "deploy/legacy/serve.py", "tools/export_model.py"].map((f) => path.join(root, f));
    const run = (exclude: string[], forceExclude = true) => walked(root, { exclude, forceExclude }, named);
    expect((await run(["legacy/"], false)).files).toHaveLength(3);
    expect(await run(["legacy/"])).toEqual({ files: ["tools/export_model.py"], excluded: { files: 2, folders: 0 } });
    expect((await run(["deploy/**"])).files).toEqual(["legacy/old.py", "tools/export_model.py"]);
    expect((await run(["./legacy"])).files).toEqual(["deploy/legacy/serve.py", "tools/export_model.py"]);
    expect((await run(["export_*.py"])).files).toEqual(["deploy/legacy/serve.py", "legacy/old.py"]);
    // A trailing slash never matches the named file itself.
    expect((await run(["export_model.py/"])).files).toHaveLength(3);
  });

  it("applies to a named folder too; without it a named folder is walked whatever the patterns", async () => {
    const root = tempTree("pfgf-exclude-", TREE);
    const deploy = path.join(root, "deploy");
    expect(await walked(root, { exclude: ["deploy/"], forceExclude: true }, [deploy])).toEqual({ files: [], excluded: { files: 0, folders: 1 } });
    expect(await walked(root, { exclude: ["deploy/"] }, [deploy])).toEqual({ files: without("legacy", "ppdet", "tools"), excluded: { files: 0, folders: 0 } });
  });
});

describe("path patterns outside the walked folders", () => {
  it("are found, so the command line can say they exclude nothing", () => {
    const root = "/src/PaddleDetection";
    const excludes = compileExcludes(["./deploy", "./PaddleDetection/deploy", "../src/PaddleDetection/x", "/src/**/legacy/", "/elsewhere/x", "deploy/"], "/src");
    expect(unreachablePathPatterns(excludes, [root]).map((r) => r.pattern)).toEqual(["./deploy", "/elsewhere/x"]);
    expect(unreachablePathPatterns(excludes, ["/src"]).map((r) => r.pattern)).toEqual(["/elsewhere/x"]);
    expect(unreachablePathPatterns(excludes, ["/other", root]).map((r) => r.pattern)).toEqual(["./deploy", "/elsewhere/x"]);
  });
});
