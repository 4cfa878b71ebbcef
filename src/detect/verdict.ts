/**
 * The one-line verdict (does the export error occur with this Paddle?) and
 * the header lines of the human report.
 */
import { toolkitName } from "./layout.js";
import { convertsWithSot, supportsFullGraphKeyword } from "./versions.js";
import type { Environment, InterpreterInfo, PaddleInfo, ToolkitInfo, Verdict } from "../model.js";

function paddleName(p: PaddleInfo): string {
  return p.develop ? "develop (0.0.0)" : p.version;
}

export function computeVerdict(paddle: PaddleInfo | null): Verdict {
  if (paddle === null) {
    return {
      code: "unknown",
      message:
        "No Paddle found, so whether the export error occurs here is unknown (it does with Paddle 2.6 and newer); the guarded fix is safe with every release.",
    };
  }
  const sot = convertsWithSot(paddle);
  if (sot === null) {
    return {
      code: "unknown",
      message: `Paddle ${paddle.raw} is not a version this tool can compare; the guarded fix is safe with every release.`,
    };
  }
  const name = paddleName(paddle);
  if (sot) {
    const why = paddle.develop
      ? "develop builds are newer than every release"
      : "since 2.6, to_static converts with SOT unless full_graph=True is passed";
    return {
      code: "affected",
      message: `The export error ("Can't call main_program when full_graph=False") WILL occur with Paddle ${name}: ${why}. The fix passes full_graph=True.`,
    };
  }
  if (supportsFullGraphKeyword(paddle)) {
    return {
      code: "not-affected",
      message: `The export error cannot occur with Paddle ${name}: 2.5 accepts full_graph and ignores it (conversion is whole-graph anyway). The fix keeps this checkout ready for an upgrade to 2.6 or newer.`,
    };
  }
  return {
    code: "not-affected",
    message: `The export error cannot occur with Paddle ${name} (no SOT before 2.6; this release even rejects full_graph, which is why the fix is guarded). The fix keeps this checkout ready for an upgrade to 2.6 or newer.`,
  };
}

function paddlePart(p: PaddleInfo | null, interpreter: InterpreterInfo | null | undefined): string {
  if (p === null) {
    if (interpreter) return `Paddle not found (no paddlepaddle distribution for ${interpreter.path})`;
    return "Paddle not found (no Python interpreter found)";
  }
  if (p.source === "flag") return `Paddle ${paddleName(p)} (--paddle-version ${p.raw})`;
  if (p.source === "checkout" && p.pin) {
    const how = p.pin.bound === "exact" ? "pinned by" : "the lower bound of";
    const none = interpreter ? `none installed for ${interpreter.path}` : "no Python interpreter found";
    return `Paddle ${paddleName(p)} (${how} ${p.pin.file}: ${p.pin.requirement}; ${none})`;
  }
  const dist = p.raw === p.version ? p.distribution : `${p.distribution} ${p.raw}`;
  const more = p.others.length > 0 ? `, +${p.others.length} more` : "";
  return `Paddle ${paddleName(p)} (${dist}, ${p.python}${more})`;
}

function detectionPart(d: ToolkitInfo | null): string {
  if (d === null) return "PaddleDetection unknown";
  if (d.kind === "none") return "not a PaddleDetection checkout (scanned anyway)";
  if (d.kind === "rtdetr") return d.label;
  const name = d.toolkit ?? toolkitName(d.kind) ?? "PaddleDetection";
  if (d.derivedFrom) {
    const kept = d.raw !== null ? `; its ${d.source} says ${d.raw}, the ${d.derivedFrom} number it kept, not that release's code` : "";
    return `${name}, derived from ${d.derivedFrom}${kept}`;
  }
  if (d.version !== null) return `${name} ${d.label} (${d.source})`;
  return `${name} ${d.label}`;
}

/** Lines for the top of the human report: what was found, the verdict, then each warning as "warning: ...". */
export function formatEnvironmentHeader(e: Environment): string[] {
  return [
    `${paddlePart(e.paddle, e.interpreter)} · ${detectionPart(e.paddledetection)}`,
    e.verdict.message,
    ...e.warnings.map((w) => `warning: ${w}`),
  ];
}
