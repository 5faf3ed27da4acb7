// H7-09: in mitmproxy 6 a failed TCP flow got tcp_error and then tcp_end; since mitmproxy 7
// it gets exactly one of them.
import { nameOf } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";

const MESSAGE =
  "since mitmproxy 7 a TCP flow gets either tcp_error or tcp_end, not both; cleanup done only in tcp_end will not run on errors.";

export default defineTransform({
  id: "v7/tcp-error-end",
  catalog: ["H7-09"],
  title: "tcp_error / tcp_end are mutually exclusive: reported where an addon defines only one",
  safety: "safe",
  description:
    "mitmproxy 6 called tcp_end after tcp_error on a failed TCP flow; mitmproxy 7 calls exactly one of them. An addon " +
    "class (or script) that defines only one of the two is reported: cleanup in tcp_end alone no longer runs for " +
    "failed flows, and tcp_error is no longer followed by tcp_end.",
  needs: ["tcp_error", "tcp_end"],
  run(file) {
    const hooks = file.addons.hooksNamed("tcp_error", "tcp_end");
    for (const hook of hooks) {
      const other = hook.name === "tcp_end" ? "tcp_error" : "tcp_end";
      if (hooks.some((h) => h.name === other && h.owner?.id === hook.owner?.id)) continue;
      const where = hook.owner ? `The class ${nameOf(hook.owner)}` : "This script";
      const hint =
        hook.name === "tcp_end"
          ? `${where} defines tcp_end but no tcp_error: move the cleanup into a helper and call it from a new tcp_error hook too.`
          : `${where} defines tcp_error but no tcp_end: tcp_end is no longer called after tcp_error, check that nothing relied on that order.`;
      file.report(hook.def.childForFieldName("name")!, "H7-09", `${MESSAGE} ${hint}`);
    }
  },
});
