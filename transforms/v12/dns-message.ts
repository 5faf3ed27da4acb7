// D12-01: mitmproxy.dns.Message was renamed DNSMessage in mitmproxy 12, with no alias left behind.
import { defineTransform } from "../../src/transform.js";
import { applyMoves } from "../../src/moves.js";

export default defineTransform({
  id: "v12/dns-message",
  catalog: ["D12-01"],
  title: "mitmproxy.dns.Message → mitmproxy.dns.DNSMessage",
  safety: "safe",
  description:
    "mitmproxy 12 renamed mitmproxy.dns.Message to DNSMessage (same members; only timestamp became " +
    "optional) and kept no alias, so `dns.Message` fails with AttributeError and `from mitmproxy.dns " +
    "import Message` fails at import. Imports of every form, attribute references such as " +
    "`dns.Message.unpack(...)` and annotations are rewritten; a star import from mitmproxy.dns whose " +
    "Message the file uses is reported.",
  needs: ["dns"],
  run(file) {
    const { wildcards } = applyMoves(file, [{ from: "mitmproxy.dns.Message", to: "mitmproxy.dns.DNSMessage" }]);
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "D12-01",
        "mitmproxy.dns.Message was renamed DNSMessage in mitmproxy 12 (no alias); this star import no longer provides Message: import DNSMessage from mitmproxy.dns by name",
      );
    }
  },
});
