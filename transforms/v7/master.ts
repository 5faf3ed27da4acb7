// K7-01 and the other items of MIGRATIONS.md §2.K: the master lost its proxy server and channel
// in mitmproxy 7; the test helpers (taddons, tflow) changed with the hooks.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, objectOf, stringValue } from "../../src/syntax.js";
import { soleBinding } from "../shared/bindings.js";
import { unparenthesized } from "../../src/nodes.js";

const MASTER = "mitmproxy.ctx.master";
const MASTER_CLASSES = new Set([
  "mitmproxy.master.Master",
  "mitmproxy.tools.dump.DumpMaster",
  "mitmproxy.tools.console.master.ConsoleMaster",
  "mitmproxy.tools.web.master.WebMaster",
]);

const SERVER =
  "ctx.master.server no longer exists in mitmproxy 7. The proxy server is the proxyserver addon: read the listen address from ctx.options.listen_host/listen_port, and the certificate store from ctx.master.addons.get(\"tlsconfig\").certstore.";
const CHANNEL =
  "ctx.master.channel no longer exists in mitmproxy 7; hooks run on the master's event loop (ctx.master.event_loop), so schedule work there, e.g. with asyncio.run_coroutine_threadsafe().";

export default defineTransform({
  id: "v7/master",
  catalog: ["K7-01"],
  title: "ctx.master.server / ctx.master.channel, Master.run(func), taddons.invoke(addon, \"name\") reported",
  safety: "safe",
  description:
    "mitmproxy 7 removed ctx.master.server (the ProxyServer) and ctx.master.channel, and Master.run() lost its " +
    "func argument. In addon tests, taddons.context().invoke(addon, \"name\", *args) takes a Hook instance instead " +
    "of a hook name (and was removed in 8), and tflow.twebsocketflow() returns an HTTPFlow. All of these are " +
    "reported; none has a mechanical replacement.",
  needs: ["master", "Master", "invoke", "twebsocketflow"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      const q = file.imports.resolve(attr);
      if (q === `${MASTER}.server`) file.report(attr, "K7-01", SERVER);
      else if (q === `${MASTER}.channel`) file.report(attr, "K7-01", CHANNEL);
    }
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const name = attributeName(fn);
      const q = file.imports.resolve(fn);
      if (name === "run" && isMaster(file, objectOf(fn)!) && argumentsOf(call).positional.length > 0) {
        file.report(call, "K7-01", "Master.run(func) takes no argument since mitmproxy 7; run the function from the running() hook of an addon instead.");
      } else if (name === "invoke" && isTestContext(file, objectOf(fn)!)) {
        const event = argumentsOf(call).positional[1];
        if (event && stringValue(event) !== null) {
          file.report(call, "K7-01", "taddons.context().invoke(addon, \"name\", *args) takes a Hook instance since mitmproxy 7 (e.g. hooks.UpdateHook(flows)) and was removed in mitmproxy 8; call the addon's method directly (addon.request(flow)).");
        }
      } else if (q === "mitmproxy.test.tflow.twebsocketflow") {
        file.report(call, "K7-01", "tflow.twebsocketflow() returns an http.HTTPFlow with .websocket set since mitmproxy 7; the test must use flow.websocket.messages and the other WebSocketData attributes.");
      }
    }
  },
});

/** ctx.master, or a local made by a Master class. */
function isMaster(file: SourceFile, node: Node): boolean {
  const n = unparenthesized(node);
  if (file.imports.resolve(n) === MASTER) return true;
  if (n.type !== "identifier") return false;
  const b = soleBinding(file, n);
  const value = b?.kind === "assignment" && b.value?.type === "call" ? b.value.childForFieldName("function") : null;
  return !!value && MASTER_CLASSES.has(file.imports.resolve(value) ?? "");
}

/** A taddons.context(): `with taddons.context() as tctx` or `tctx = taddons.context()`. */
function isTestContext(file: SourceFile, node: Node): boolean {
  const n = unparenthesized(node);
  const isContextCall = (c: Node | null | undefined) => c?.type === "call" && file.imports.resolve(c.childForFieldName("function")) === "mitmproxy.test.taddons.context";
  if (isContextCall(n)) return true;
  if (n.type !== "identifier") return false;
  const b = soleBinding(file, n);
  if (!b) return false;
  if (b.kind === "assignment") return isContextCall(b.value);
  const target = b.node.parent;
  return target?.type === "as_pattern_target" && isContextCall(target.parent?.namedChild(0));
}
