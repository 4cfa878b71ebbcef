// What a site already passes: the patch's keyword, the guard, or **kwargs.
import type { SiteCode } from "../model.js";
import type { SyntaxNode } from "./parser.js";
import type { CallSite } from "./sites.js";

export type ArgumentState =
  | { kind: "open" }
  | { kind: "already-fixed" | "needs-review"; code: SiteCode; reason: string; bareKeyword?: SyntaxNode; chosenValue?: SyntaxNode };

export function argumentState(site: CallSite, keyword: string, value: string, guardFunction: string): ArgumentState {
  if (!site.args) return { kind: "open" };
  if (site.args.type === "generator_expression") {
    return { kind: "needs-review", code: "needs-review/generator-argument", reason: "its only argument is a bare generator expression" };
  }
  let splat: string | null = null;
  for (const arg of site.args.namedChildren) {
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      const val = arg.childForFieldName("value")?.text ?? "";
      if (name === keyword) {
        return val === value
          ? {
              kind: "already-fixed",
              code: "already-fixed/upstream-unguarded",
              reason: `already passes ${keyword}=${value} (unguarded: Paddle 2.3/2.4 reject it with TypeError)`,
              bareKeyword: arg,
            }
          : { kind: "needs-review", code: "needs-review/full-graph-value", reason: `passes ${keyword}=${val} explicitly`, chosenValue: arg.childForFieldName("value") ?? undefined };
      }
    } else if (arg.type === "dictionary_splat") {
      // `**(guard())` is the form a guarded bare keyword takes (call-site.ts).
      let inner = arg.namedChildren[0];
      if (inner?.type === "parenthesized_expression" && inner.namedChildCount === 1) inner = inner.namedChildren[0];
      const fn = inner?.type === "call" ? inner.childForFieldName("function")?.text : null;
      if (fn === guardFunction) {
        return { kind: "already-fixed", code: "already-fixed/guard", reason: `already passes ${keyword} through the paddle-fullgraph-fix guard` };
      }
      splat = arg.text;
    }
  }
  if (splat) return { kind: "needs-review", code: "needs-review/forwards-kwargs", reason: `forwards ${splat}, which may already carry ${keyword}` };
  return { kind: "open" };
}
