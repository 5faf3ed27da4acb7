// DEP12-10: the add_log event (deprecated since mitmproxy 9) still fires at 12.2.3, with a load-time warning.
import { defineTransform } from "../../src/transform.js";

export default defineTransform({
  id: "v12/add-log-hook",
  catalog: ["DEP12-10"],
  title: "def add_log(self, entry) (deprecated since mitmproxy 9; reported)",
  safety: "safe",
  description:
    "The add_log hook is deprecated since mitmproxy 9: it still fires at 12.2.3 through a compatibility log " +
    "handler and mitmproxy warns when the addon loads, but entry.msg now carries a timestamp prefix " +
    "(MIGRATIONS.md §4.A, §9). Step 9 (L9-02) converts it for users coming from 8 or older; here an add_log hook " +
    "is reported for users who start at 9, 10 or 11. The replacement, a logging.Handler installed in load(), is " +
    "a design decision, so nothing is rewritten.",
  needs: ["add_log"],
  run(file) {
    for (const hook of file.addons.hooksNamed("add_log")) {
      file.report(
        hook.def.childForFieldName("name")!,
        "DEP12-10",
        "the add_log event is deprecated since mitmproxy 9 (and entry.msg now carries a timestamp prefix); register a " +
          "logging.Handler instead (logging.getLogger().addHandler(h) in load(), removeHandler in done())",
        { restates: ["L9-02"] },
      );
    }
  },
});
