/**
 * Which toolkit a folder is a checkout of (PaddleDetection, RT-DETR, PaddleOCR,
 * PaddleSeg, PaddleClas), told by the package folders it holds (ppdet/, ...).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { CheckoutKind, ToolkitInfo } from "../model.js";

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

export interface CheckoutLayout {
  kind: ToolkitInfo["kind"];
  /** Directory holding the toolkit's package (ppdet/, ppocr/, paddleseg/, ppcls/); null for "none". */
  base: string | null;
  /** Whether base has a setup.py. */
  hasSetup: boolean;
  /**
   * For a toolkit vendored inside another project (PaddleRS's
   * paddlers/models/ppdet, an installed paddleocr/ppocr): base relative to
   * the root, `/`-separated.
   */
  vendoredIn?: string;
}

type ToolkitKind = Exclude<CheckoutKind, "none">;

/** What marks each toolkit's tree, and the distribution it installs as. */
export const TOOLKITS: Readonly<Record<ToolkitKind, { name: string; pkg: string; dist: string }>> = {
  paddledetection: { name: "PaddleDetection", pkg: "ppdet", dist: "paddledet" },
  rtdetr: { name: "RT-DETR", pkg: "ppdet", dist: "paddledet" },
  paddleocr: { name: "PaddleOCR", pkg: "ppocr", dist: "paddleocr" },
  paddleseg: { name: "PaddleSeg", pkg: "paddleseg", dist: "paddleseg" },
  paddleclas: { name: "PaddleClas", pkg: "ppcls", dist: "paddleclas" },
};

/** Sibling toolkits, in the order a tree is tested for them (after ppdet/). */
const SIBLINGS: readonly ToolkitKind[] = ["paddleocr", "paddleseg", "paddleclas"];
const PACKAGES = new Set(Object.values(TOOLKITS).map((t) => t.pkg));

export function toolkitName(kind: CheckoutKind): string | null {
  return kind === "none" ? null : TOOLKITS[kind].name;
}

async function layoutOf(dir: string): Promise<CheckoutLayout | null> {
  if (await isDir(path.join(dir, "ppdet"))) {
    const hasSetup = await isFile(path.join(dir, "setup.py"));
    const looksRtdetr = /rt-?detr/i.test(path.basename(dir)) || (await isDir(path.join(dir, "configs", "rtdetr")));
    return { kind: !hasSetup && looksRtdetr ? "rtdetr" : "paddledetection", base: dir, hasSetup };
  }
  for (const kind of SIBLINGS) {
    if (await isDir(path.join(dir, TOOLKITS[kind].pkg))) {
      return { kind, base: dir, hasSetup: await isFile(path.join(dir, "setup.py")) };
    }
  }
  let names: string[] = [];
  try {
    names = (await fs.readdir(dir)).filter((n) => /^rt-?detr.*paddle/i.test(n)).sort();
  } catch {
    return null;
  }
  for (const n of names) {
    const child = path.join(dir, n);
    if (await isDir(path.join(child, "ppdet"))) {
      return { kind: "rtdetr", base: child, hasSetup: await isFile(path.join(child, "setup.py")) };
    }
  }
  return vendoredLayout(dir);
}

/** Where a project vendors a toolkit's package: `<child>/<pkg>` or `<child>/models/<pkg>`. */
const VENDOR_HOMES = ["", "models"];
const VENDOR_ORDER: readonly ToolkitKind[] = ["paddledetection", ...SIBLINGS];
/** Enough for any real checkout's top level; a huge folder is not searched further. */
const MAX_CHILDREN = 200;

/** A toolkit package one level down (or under `<child>/models/`), the first in VENDOR_ORDER. */
async function vendoredLayout(dir: string): Promise<CheckoutLayout | null> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const children = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules" && !PACKAGES.has(e.name))
    .map((e) => e.name)
    .sort()
    .slice(0, MAX_CHILDREN);
  for (const kind of VENDOR_ORDER) {
    for (const child of children) {
      for (const home of VENDOR_HOMES) {
        const base = path.join(dir, child, home);
        if (await isDir(path.join(base, TOOLKITS[kind].pkg))) {
          // A checkout of its own one level down (its setup.py beside the package) is not vendored.
          if (!home && (await isFile(path.join(base, "setup.py")))) return { kind, base, hasSetup: true };
          return { kind, base, hasSetup: false, vendoredIn: [child, home].filter(Boolean).join("/") };
        }
      }
    }
  }
  return null;
}

/**
 * The checkout's layout: PaddleDetection (ppdet/ at root), a standalone
 * RT-DETR tree vendoring ppdet (root/rtdetr_paddle/ppdet/, or root is such a
 * tree), PaddleOCR (ppocr/), PaddleSeg (paddleseg/), PaddleClas (ppcls/), or
 * none. A root inside a toolkit's package (e.g. ppdet/engine, ppocr/utils) is
 * taken to mean the checkout around it.
 */
export async function findCheckout(root: string): Promise<CheckoutLayout> {
  const abs = path.resolve(root);
  const direct = await layoutOf(abs);
  if (direct) return direct;
  const parts = abs.split(path.sep);
  for (let at = parts.length - 1; at > 0; at--) {
    if (!PACKAGES.has(parts[at]!)) continue;
    const around = await layoutOf(parts.slice(0, at).join(path.sep) || path.sep);
    if (around) return around;
  }
  return { kind: "none", base: null, hasSetup: false };
}
