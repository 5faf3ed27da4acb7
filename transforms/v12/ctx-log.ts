// DEP12-09: ctx.log (deprecated since mitmproxy 9, hidden warning) still works at 12.2.3. Step 9
// rewrites it for users coming from 8 or older; this runs the very same transform again for users
// who start at 9, 10 or 11 (on a chained run it finds nothing left to do) and files what it cannot
// rewrite under this step's id.
import { defineTransform } from "../../src/transform.js";
import step9CtxLog from "../v9/ctx-log.js";

export default defineTransform({
  id: "v12/ctx-log",
  catalog: ["DEP12-09"],
  title: "ctx.log.info(x) / ctx.log(x, level) → logging.info(x) … (for scripts that start at 9+)",
  safety: "safe",
  description:
    "ctx.log is deprecated since mitmproxy 9 and still works at 12.2.3 with a hidden DeprecationWarning " +
    "(MIGRATIONS.md §9). Step 9 rewrites it (L9-01), but a user who starts at 9, 10 or 11 never runs step 9, so " +
    "this applies the same rewrite by running v9/ctx-log's code: every ctx.log call form becomes the matching " +
    "logging call, ALERT comes from mitmproxy.log, `import logging` is added and an unused ctx import removed. " +
    "What it cannot rewrite is reported as DEP12-09 with the L9-01 wording (and dropped where step 9 already " +
    "reported L9-01 in the same run).",
  needs: step9CtxLog.needs,
  run(file) {
    const before = file.findings.length;
    step9CtxLog.run(file);
    for (const f of file.findings.slice(before)) {
      if (f.id !== "L9-01") continue;
      f.id = "DEP12-09";
      f.restates = ["L9-01"];
    }
  },
});
