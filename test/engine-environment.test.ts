// Detection runs alongside the work (issue 16): fixPaths takes the
// environment as a promise, walks, reads and analyses meanwhile, and waits
// for it only where the answer matters: a file that names the keyword (the
// bare-keyword rule), every write, the report. A failed detection (or a
// failed write gate) writes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixPaths, needsEnvironment } from "../src/engine.js";
import { paddleFromFlag } from "../src/detect/paddle.js";
import { computeVerdict } from "../src/detect/verdict.js";
import type { Environment } from "../src/model.js";
import { cleanup, faultyFs, NEEDY, tempDir, writeTree } from "./helpers/fs.js";

afterAll(cleanup);

const BARE = "import paddle\n\n\ndef export(model, path):\n    static = paddle.jit.to_static(model, full_graph=True)\n    paddle.jit.save(static, path)\n";

function environment(version: string): Environment {
  const paddle = paddleFromFlag(version);
  return { paddle, paddledetection: null, verdict: computeVerdict(paddle), warnings: [] };
}

/** A promise resolved by hand, and whether it has been. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("fixPaths with the environment still being detected", () => {
  it("reads and analyses every file before detection ends; the report carries the environment", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, "b.py": "x = 1\n", "c.py": NEEDY });
    const detection = deferred<Environment>();
    const opened: string[] = [];
    let openedBeforeDetection = -1;
    const fs = faultyFs({ open: (file) => void opened.push(path.basename(file)) });
    const run = fixPaths([dir], { cwd: dir, fs, mode: "check", environment: detection.promise });
    // Detection ends only once all three files were opened: an engine that
    // waited for it first would never get there (and this test would time out).
    while (opened.length < 3) await new Promise((r) => setTimeout(r, 5));
    openedBeforeDetection = opened.length;
    detection.resolve(environment("3.0.0"));
    const report = await run;
    expect(openedBeforeDetection).toBe(3);
    expect(report.environment?.paddle?.version).toBe("3.0.0");
    expect(report.summary.fixed).toBe(2);
  });

  it("a file with upstream's bare keyword gets the plan of the detected Paddle", async () => {
    const dir = tempDir();
    writeTree(dir, { "old.py": BARE });
    const old = deferred<Environment>();
    const run = fixPaths([dir], { cwd: dir, mode: "check", environment: old.promise });
    setTimeout(() => old.resolve(environment("2.4.2")), 20);
    const guarded = await run;
    expect(guarded.files[0].sites.map((s) => s.code)).toEqual(["upstream/bare-keyword-rejected"]);

    const kept = await fixPaths([dir], { cwd: dir, mode: "check", environment: Promise.resolve(environment("2.6.2")) });
    expect(kept.files[0].sites.map((s) => s.code)).toEqual(["already-fixed/upstream-unguarded"]);
  });

  it("only a file that names the keyword depends on the environment", () => {
    expect(needsEnvironment(Buffer.from(BARE))).toBe(true);
    expect(needsEnvironment(Buffer.from(NEEDY))).toBe(false);
    expect(needsEnvironment(Buffer.from("# full_graph\n"))).toBe(true);
  });

  it("a failed detection fails the run and writes nothing", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, "b.py": NEEDY });
    const detection = deferred<Environment>();
    const run = fixPaths([dir], { cwd: dir, environment: detection.promise });
    setTimeout(() => detection.reject(new Error("--python /nope: no such file")), 20);
    await expect(run).rejects.toThrow("no such file");
    expect(readFileSync(path.join(dir, "a.py"), "utf8")).toBe(NEEDY);
    expect(readFileSync(path.join(dir, "b.py"), "utf8")).toBe(NEEDY);
  });

  it("the write gate runs once, before the first write; if it throws nothing is written", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, "b.py": NEEDY });
    let calls = 0;
    const refuse = () => {
      calls++;
      throw new Error("--style plain refused");
    };
    await expect(fixPaths([dir], { cwd: dir, environment: Promise.resolve(null), beforeWrite: refuse })).rejects.toThrow("refused");
    expect(calls).toBe(1);
    expect(readFileSync(path.join(dir, "a.py"), "utf8")).toBe(NEEDY);
    expect(readFileSync(path.join(dir, "b.py"), "utf8")).toBe(NEEDY);

    let seen: Environment | null | undefined;
    const report = await fixPaths([dir], { cwd: dir, environment: Promise.resolve(environment("3.0.0")), beforeWrite: (env) => void (seen = env) });
    expect(seen?.paddle?.version).toBe("3.0.0");
    expect(report.summary.changed).toBe(2);
  });
});
