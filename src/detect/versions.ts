/**
 * Version strings as Paddle and pip spell them, turned into semver.
 *
 * pip metadata follows PEP 440 (`3.0.0b2`, `2.5.0rc0`, `3.3.0.dev20251118`,
 * `2.4.2.post120`, `2.6.2+cu118`); `paddle.__version__` and users spell
 * pre-releases the semver way (`3.0.0-beta2`, `3.0.0-beta.2`). Both map to the
 * same semver string. `0.0.0` is what develop/untagged builds report: the
 * NEWEST code, not the oldest, so it is flagged as `develop`.
 */
// The three functions it needs, not the whole package (whose index loads
// every module: a third of the tool's start-up).
import coerce from "semver/functions/coerce.js";
import parse from "semver/functions/parse.js";
import valid from "semver/functions/valid.js";

const semver = { coerce, parse, valid };
import type { PaddleInfo } from "../model.js";

export interface NormalizedVersion {
  version: string;
  develop: boolean;
}

// PEP 440 public version with optional local part, lenient about separators.
const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

const PRE_NAMES: Record<string, string> = {
  a: "alpha",
  alpha: "alpha",
  b: "beta",
  beta: "beta",
  c: "rc",
  rc: "rc",
  pre: "rc",
  preview: "rc",
};

function fromParts(release: string, pre: string[]): string | null {
  const nums = release.split(".").map((n) => Number.parseInt(n, 10));
  while (nums.length < 3) nums.push(0);
  const core = nums.slice(0, 3).join(".");
  const text = pre.length > 0 ? `${core}-${pre.join(".")}` : core;
  return semver.valid(text);
}

function result(version: string): NormalizedVersion {
  const v = semver.parse(version);
  const develop = v !== null && v.major === 0 && v.minor === 0 && v.patch === 0;
  return { version, develop };
}

/**
 * Normalise any Paddle/pip version string to semver. Returns null for text
 * that holds no version at all. Post-releases (`.post120`) and local parts
 * (`+cu118`) are dropped: they do not change which API the release has.
 */
export function normalizePaddleVersion(raw: string): NormalizedVersion | null {
  const text = raw.trim();
  if (text === "") return null;
  if (/^(develop|dev|nightly)$/i.test(text)) return { version: "0.0.0", develop: true };

  const m = PEP440.exec(text);
  if (m) {
    const [, , release, preName, preNum, , , devTag, devNum] = m;
    const pre: string[] = [];
    if (preName) pre.push(PRE_NAMES[preName.toLowerCase()] ?? preName.toLowerCase(), preNum ?? "0");
    if (devTag) {
      pre.push("dev");
      if (devNum !== undefined) pre.push(devNum);
    }
    const v = fromParts(release!, pre);
    if (v) return result(v);
  }

  // Already semver with a pre-release we did not spell above ("3.0.0-foo.1").
  const exact = semver.valid(text);
  if (exact) return result(semver.parse(exact)!.format());

  const coerced = semver.coerce(text);
  return coerced ? result(coerced.version) : null;
}

/**
 * Whether `paddle.jit.to_static` of this release accepts a `full_graph`
 * keyword: 2.5 and later (2.5 takes **kwargs and ignores it), develop builds,
 * pre-releases and nightlies of those. False for 2.4 and older (TypeError).
 * Null when the release is unknown.
 */
export function supportsFullGraphKeyword(p: PaddleInfo | null): boolean | null {
  if (p === null) return null;
  if (p.develop) return true;
  const v = semver.parse(p.version) ?? semver.coerce(p.version);
  if (v === null) return null;
  return v.major > 2 || (v.major === 2 && v.minor >= 5);
}

/** Whether this release converts with SOT by default, i.e. the export error occurs (2.6+, develop). */
export function convertsWithSot(p: PaddleInfo): boolean | null {
  if (p.develop) return true;
  const v = semver.parse(p.version) ?? semver.coerce(p.version);
  if (v === null) return null;
  return v.major > 2 || (v.major === 2 && v.minor >= 6);
}

/** "major.minor.patch" of a normalised version, to compare e.g. a nightly's pip version with what its version module says. */
export function coreVersion(version: string): string | null {
  const v = semver.parse(version) ?? semver.coerce(version);
  return v ? `${v.major}.${v.minor}.${v.patch}` : null;
}
