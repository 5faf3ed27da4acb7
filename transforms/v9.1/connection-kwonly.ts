// K10-01, K10-02, K10-03: mitmproxy.connection.Client and Server are keyword-only dataclasses
// since 10.0.0 (documented as "9.1"); a new Client starts CLOSED instead of OPEN.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, isAssignmentTarget } from "../../src/syntax.js";
import { constructedBy } from "../shared/objects.js";

const CLIENT = "mitmproxy.connection.Client";
const SERVER = "mitmproxy.connection.Server";
const PARAMS: Record<string, readonly string[]> = {
  [CLIENT]: ["peername", "sockname", "timestamp_start"],
  [SERVER]: ["address"],
};

export default defineTransform({
  id: "v9.1/connection-kwonly",
  catalog: ["K10-01", "K10-02", "K10-03"],
  title: "Client(p, s, t) → Client(peername=p, sockname=s, timestamp_start=t); Server(a) → Server(address=a)",
  safety: "safe",
  description:
    "mitmproxy 10.0 (the \"9.1\" of the addon changelog) made Client and Server keyword-only dataclasses: " +
    "positional calls raise TypeError. Calls that resolve to mitmproxy.connection.Client with up to three " +
    "positional arguments, or to mitmproxy.connection.Server with one, get the parameter names (valid on every " +
    "version since 7.0). Splats and other shapes are reported. A Client built this way now starts in state " +
    "CLOSED: reads of its .connected or .state are reported (K10-03).",
  needs: ["Client", "Server"],
  run(file) {
    for (const call of file.nodes("call")) {
      const q = file.imports.resolve(call.childForFieldName("function"));
      if (q !== CLIENT && q !== SERVER) continue;
      const names = PARAMS[q];
      const args = argumentsOf(call);
      const cls = q === CLIENT ? "Client" : "Server";
      const id = q === CLIENT ? "K10-01" : "K10-02";
      if (args.positional.length === 0) continue;
      const clash = args.positional.some((_, i) => args.keywords.has(names[i] ?? ""));
      if (args.splat || args.positional.length > names.length || clash || args.positional[0].type === "generator_expression") {
        file.report(
          call,
          id,
          `mitmproxy.connection.${cls} accepts keyword arguments only since mitmproxy 10.0 (documented as "9.1"); could not map ` +
            `positional arguments. Pass ${names.map((n) => `${n}=…`).join(", ")} by name.`,
        );
        continue;
      }
      args.positional.forEach((a, i) => file.insert(a.startIndex, `${names[i]}=`));
    }
    reportStateReads(file);
  },
});

/** K10-03: `c = Client(…)` then `c.connected` / `c.state`. */
function reportStateReads(file: SourceFile): void {
  for (const attr of file.nodes("attribute")) {
    const name = attributeName(attr);
    if (name !== "connected" && name !== "state") continue;
    if (isAssignmentTarget(attr)) continue;
    const obj: Node = attr.childForFieldName("object")!;
    const built = constructedBy(file, obj, [CLIENT]);
    if (!built || argumentsOf(built).keywords.has("state")) continue;
    file.report(
      attr,
      "K10-03",
      `Client(...) objects now start in state CLOSED (mitmproxy ≥10; they started OPEN before), so .${name} of a new client differs. ` +
        "Set state=connection.ConnectionState.OPEN when building it if the code relies on it.",
    );
  }
}
