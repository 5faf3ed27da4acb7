// X8-01 (and X7-06, filed under 6 → 7 but broken in 8.0): Cert.notbefore / Cert.notafter are
// timezone-aware (UTC) datetimes since mitmproxy 8; comparing them with naive datetimes raises.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { attributeName } from "../../src/syntax.js";
import { parentSkippingParens } from "../../src/nodes.js";

const ARITHMETIC = new Set(["-", "+"]);

export default defineTransform({
  id: "v8/cert-dates",
  catalog: ["X8-01", "X7-06"],
  title: "report naive-datetime arithmetic and comparisons with cert.notbefore / cert.notafter",
  safety: "safe",
  description:
    "mitmproxy 8 made Cert.notbefore and Cert.notafter timezone-aware UTC datetimes (they were naive in 6 and " +
    "7). Comparing them with, or subtracting them from, a naive datetime such as datetime.now() raises " +
    "TypeError. The tool cannot see which datetimes are naive, so every comparison or +/- involving these " +
    "attributes is reported (MANUAL).",
  needs: ["notbefore", "notafter"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr);
      if (name !== "notbefore" && name !== "notafter") continue;
      const op = operatorUse(attr);
      if (!op) continue;
      file.report(
        attr,
        "X7-06",
        `Cert.${name} is a timezone-aware UTC datetime since mitmproxy 8; comparing it with or subtracting a naive ` +
          `datetime raises TypeError. Use datetime.now(timezone.utc) (not datetime.now() / datetime.utcnow()) on the other side.`,
      );
    }
  },
});

/** The comparison or +/- expression that `attr` is an operand of. */
function operatorUse(attr: Node): Node | null {
  const { parent } = parentSkippingParens(attr);
  if (parent?.type === "comparison_operator") return parent;
  if (parent?.type === "binary_operator" && ARITHMETIC.has(parent.childForFieldName("operator")?.type ?? "")) return parent;
  return null;
}
