// O9-01: the `mode` option is a list of mode specs since mitmproxy 9 (["regular"] by default;
// several modes can run at once). String operations on it break or silently change meaning.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { attributeName, callOf, argumentsOf, stringValue, isAssignmentTarget } from "../../src/syntax.js";
import { comparisonParts, mentions, parentSkippingParens } from "../../src/nodes.js";
import { optionUpdateKeywords, optionUses } from "../shared/options.js";

const MESSAGE = "the mode option is a list of mode specs since mitmproxy 9.";
const HINT = "Test membership (\"regular\" in ctx.options.mode) or, per flow, flow.client_conn.proxy_mode (mitmproxy ≥9).";

/** A whole mode spec (not a fragment of one): comparing it for equality means "this mode runs". */
function isWholeSpec(s: string): boolean {
  return /^(regular|transparent|socks5|dns|wireguard|local|tun)(@\d+)?$/.test(s) || /^(upstream|reverse):\S+$/.test(s);
}

export default defineTransform({
  id: "v9/mode-option",
  catalog: ["O9-01"],
  title: "ctx.options.mode == \"x\" → \"x\" in ctx.options.mode; .startswith(p) → any(…); = \"x\" → = [\"x\"]",
  safety: "safe",
  description:
    "mitmproxy 9 made the mode option a list of mode specs (default [\"regular\"]): ctx.options.mode == " +
    "\"regular\" is silently False and .startswith() raises AttributeError. Comparisons with a whole mode spec " +
    "become membership tests, .startswith(p) becomes any(m.startswith(p) for m in ctx.options.mode), and " +
    "assigning (or updating to) a string literal wraps it in a list. Substring tests with a fragment " +
    "(\"upstream\" in ctx.options.mode) and every other use are reported.",
  needs: ["mode"],
  run(file) {
    for (const { node } of optionUses(file, ["mode"])) check(file, node);
    for (const kw of optionUpdateKeywords(file, ["mode"])) {
      if (kw.value.type === "list") continue;
      if (stringValue(kw.value) !== null) file.replace(kw.value, `[${kw.value.text}]`);
      else file.report(kw.node, "O9-01", `${MESSAGE} Pass a list of mode specs here.`);
    }
  },
});

function check(file: SourceFile, use: Node): void {
  const report = (node: Node, why: string) => file.report(node, "O9-01", `${MESSAGE} ${why}`);
  const { parent, child } = parentSkippingParens(use);
  // ctx.options.mode = "…"
  if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === child.id) {
    const right = parent.childForFieldName("right")!;
    if (right.type === "list") return;
    if (stringValue(right) !== null) file.replace(right, `[${right.text}]`);
    else report(use, "Assign a list of mode specs.");
    return;
  }
  if (isAssignmentTarget(use)) return report(use, "Assign a list of mode specs.");
  // for m in ctx.options.mode / any(… for m in ctx.options.mode): iterating the list is the new way.
  if ((parent?.type === "for_in_clause" || parent?.type === "for_statement") && parent.childForFieldName("right")?.id === child.id) return;
  // `if ctx.options.mode:` — a non-empty string then, a non-empty list now.
  if (parent?.type === "not_operator") return;
  if ((parent?.type === "if_statement" || parent?.type === "while_statement") && parent.childForFieldName("condition")?.id === child.id) return;
  if (parent?.type === "comparison_operator") {
    const parts = comparisonParts(parent)!;
    if (parts.operands.length === 2) {
      const [a, b] = parts.operands;
      const op = parts.operators[0];
      const other = a.id === child.id ? b : a;
      const lit = stringValue(other);
      if ((op === "==" || op === "!=") && lit !== null) {
        if (!isWholeSpec(lit)) return report(parent, `"${lit}" is not a whole mode spec. ${HINT}`);
        file.replace(parent, `${other.text} ${op === "==" ? "in" : "not in"} ${use.text}`);
        return;
      }
      if ((op === "in" || op === "not in") && b.id === child.id && lit !== null) {
        if (isWholeSpec(lit)) return; // membership of a whole spec: what the == rewrite produces
        return report(parent, `This was a substring test on a string; "${lit}" is not a whole mode spec, so it is never in the list. ${HINT}`);
      }
    }
    return report(parent, HINT);
  }
  // ctx.options.mode.startswith(p)
  const member = parent?.type === "attribute" && parent.childForFieldName("object")?.id === child.id ? attributeName(parent) : null;
  const call = member ? callOf(parent!) : null;
  if (member === "startswith" && call) {
    const args = argumentsOf(call);
    if (args.positional.length === 1 && args.keywords.size === 0 && !args.splat) {
      const p = args.positional[0];
      const v = ["m", "spec", "mode_spec"].find((n) => !mentions(p, n));
      if (v) {
        file.replace(call, `any(${v}.startswith(${p.text}) for ${v} in ${use.text})`);
        return;
      }
    }
  }
  report(member ? parent! : use, HINT);
}
