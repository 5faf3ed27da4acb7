// N10-04, N10-07, N10-11: modules and classes removed in mitmproxy 10.x.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, stringValue } from "../../src/syntax.js";
import { reportRemoved } from "../shared/removed-names.js";

export default defineTransform({
  id: "v9.1/removed-10",
  catalog: ["N10-04", "N10-07", "N10-11"],
  title: "report mitmproxy.stateobject, contentviews.hex.ViewHex / \"Hex\", mitmproxy.net.udp",
  safety: "safe",
  description:
    "mitmproxy 10.0 removed mitmproxy.stateobject (StateObject; classes use serializable.SerializableDataclass), " +
    "10.1.2 replaced contentviews.hex.ViewHex (\"Hex\") by ViewHexDump (\"Hex Dump\") and ViewHexStream (\"Raw Hex " +
    "Stream\"), so contentviews.get(\"Hex\") returns None, and 10.2.0 deleted mitmproxy.net.udp. Imports and uses " +
    "are reported.",
  needs: ["stateobject", "ViewHex", "Hex", "udp"],
  run(file) {
    const removed = (release: string) => (what: string, instead: string) => `${what} was removed in mitmproxy ${release}; ${instead}.`;
    reportRemoved(file, "N10-04", { modules: { "mitmproxy.stateobject": "use mitmproxy.coretypes.serializable.SerializableDataclass (or plain get_state/set_state methods)" } }, removed("10.0"));
    reportRemoved(
      file,
      "N10-07",
      { members: { "mitmproxy.contentviews.hex.ViewHex": "use ViewHexDump (\"Hex Dump\") or ViewHexStream (\"Raw Hex Stream\")" } },
      removed("10.1.2"),
    );
    reportRemoved(file, "N10-11", { modules: { "mitmproxy.net.udp": "use asyncio datagram endpoints or mitmproxy_rs" } }, removed("10.2.0"));
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== "mitmproxy.contentviews.get") continue;
      const name = stringValue(argumentsOf(call).positional[0] ?? null);
      if (name === "Hex") {
        file.report(call, "N10-07", "the \"Hex\" content view was removed in mitmproxy 10.1.2 (contentviews.get(\"Hex\") returns None); use \"Hex Dump\" or \"Raw Hex Stream\".");
      }
    }
  },
});
