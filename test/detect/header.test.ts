import { describe, expect, it } from "vitest";
import { computeVerdict, formatEnvironmentHeader, normalizePaddleVersion } from "../../src/detect/index.js";
import type { Environment, PaddleInfo, ToolkitInfo } from "../../src/model.js";
import { DEVELOP_LABEL } from "../../src/detect/toolkit.js";

function paddle(raw: string, extra: Partial<PaddleInfo> = {}): PaddleInfo {
  const n = normalizePaddleVersion(raw)!;
  return { version: n.version, raw, distribution: "paddlepaddle-gpu", python: "/opt/venv/bin/python", source: "importlib", develop: n.develop, others: [], ...extra };
}

const develop: ToolkitInfo = { version: null, raw: "0.0.0", source: "setup.py PPDET_VERSION", kind: "paddledetection", label: `${DEVELOP_LABEL} (setup.py says 0.0.0)` };

function env(p: PaddleInfo | null, d: ToolkitInfo | null, warnings: string[] = []): Environment {
  return { paddle: p, paddledetection: d, verdict: computeVerdict(p), warnings, interpreter: null };
}

describe("verdict", () => {
  it.each([
    ["2.6.2", "affected", /WILL occur with Paddle 2\.6\.2/],
    ["3.0.0b2", "affected", /WILL occur with Paddle 3\.0\.0-beta\.2/],
    ["3.3.0.dev20251118", "affected", /WILL occur/],
    ["0.0.0", "affected", /WILL occur with Paddle develop/],
    ["2.5.2", "not-affected", /cannot occur with Paddle 2\.5\.2: 2\.5 accepts full_graph and ignores it/],
    ["2.4.2.post120", "not-affected", /cannot occur with Paddle 2\.4\.2 .*ready for an upgrade/],
  ])("%s -> %s", (raw, code, message) => {
    const v = computeVerdict(paddle(raw));
    expect(v.code).toBe(code);
    expect(v.message).toMatch(message);
    expect(v.message).not.toContain("\n");
  });

  it("is unknown without Paddle, and says the guard is safe everywhere", () => {
    const v = computeVerdict(null);
    expect(v.code).toBe("unknown");
    expect(v.message).toMatch(/safe with every release/);
  });
});

describe("formatEnvironmentHeader", () => {
  it("names Paddle, its distribution and interpreter, then PaddleDetection, then the verdict", () => {
    const lines = formatEnvironmentHeader(env(paddle("3.0.0"), develop));
    expect(lines[0]).toBe(`Paddle 3.0.0 (paddlepaddle-gpu, /opt/venv/bin/python) · PaddleDetection ${DEVELOP_LABEL} (setup.py says 0.0.0)`);
    expect(lines[1]).toMatch(/WILL occur/);
    expect(lines).toHaveLength(2);
  });

  it("shows the pip spelling when it differs, others, flag and known versions", () => {
    const two = paddle("3.0.0b2", { others: [{ distribution: "paddlepaddle", raw: "2.6.2", version: "2.6.2" }] });
    const d24: ToolkitInfo = { version: "2.4.0", raw: "2.4.0", source: "setup.py PPDET_VERSION", kind: "paddledetection", label: "2.4.0" };
    expect(formatEnvironmentHeader(env(two, d24))[0]).toBe(
      "Paddle 3.0.0-beta.2 (paddlepaddle-gpu 3.0.0b2, /opt/venv/bin/python, +1 more) · PaddleDetection 2.4.0 (setup.py PPDET_VERSION)",
    );
    const flag = { ...paddle("2.4.2"), distribution: null, python: null, source: "flag" as const };
    expect(formatEnvironmentHeader(env(flag, d24))[0]).toMatch(/^Paddle 2\.4\.2 \(--paddle-version 2\.4\.2\)/);
  });

  it("says plainly when no Paddle was found, and appends warnings", () => {
    const none: ToolkitInfo = { version: null, raw: null, source: "none", kind: "none", label: "not a PaddleDetection checkout" };
    const lines = formatEnvironmentHeader(env(null, none, ["something odd"]));
    expect(lines[0]).toBe("Paddle not found (no Python interpreter found) · not a PaddleDetection checkout (scanned anyway)");
    expect(lines[1]).toMatch(/unknown/);
    expect(lines[2]).toBe("warning: something odd");
  });
});
