// H7-06, H7-07, H7-10: hooks that mitmproxy 7 removed (websocket_handshake, websocket_error) or
// whose argument no longer has anything in common with mitmproxy 6 (next_layer). Nothing
// warns about them at run time, so each definition is reported.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { HookFunction } from "../../src/addons.js";
import { nameOf, parameterName } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";
import { contains } from "../../src/syntax.js";
import { hookParameter } from "../shared/connections.js";

const WEBSOCKET_HANDSHAKE =
  'the websocket_handshake hook was removed in mitmproxy 7 and will never be called. Handle the handshake in request(flow) (check flow.request.headers.get("upgrade","").lower() == "websocket") or in response(flow) (flow.websocket is set before response fires).';
const WEBSOCKET_ERROR =
  "websocket_error was removed in mitmproxy 7; websocket_end is now always called. Move error handling into websocket_end and check flow.websocket.close_code / flow.error.";
const NEXT_LAYER =
  "next_layer now receives a NextLayer object (set .layer); the mitmproxy 6 protocol layers (TlsLayer, RawTCPLayer, …) no longer exist. For TLS passthrough use tls_clienthello and data.ignore_connection (mitmproxy ≥8).";

export default defineTransform({
  id: "v7/removed-hooks",
  catalog: ["H7-06", "H7-07", "H7-10"],
  title: "websocket_handshake, websocket_error and next_layer(layer): reported",
  safety: "safe",
  description:
    "mitmproxy 7 removed the websocket_handshake and websocket_error hooks (a leftover definition is silently never " +
    "called) and passes next_layer a NextLayer object instead of a protocol layer to reply to. None of these has a " +
    "mechanical rewrite; every such hook of an addon is reported with where its logic belongs now.",
  needs: ["websocket_handshake", "websocket_error", "next_layer"],
  run(file) {
    for (const hook of file.addons.hooksNamed("websocket_handshake", "websocket_error", "next_layer")) {
      const name = hook.def.childForFieldName("name")!;
      const where = hook.owner ? `${nameOf(hook.owner)}.${hook.name}` : hook.name;
      if (hook.name === "websocket_handshake") {
        file.report(name, "H7-06", `${WEBSOCKET_HANDSHAKE} Move the body of ${where} there and delete it.`);
      } else if (hook.name === "websocket_error") {
        const end = siblingHook(file, hook, "websocket_end");
        file.report(
          name,
          "H7-07",
          `${WEBSOCKET_ERROR} ${end ? `Merge ${where} into its websocket_end hook` : `Rename ${where} to websocket_end and run its body only when the flow ended with an error`}.`,
        );
      } else {
        file.report(name, "H7-10", `${NEXT_LAYER}${nextLayerHint(file, hook)}`);
      }
    }
  },
});

function siblingHook(file: SourceFile, hook: HookFunction, name: string): Node | null {
  const other = file.addons.hooksNamed(name).find((h) => h.owner?.id === hook.owner?.id);
  return other?.def ?? null;
}

/** What in this next_layer body no longer exists, as a hint. */
function nextLayerHint(file: SourceFile, hook: HookFunction): string {
  const param = hookParameter(hook);
  const p = param && parameterName(param)?.text;
  if (!p) return "";
  for (const call of file.nodes("call")) {
    if (!contains(hook.def, call)) continue;
    const fn = call.childForFieldName("function");
    if (fn?.type === "attribute" && fn.text === `${p}.reply.send`) {
      return ` This hook answers with ${p}.reply.send(...), which is gone: the argument is a NextLayer now, assign the new layer to its .layer attribute.`;
    }
  }
  return "";
}
