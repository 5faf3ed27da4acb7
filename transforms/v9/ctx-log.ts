// L9-01: ctx.log is deprecated since mitmproxy 9 (it warns invisibly and forwards to the root
// logger); the standard logging module is the replacement.
import { defineTransform } from "../../src/transform.js";
import { migrateCtxLog } from "../shared/ctx-log.js";

export default defineTransform({
  id: "v9/ctx-log",
  catalog: ["L9-01"],
  title: "ctx.log.info(x) / ctx.log(x, level) → logging.info(x) …",
  safety: "safe",
  description:
    "mitmproxy 9 switched to the standard logging module; ctx.log still works but is deprecated and " +
    "its DeprecationWarning is hidden. Every call form (ctx.log.debug/info/warn/error/alert, ctx.log(x), " +
    "ctx.log(x, \"warn\"), mitmproxy.ctx.log…, aliases such as `log = ctx.log`) becomes the matching " +
    "logging call; alert becomes logging.log(ALERT, x) with ALERT from mitmproxy.log. `import logging` is " +
    "added and the ctx import is removed when nothing else uses it. Calls with more than one message " +
    "argument, a level that is not a string literal, or ctx.log passed around as a value are reported.",
  needs: ["log"],
  run(file) {
    migrateCtxLog(file, { id: "L9-01" });
  },
});
