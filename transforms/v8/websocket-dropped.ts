// W8-01 (and W7-13, filed under 6 → 7 but broken in 8.0): WebSocketMessage's `killed`
// constructor argument became `dropped` in mitmproxy 8.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";

const CLASS = "mitmproxy.websocket.WebSocketMessage";

export default defineTransform({
  id: "v8/websocket-dropped",
  catalog: ["W8-01", "W7-13"],
  title: "WebSocketMessage(…, killed=x) → WebSocketMessage(…, dropped=x)",
  safety: "safe",
  description:
    "mitmproxy 8 renamed WebSocketMessage's constructor argument `killed` to `dropped` (the attribute was " +
    "already `dropped` in 7) and added `injected`. The keyword is renamed in calls that resolve to " +
    "mitmproxy.websocket.WebSocketMessage; positional arguments did not move.",
  needs: ["killed"],
  run(file) {
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== CLASS) continue;
      const kw = argumentsOf(call).keywords.get("killed");
      if (kw) file.replace(kw.childForFieldName("name")!, "dropped");
    }
  },
});
