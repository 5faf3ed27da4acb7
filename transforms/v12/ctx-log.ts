// DEP12-09: ctx.log (deprecated since mitmproxy 9, hidden warning) still works at 12.2.3. Step 9
// rewrites it for users coming from 8 or older; this repeats the same rewrite for users who start
// at 9, 10 or 11 (on a chained run it finds nothing left to do).
import { defineTransform } from "../../src/transform.js";
import { migrateCtxLog } from "../shared/ctx-log.js";

export default defineTransform({
  id: "v12/ctx-log",
  catalog: ["DEP12-09"],
  title: "ctx.log.info(x) / ctx.log(x, level) → logging.info(x) … (for scripts that start at 9+)",
  safety: "safe",
  description:
    "ctx.log is deprecated since mitmproxy 9 and still works at 12.2.3 with a hidden DeprecationWarning " +
    "(MIGRATIONS.md §9). Step 9 rewrites it (L9-01), but a user who starts at 9, 10 or 11 never runs step 9, so " +
    "this applies the same rewrite (the same code as v9/ctx-log): every ctx.log call form becomes the matching " +
    "logging call, ALERT comes from mitmproxy.log, `import logging` is added and an unused ctx import removed; " +
    "the forms it cannot rewrite are reported as DEP12-09 (dropped when step 9 already reported L9-01 there).",
  needs: ["log"],
  run(file) {
    migrateCtxLog(file, { id: "DEP12-09", restates: ["L9-01"] });
  },
});
