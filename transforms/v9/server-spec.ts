// V9-01, V9-02, V9-03: ServerSpec (the upstream proxy of server_conn.via) is a plain tuple
// since mitmproxy 9, and server_spec.parse() needs a default scheme.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, isAssignmentTarget, stringValue } from "../../src/syntax.js";

const SERVER_SPEC_MODULE = "mitmproxy.net.server_spec";
const SERVER_SPEC = "mitmproxy.net.server_spec.ServerSpec";
const PARSE = "mitmproxy.net.server_spec.parse";
const PARSE_WITH_MODE = "mitmproxy.net.server_spec.parse_with_mode";
const INDEX: Record<string, string> = { scheme: "[0]", address: "[1]" };

export default defineTransform({
  id: "v9/server-spec",
  catalog: ["V9-01", "V9-02", "V9-03"],
  title: "via.scheme/.address → via[0]/[1]; ServerSpec(a, b) → (a, b); server_spec.parse(\"x://…\") → parse(\"x://…\", \"http\")",
  safety: "safe",
  description:
    "mitmproxy 9 turned ServerSpec from a NamedTuple into a plain tuple type: `<x>.via.scheme` and " +
    "`<x>.via.address` become `<x>.via[0]` and `<x>.via[1]`, and `ServerSpec(a, b)` (which now raises " +
    "TypeError) becomes the tuple `(a, b)`. server_spec.parse() takes a required default_scheme: for a literal " +
    "that names its scheme (\"http://…\") the unused \"http\" is added; other calls are reported, as the " +
    "scheme-defaulting rule changed. Assignments to via fields, aliases of via and parse_with_mode() are reported.",
  needs: ["via", "ServerSpec", "server_spec"],
  run(file) {
    let rebuilt = false;
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr);
      if (name !== "scheme" && name !== "address") continue;
      const obj = attr.childForFieldName("object")!;
      if (obj.type === "attribute" && attributeName(obj) === "via") {
        if (isAssignmentTarget(attr)) {
          file.report(attr, "V9-01", `ServerSpec is a plain tuple since mitmproxy 9 and cannot be changed; assign a new one: ${obj.text} = (scheme, address).`);
        } else file.replace({ start: obj.endIndex, end: attr.endIndex }, INDEX[name]);
      } else if (obj.type === "identifier" && isViaAlias(file, obj)) {
        file.report(attr, "V9-01", `ServerSpec is a plain tuple since mitmproxy 9: ${obj.text}.${name} no longer exists; use ${obj.text}${INDEX[name]}.`);
      }
    }
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      // All three live in mitmproxy.net.server_spec: a cheap test before resolving.
      if (!file.imports.mayReach(fn, SERVER_SPEC_MODULE)) continue;
      const q = file.imports.resolve(fn);
      if (q !== SERVER_SPEC && q !== PARSE && q !== PARSE_WITH_MODE) continue;
      const args = argumentsOf(call);
      if (q === SERVER_SPEC) {
        if (args.positional.length === 2 && args.keywords.size === 0 && !args.splat) {
          file.replace(call, `(${args.positional[0].text}, ${args.positional[1].text})`);
          rebuilt = true;
        } else if (args.keywords.size > 0 || args.splat) {
          file.report(call, "V9-02", "ServerSpec is a plain tuple since mitmproxy 9 (ServerSpec(a, b) raises TypeError); write the tuple (scheme, address).");
        }
      } else if (q === PARSE) {
        if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat) continue;
        const lit = stringValue(args.positional[0]);
        if (lit !== null && lit.includes("://")) {
          file.insert(args.positional[0].endIndex, ', "http"');
        } else {
          file.report(
            call,
            "V9-03",
            "server_spec.parse(spec, default_scheme) needs a default scheme since mitmproxy 9; up to 8 it was https for port 443 " +
              "or no port, else http. Pass the scheme this spec should get when it has none.",
          );
        }
      } else if (q === PARSE_WITH_MODE) {
        file.report(call, "V9-03", "server_spec.parse_with_mode() was removed in mitmproxy 9; parse modes with mitmproxy.proxy.mode_specs.ProxyMode.parse().");
      }
    }
    if (rebuilt) {
      for (const imp of file.imports.all()) if (imp.qualified === SERVER_SPEC) file.imports.removeIfUnused(imp.local, imp.scope);
    }
  },
});

/** A name whose only binding is `name = <x>.via` or `name = server_spec.parse(…)`. */
function isViaAlias(file: SourceFile, ident: Node): boolean {
  const scope = file.scopes.resolveIdentifier(ident);
  const bs = scope?.bindings.get(ident.text);
  if (!bs || bs.length !== 1 || bs[0].kind !== "assignment" || !bs[0].value) return false;
  const v = bs[0].value;
  if (v.type === "attribute") return attributeName(v) === "via";
  return v.type === "call" && file.imports.resolve(v.childForFieldName("function")) === PARSE;
}
