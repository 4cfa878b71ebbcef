// The checkout's own Paddle pin: parsers (pure) and the detector's use of it
// when no Paddle is given or installed.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment, formatEnvironmentHeader } from "../../src/detect/index.js";
import { paddlePinFromRequirements, paddlePinFromStrings, paddlePinIn } from "../../src/detect/version-files.js";
import { removeTree } from "../helpers/cli.js";

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));

function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pfgf-pins-"));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("Paddle requirement parsers", () => {
  it("reads exact pins and lower bounds, and ignores everything that is not a Paddle requirement", () => {
    expect(paddlePinIn("paddlepaddle-gpu==2.4.2")).toEqual({ requirement: "paddlepaddle-gpu==2.4.2", raw: "2.4.2", bound: "exact" });
    expect(paddlePinIn("paddlepaddle >= 2.4.0, <3")).toEqual({ requirement: "paddlepaddle>=2.4.0", raw: "2.4.0", bound: "lower-bound" });
    expect(paddlePinIn("paddlepaddle~=2.5.1")).toMatchObject({ raw: "2.5.1", bound: "lower-bound" });
    expect(paddlePinIn("paddlepaddle-gpu==2.4.2.post117")).toMatchObject({ raw: "2.4.2.post117", bound: "exact" });
    expect(paddlePinIn("paddleslim==2.4.0")).toBeNull();
    expect(paddlePinIn("my-paddlepaddle==2.4.0")).toBeNull();
    expect(paddlePinIn("paddlepaddle")).toBeNull();
  });

  it("requirements.txt: the first real line, not a comment or an option", () => {
    const text = "# paddlepaddle==2.6.0 (not this)\n-r base.txt\nnumpy>=1.21\npaddlepaddle-gpu==2.4.2  # the fork's\npaddlepaddle==3.0.0\n";
    expect(paddlePinFromRequirements(text)).toMatchObject({ raw: "2.4.2", requirement: "paddlepaddle-gpu==2.4.2" });
    expect(paddlePinFromRequirements("numpy\nopencv-python\n")).toBeNull();
  });

  it("setup.py / pyproject.toml: string literals, never comments", () => {
    const setup = "# 'paddlepaddle==9.9.9'\nsetup(name='x', install_requires=['numpy', 'paddlepaddle>=2.4.1'])\n";
    expect(paddlePinFromStrings(setup)).toMatchObject({ raw: "2.4.1", bound: "lower-bound" });
    const pyproject = '[project]\nname = "x"\ndependencies = [\n  "paddlepaddle-gpu==2.5.2",\n]\n';
    expect(paddlePinFromStrings(pyproject)).toMatchObject({ raw: "2.5.2", bound: "exact" });
  });
});

describe("the effective Paddle", () => {
  it("is the checkout's pin when no Paddle is given or installed, and the header says where it came from", async () => {
    const dir = checkout({ "requirements.txt": "paddlepaddle-gpu==2.4.2\n", "setup.py": "install_requires=['paddlepaddle>=3.0']\n" });
    const env = await detectEnvironment({ root: dir, env: { PATH: "" } });
    expect(env.paddle).toMatchObject({ version: "2.4.2", source: "checkout", pin: { file: "requirements.txt", requirement: "paddlepaddle-gpu==2.4.2", bound: "exact" } });
    expect(formatEnvironmentHeader(env)[0]).toMatch(/^Paddle 2\.4\.2 \(pinned by requirements\.txt: paddlepaddle-gpu==2\.4\.2; no Python interpreter found\)/);
  });

  it("says a range's lower bound is one", async () => {
    const dir = checkout({ "setup.py": "setup(install_requires=['paddlepaddle>=2.4.1'])\n" });
    const env = await detectEnvironment({ root: dir, env: { PATH: "" } });
    expect(formatEnvironmentHeader(env)[0]).toMatch(/^Paddle 2\.4\.1 \(the lower bound of setup\.py: paddlepaddle>=2\.4\.1;/);
  });

  it("--paddle-version wins over the pin", async () => {
    const dir = checkout({ "requirements.txt": "paddlepaddle-gpu==2.4.2\n" });
    const env = await detectEnvironment({ root: dir, paddleVersion: "3.0.0", env: { PATH: "" } });
    expect(env.paddle).toMatchObject({ version: "3.0.0", source: "flag" });
  });

  it("is unknown when nothing pins it", async () => {
    const dir = checkout({ "requirements.txt": "numpy\n" });
    expect((await detectEnvironment({ root: dir, env: { PATH: "" } })).paddle).toBeNull();
  });
});
