// The removals of mitmproxy 9 that MIGRATIONS.md lists without a row id (§4.D, and the
// LogTierOrder note of §4.A). Findings carry the section as their id ("4.D", "4.A").
import { defineTransform } from "../../src/transform.js";
import { reportRemoved } from "../shared/removed-names.js";

export default defineTransform({
  id: "v9/removed-apis",
  catalog: [],
  title: "report exceptions.TypeError, coretypes.basethread, get_tcp_content_view, msgpack.pretty, log.LogTierOrder",
  safety: "safe",
  description:
    "mitmproxy 9 removed mitmproxy.exceptions.TypeError, the mitmproxy.coretypes.basethread module, " +
    "contentviews.get_tcp_content_view, contentviews.msgpack.pretty and mitmproxy.log.LogTierOrder. They have no " +
    "row id in MIGRATIONS.md (§4.D and §4.A list them), so findings name the section. Each import or use is " +
    "reported with its replacement.",
  needs: ["TypeError", "basethread", "get_tcp_content_view", "pretty", "LogTierOrder"],
  run(file) {
    const message = (what: string, instead: string) => `${what} was removed in mitmproxy 9; ${instead}.`;
    reportRemoved(
      file,
      "4.D",
      {
        modules: { "mitmproxy.coretypes.basethread": "use threading.Thread (daemon=True) directly" },
        members: {
          "mitmproxy.exceptions.TypeError": "catch the builtin TypeError (or mitmproxy.exceptions.OptionsError for option values)",
          "mitmproxy.contentviews.get_tcp_content_view": "use contentviews.get_message_content_view(viewname, message, flow)",
          "mitmproxy.contentviews.msgpack.pretty": "use contentviews.msgpack.format_msgpack(data), which returns view lines",
        },
      },
      message,
    );
    reportRemoved(
      file,
      "4.A",
      { members: { "mitmproxy.log.LogTierOrder": "use mitmproxy.log.LogLevels, or log_tier(level) to compare levels" } },
      message,
    );
  },
});
