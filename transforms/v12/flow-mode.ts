// DEP12-07: HTTPFlow.mode is deprecated and meaningless since mitmproxy 7 (always "regular").
import { defineTransform } from "../../src/transform.js";
import { parameterName } from "../../src/addons.js";
import { parameterAt, parameterUses } from "../../src/refactor.js";
import { attributeName, parentAttribute } from "../../src/syntax.js";

/** Hooks whose first argument is an HTTPFlow (mitmproxy 7–12). */
const HTTP_HOOKS = [
  "request", "requestheaders", "response", "responseheaders", "error", "http_connect", "http_connect_upstream",
  "http_connected", "http_connect_error", "websocket_start", "websocket_message", "websocket_end",
];

export default defineTransform({
  id: "v12/flow-mode",
  catalog: ["DEP12-07"],
  title: "flow.mode (always \"regular\" since mitmproxy 7; reported)",
  safety: "safe",
  description:
    "HTTPFlow.mode has been meaningless since mitmproxy 7 (live flows always say \"regular\") and is a deprecated " +
    "property with a hidden warning from 8.1 to 12.2.3 (MIGRATIONS.md §9, P7-02). Reads and writes of <flow>.mode, " +
    "where <flow> is the first parameter of an HTTP hook, are reported with the replacement " +
    "flow.client_conn.proxy_mode (mitmproxy ≥9); the code's intent decides how to use it, so nothing is rewritten.",
  needs: [/\.mode\b/],
  run(file) {
    for (const hook of file.addons.hooksNamed(...HTTP_HOOKS)) {
      const param = parameterAt(hook.def, 0, hook.owner !== null);
      const name = param && parameterName(param);
      if (!name) continue;
      const scope = file.scopes.scopeFor(hook.def);
      if ((scope?.bindings.get(name.text)?.length ?? 0) > 1) continue;
      for (const use of parameterUses(file, hook.def, name.text)) {
        const attr = parentAttribute(use);
        if (!attr || attributeName(attr) !== "mode") continue;
        file.report(
          attr,
          "DEP12-07",
          `flow.mode no longer reflects the proxy mode (always "regular" since mitmproxy 7, deprecated with a hidden warning); ` +
            `use ${name.text}.client_conn.proxy_mode (mitmproxy ≥9), e.g. ${name.text}.client_conn.proxy_mode.type_name == "transparent"`,
          { restates: ["P7-02", "F8-03"] },
        );
      }
    }
  },
});
