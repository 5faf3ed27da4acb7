// O7-01..O7-04: options that mitmproxy 7 removed, and the ones it added (whose names an addon
// may already use for an option of its own).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, stringValue } from "../../src/syntax.js";

const SSL_VERSION =
  "was removed in mitmproxy 7; use tls_version_client_min/tls_version_client_max (and tls_version_server_min/_max) with TLS version names such as TLS1_2.";

/** O7-01, O7-02: option → message (without the id). */
const REMOVED: Record<string, { id: string; message: string }> = {
  ssl_version_client: { id: "O7-01", message: `The option ssl_version_client ${SSL_VERSION}` },
  ssl_version_server: { id: "O7-01", message: `The option ssl_version_server ${SSL_VERSION}` },
  upstream_bind_address: { id: "O7-02", message: "The option upstream_bind_address was removed in mitmproxy 7." },
  spoof_source_address: { id: "O7-02", message: "The option spoof_source_address was removed in mitmproxy 7." },
  http2_priority: { id: "O7-02", message: "The option http2_priority was removed in mitmproxy 7." },
  relax_http_form_validation: { id: "O7-02", message: "The option relax_http_form_validation was removed in mitmproxy 7." },
  stream_websockets: { id: "O7-02", message: "The option stream_websockets was removed in mitmproxy 7 (WebSocket messages are always relayed one by one)." },
  session_path: { id: "O7-02", message: "The option session_path was removed in mitmproxy 7 (with the session addon)." },
};

/** O7-04: options added by mitmproxy 7 (v7.0.0 add_option diff). */
const ADDED = new Set([
  "connection_strategy", "block_list", "export_preserve_original_ip", "proxy_debug", "web_columns",
  "tls_version_client_min", "tls_version_client_max", "tls_version_server_min", "tls_version_server_max",
]);

const OPTIONS = "mitmproxy.ctx.options";

export default defineTransform({
  id: "v7/options",
  catalog: ["O7-01", "O7-02", "O7-03", "O7-04"],
  title: "removed options (ssl_version_*, upstream_bind_address, …) reported",
  safety: "safe",
  description:
    "mitmproxy 7 removed the options ssl_version_client/ssl_version_server (now tls_version_*_min/_max), " +
    "upstream_bind_address, spoof_source_address, http2_priority, relax_http_form_validation, stream_websockets " +
    "and session_path: reading ctx.options.<name> raises AttributeError and --set <name>=… is an error. Such " +
    "reads, ctx.options.update(<name>=…), \"<name>\" in updated, and --set strings are reported. An addon that " +
    "registers an option under a name mitmproxy 7 added (connection_strategy, block_list, tls_version_*, …) " +
    "overrides the built-in one and is reported too. The new rawtcp default (O7-03) needs no code change.",
  needs: Object.keys(REMOVED).concat([...ADDED]),
  run(file) {
    // An addon may register an option of its own under a removed name; then it still exists.
    const own = new Set<string>();
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const name = attributeName(fn) === "add_option" ? stringValue(argumentsOf(call).positional[0] ?? null) : null;
      if (name) own.add(name);
    }
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr)!;
      if (name in REMOVED && !own.has(name) && file.imports.resolve(attr) === `${OPTIONS}.${name}`) {
        file.report(attr, REMOVED[name].id, REMOVED[name].message);
      }
    }
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      if (q === `${OPTIONS}.update` || q === `${OPTIONS}.set`) {
        for (const [kw, node] of argumentsOf(call).keywords) {
          if (kw in REMOVED && !own.has(kw)) file.report(node, REMOVED[kw].id, REMOVED[kw].message);
        }
      }
      if (attributeName(fn) === "add_option") addedOption(file, call);
    }
    for (const s of file.nodes("string")) setString(file, s, own);
  },
});

/** loader.add_option("block_list", …) in load(): the name now belongs to a built-in option. */
function addedOption(file: SourceFile, call: Node): void {
  const first = argumentsOf(call).positional[0];
  const name = stringValue(first ?? null);
  if (name === null || !ADDED.has(name)) return;
  file.report(
    first,
    "O7-04",
    `mitmproxy 7 added a built-in option named ${name}; an addon option with the same name replaces it (with only a warning in the log) and can break mitmproxy's own use of it. Rename this option.`,
  );
}

/** "--set ssl_version_client=all", ["--set", "upstream_bind_address=…"], "stream_websockets" in updated. */
function setString(file: SourceFile, s: Node, own: Set<string>): void {
  const value = stringValue(s);
  if (value === null) return;
  const set = /^([a-z0-9_]+)=/.exec(value) ?? /--set[= ]([a-z0-9_]+)=/.exec(value);
  if (set && set[1] in REMOVED && !own.has(set[1])) {
    file.report(s, REMOVED[set[1]].id, `${REMOVED[set[1]].message} Setting it with --set fails.`);
    return;
  }
  if (value in REMOVED && !own.has(value)) {
    const p = s.parent;
    const ops = p?.type === "comparison_operator" ? p.children.filter((c) => !c.isNamed).map((c) => c.type) : [];
    if (ops.length === 1 && (ops[0] === "in" || ops[0] === "not in")) {
      file.report(s, REMOVED[value].id, `${REMOVED[value].message} It is never in the updated set.`);
    }
  }
}
