/**
 * A hostile checkout and a hostile environment: every file here writes a
 * marker when executed or imported. Detection must read, never run.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment } from "../../src/detect/index.js";
import { QUERY_TIMEOUT_MS, addDist, bareEnv, cleanupTempDirs, makeVenv, tempDir, writeFiles } from "../helpers/detect.js";

afterAll(cleanupTempDirs);

function writesMarker(markers: string, name: string): string {
  const target = JSON.stringify(path.join(markers, name));
  return `import os\nopen(${target}, "w").close()\n`;
}

describe("detection never runs checkout or environment code", () => {
  it("leaves no marker from paddle/, sitecustomize.py, setup.py, ppdet or .pth files", async () => {
    const markers = tempDir("pfgf-markers-");
    const root = path.join(tempDir(), "PaddleDetection");
    writeFiles(root, {
      "setup.py": `${writesMarker(markers, "setup.py")}PPDET_VERSION = "2.4.0"\n`,
      "sitecustomize.py": writesMarker(markers, "checkout-sitecustomize"),
      "usercustomize.py": writesMarker(markers, "checkout-usercustomize"),
      "paddle/__init__.py": writesMarker(markers, "checkout-paddle") + "__version__ = '9.9.9'\n",
      "ppdet/__init__.py": writesMarker(markers, "ppdet"),
      "ppdet/version.py": writesMarker(markers, "ppdet-version") + "full_version = '2.4.0'\n",
      "json.py": writesMarker(markers, "checkout-json-shadow"),
      "importlib/__init__.py": writesMarker(markers, "checkout-importlib-shadow"),
    });

    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle-gpu", "2.6.2");
    addDist(venv.site, "paddledet", "2.4.0", { directUrl: { url: `file://${root}`, dir_info: { editable: true } } });
    writeFiles(venv.site, {
      "paddle/__init__.py": writesMarker(markers, "installed-paddle"),
      "paddle/version/__init__.py": writesMarker(markers, "installed-paddle-version") + "full_version = '2.6.2'\n",
      "sitecustomize.py": writesMarker(markers, "venv-sitecustomize"),
    });
    // An editable install's .pth: a path line to the checkout (puts its sitecustomize.py on
    // sys.path at normal start-up) and an import line that would run code.
    writeFileSync(
      path.join(venv.site, "__editable__.paddledet-2.4.0.pth"),
      `${root}\nimport os; open(${JSON.stringify(path.join(markers, "pth-import"))}, "w").close()\n`,
    );

    const env = await detectEnvironment({
      root,
      python: venv.python,
      // PYTHONPATH and PYTHONSTARTUP pointing at the checkout must not matter either.
      timeoutMs: QUERY_TIMEOUT_MS,
      env: bareEnv({ PYTHONPATH: root, PYTHONSTARTUP: path.join(root, "setup.py"), PYTHONINSPECT: "" }),
    });

    expect(env.paddle?.version).toBe("2.6.2");
    expect(env.paddledetection?.version).toBe("2.4.0");
    expect(readdirSync(markers)).toEqual([]);
  });

  it("the checkout's paddle/ folder is not taken for an installed Paddle", async () => {
    const root = path.join(tempDir(), "PaddleDetection");
    writeFiles(root, { "setup.py": 'PPDET_VERSION = "2.4.0"\n', "ppdet/__init__.py": "", "paddle/__init__.py": "__version__ = '9.9.9'\n" });
    addDist(root, "paddlepaddle", "9.9.9");
    const venv = makeVenv();
    const env = await detectEnvironment({ root, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PYTHONPATH: root }) });
    expect(env.paddle).toBeNull();
  });

  it("the markers would be written if the code did run (the test can fail)", async () => {
    const markers = tempDir("pfgf-markers-");
    const script = path.join(tempDir(), "setup.py");
    writeFileSync(script, writesMarker(markers, "setup.py"));
    const venv = makeVenv();
    const { execFileSync } = await import("node:child_process");
    execFileSync(venv.python, [script]);
    expect(existsSync(path.join(markers, "setup.py"))).toBe(true);
  });
});
