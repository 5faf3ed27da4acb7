// E11-03: since mitmproxy 11.0 Connection.tls_version is "QUICv1" for QUIC (it was "QUIC").
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { stringValue } from "../../src/syntax.js";
import { parentSkippingParens } from "../../src/nodes.js";

export default defineTransform({
  id: "v11/quic-version",
  catalog: ["E11-03"],
  title: "report comparisons with \"QUIC\" (tls_version is \"QUICv1\" since 11.0)",
  safety: "safe",
  description:
    "mitmproxy 11.0 reports Connection.tls_version as \"QUICv1\" instead of \"QUIC\" for QUIC connections, so a " +
    "comparison with the literal \"QUIC\" (directly, or as a member of a tuple, list or set compared against) " +
    "never matches any more. Such comparisons are reported.",
  needs: ["QUIC"],
  run(file) {
    for (const s of file.nodes("string")) {
      if (stringValue(s) !== "QUIC") continue;
      const cmp = comparisonOf(s);
      if (!cmp) continue;
      file.report(
        s,
        "E11-03",
        "Connection.tls_version is \"QUICv1\" instead of \"QUIC\" for QUIC since mitmproxy 11.0, so this comparison no longer " +
          "matches. Compare with \"QUICv1\" (or test .startswith(\"QUIC\") to cover both).",
      );
    }
  },
});

/** The comparison that `s` is an operand of, directly or inside a tuple/list/set operand. */
function comparisonOf(s: Node): Node | null {
  let { parent } = parentSkippingParens(s);
  if (parent && ["tuple", "list", "set"].includes(parent.type)) parent = parentSkippingParens(parent).parent;
  return parent?.type === "comparison_operator" ? parent : null;
}
