// The removals of mitmproxy 9 that MIGRATIONS.md lists without a row id (§4.D, and the
// LogTierOrder note of §4.A); mitm-codemod names them REM9-01..05 (transforms/catalog.ts).
import { defineTransform } from "../../src/transform.js";
import { reportRemoved } from "../shared/removed-names.js";

export default defineTransform({
  id: "v9/removed-apis",
  catalog: ["REM9-01", "REM9-02", "REM9-03", "REM9-04", "REM9-05"],
  title: "report exceptions.TypeError, coretypes.basethread, get_tcp_content_view, msgpack.pretty, log.LogTierOrder",
  safety: "safe",
  description:
    "mitmproxy 9 removed mitmproxy.exceptions.TypeError, the mitmproxy.coretypes.basethread module, " +
    "contentviews.get_tcp_content_view, contentviews.msgpack.pretty and mitmproxy.log.LogTierOrder. They have no " +
    "row id in MIGRATIONS.md (§4.D and §4.A list them); mitm-codemod names them REM9-01..05. Each import or " +
    "use is reported with its replacement.",
  needs: ["exceptions", "basethread", "get_tcp_content_view", "msgpack", "LogTierOrder"],
  run(file) {
    const message = (what: string, instead: string) => `${what} was removed in mitmproxy 9; ${instead}.`;
    reportRemoved(file, "REM9-01", { members: { "mitmproxy.exceptions.TypeError": "catch the builtin TypeError (or mitmproxy.exceptions.OptionsError for option values)" } }, message);
    reportRemoved(file, "REM9-02", { modules: { "mitmproxy.coretypes.basethread": "use threading.Thread (daemon=True) directly" } }, message);
    reportRemoved(file, "REM9-03", { members: { "mitmproxy.contentviews.get_tcp_content_view": "use contentviews.get_message_content_view(viewname, message, flow)" } }, message, { restates: ["V7-04"] });
    reportRemoved(file, "REM9-04", { members: { "mitmproxy.contentviews.msgpack.pretty": "use contentviews.msgpack.format_msgpack(data), which returns view lines" } }, message);
    reportRemoved(file, "REM9-05", { members: { "mitmproxy.log.LogTierOrder": "use mitmproxy.log.LogLevels, or log_tier(level) to compare levels" } }, message);
  },
});
