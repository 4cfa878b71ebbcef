import { describe, expect, it } from "vitest";
import { normalizePaddleVersion, supportsFullGraphKeyword } from "../../src/detect/index.js";
import { convertsWithSot, coreVersion } from "../../src/detect/versions.js";
import type { PaddleInfo } from "../../src/model.js";

function info(raw: string): PaddleInfo {
  const n = normalizePaddleVersion(raw);
  if (!n) throw new Error(`not a version: ${raw}`);
  return { version: n.version, raw, distribution: "paddlepaddle", python: "/x/python", source: "importlib", develop: n.develop, others: [] };
}

describe("normalizePaddleVersion", () => {
  it.each([
    ["2.6.2", "2.6.2", false],
    ["0.0.0", "0.0.0", true],
    ["3.0.0b2", "3.0.0-beta.2", false],
    ["3.0.0-beta2", "3.0.0-beta.2", false],
    ["3.0.0-beta.2", "3.0.0-beta.2", false],
    ["3.0.0rc1", "3.0.0-rc.1", false],
    ["3.0.0a0", "3.0.0-alpha.0", false],
    ["2.5.0rc0", "2.5.0-rc.0", false],
    ["3.3.0.dev20251118", "3.3.0-dev.20251118", false],
    ["3.0.0b2.dev3", "3.0.0-beta.2.dev.3", false],
    ["2.4.2.post120", "2.4.2", false],
    ["2.4.2.post117+cu117", "2.4.2", false],
    ["2.6.1+cu118", "2.6.1", false],
    ["2.6", "2.6.0", false],
    ["v2.5.1", "2.5.1", false],
    ["  2.3.2\n", "2.3.2", false],
    ["1!2.6.0", "2.6.0", false],
    ["0.0.0.dev0", "0.0.0-dev.0", true],
    ["develop", "0.0.0", true],
  ])("%s -> %s", (raw, version, develop) => {
    expect(normalizePaddleVersion(raw)).toEqual({ version, develop });
  });

  it("spells 3.0.0b2 and 3.0.0-beta2 the same way", () => {
    expect(normalizePaddleVersion("3.0.0b2")).toEqual(normalizePaddleVersion("3.0.0-beta2"));
  });

  it.each(["", "   ", "unknown", "abc.def"])("%j is no version", (raw) => {
    expect(normalizePaddleVersion(raw)).toBeNull();
  });

  it("coerces a version out of surrounding text as a last resort", () => {
    expect(normalizePaddleVersion("paddle 2.6.2 (gpu)")?.version).toBe("2.6.2");
  });
});

describe("supportsFullGraphKeyword", () => {
  it.each([
    ["2.2.2", false],
    ["2.3.2", false],
    ["2.4.2", false],
    ["2.4.2.post120", false],
    ["2.5.0rc0", true],
    ["2.5.2", true],
    ["2.6.0", true],
    ["2.6.2", true],
    ["3.0.0b2", true],
    ["3.0.0-beta2", true],
    ["3.3.0.dev20251118", true],
    ["0.0.0", true],
    ["1.8.5", false],
  ])("%s -> %s", (raw, expected) => {
    expect(supportsFullGraphKeyword(info(raw))).toBe(expected);
  });

  it("is null when Paddle is unknown", () => {
    expect(supportsFullGraphKeyword(null)).toBeNull();
  });

  it("treats develop as newest even when the version field says 0.0.0", () => {
    const p = info("0.0.0");
    expect(p.develop).toBe(true);
    expect(supportsFullGraphKeyword(p)).toBe(true);
    expect(convertsWithSot(p)).toBe(true);
  });
});

describe("convertsWithSot", () => {
  it.each([
    ["2.4.2", false],
    ["2.5.0rc0", false],
    ["2.5.2", false],
    ["2.6.0rc0", true],
    ["2.6.2", true],
    ["3.0.0b2", true],
    ["3.3.0.dev20251118", true],
  ])("%s -> %s", (raw, expected) => {
    expect(convertsWithSot(info(raw))).toBe(expected);
  });
});

describe("coreVersion", () => {
  it("drops pre-release parts", () => {
    expect(coreVersion("3.3.0-dev.20251118")).toBe("3.3.0");
    expect(coreVersion("2.6.2")).toBe("2.6.2");
  });
});
