// The ordered registry of steps. A step's folder is named after the release that broke the
// API (v9.1 is what mitmproxy's changelog calls 9.1; it shipped as 10.0.0, and the other
// 10.x breaks belong with it). The engine in src/ knows nothing else about mitmproxy.
import type { ApiMarker, Registry } from "../src/transform.js";
import { HOOKS } from "./hooks.js";
import v7 from "./v7/index.js";
import v8 from "./v8/index.js";
import v9 from "./v9/index.js";
import v91 from "./v9.1/index.js";
import v11 from "./v11/index.js";
import v12 from "./v12/index.js";

/** Every mitmproxy release from 6.0.0 to 12.2.3 (the tags of the mitmproxy repository). */
const RELEASES = [
  "6.0.0", "6.0.1", "6.0.2",
  "7.0.0", "7.0.1", "7.0.2", "7.0.3", "7.0.4",
  "8.0.0", "8.1.0", "8.1.1",
  "9.0.0", "9.0.1",
  "10.0.0", "10.1.0", "10.1.1", "10.1.2", "10.1.3", "10.1.4", "10.1.5", "10.1.6",
  "10.2.0", "10.2.1", "10.2.2", "10.2.3", "10.2.4", "10.3.0", "10.3.1", "10.4.0", "10.4.1", "10.4.2",
  "11.0.0", "11.0.1", "11.0.2", "11.1.0", "11.1.1", "11.1.2", "11.1.3",
  "12.0.0", "12.0.1", "12.1.0", "12.1.1", "12.1.2", "12.2.0", "12.2.1", "12.2.2", "12.2.3",
];

/** Hook name → number of arguments, over every version. */
const hookArity: Record<string, number> = {};
for (const hooks of Object.values(HOOKS)) {
  for (const [name, args] of Object.entries(hooks)) hookArity[name] = args.length;
}

/** Hook names that helper functions commonly have too. */
const AMBIGUOUS = new Set(["configure", "done", "error", "load", "log", "request", "response", "running", "update"]);
const distinctiveHooks = Object.keys(hookArity).filter((h) => !AMBIGUOUS.has(h));

/**
 * For --from auto: API uses that date code. atMost: the last release the form worked in
 * (or was current in); atLeast: the first release that has it.
 */
const DETECTION: ApiMarker[] = [
  { pattern: /\bdef\s+(clientconnect|clientdisconnect|serverconnect|serverdisconnect|websocket_handshake|websocket_error)\s*\(/, what: "a mitmproxy 6 event hook", atMost: "6.0.2" },
  { pattern: /\bHTTP(Request|Response)\b/, what: "HTTPRequest/HTTPResponse", atMost: "6.0.2" },
  { pattern: /\bmitmproxy\.net\.http\s+import\s+[^\n]*\b(Headers|Request|Response)\b|\bfrom\s+mitmproxy\.net\s+import\s+http\b/, what: "mitmproxy.net.http classes", atMost: "6.0.2" },
  { pattern: /\bmitmproxy\.connections\b|\bfrom\s+mitmproxy\s+import\s+[^\n]*\bconnections\b/, what: "mitmproxy.connections", atMost: "6.0.2" },
  { pattern: /\bWebSocketFlow\b/, what: "WebSocketFlow", atMost: "6.0.2" },
  { pattern: /\bcontent_types\s*=/, what: "a content view's content_types", atMost: "6.0.2" },
  { pattern: /\.reply\.(take|commit|kill|ack|send)\s*\(/, what: "flow.reply", atMost: "7.0.4" },
  { pattern: /\bmitmproxy\.net\.tls\s+import\s+ClientHello\b/, what: "mitmproxy.net.tls.ClientHello", atMost: "7.0.4" },
  { pattern: /\bctx\.log\b/, what: "ctx.log", atMost: "8.1.1" },
  { pattern: /\bdef\s+(client_connected|client_disconnected|server_connect|server_connected|server_disconnected|tls_clienthello|add_log)\s*\(/, what: "a mitmproxy 7 event hook", atLeast: "7.0.0" },
  { pattern: /\bdef\s+(tls_established_client|tls_failed_client|tls_established_server|tls_failed_server|tls_start_client|tls_start_server)\s*\(|\bignore_connection\b/, what: "a mitmproxy 8 TLS hook", atLeast: "8.0.0" },
  { pattern: /\bdef\s+(dns_request|dns_response|dns_error)\s*\(/, what: "a DNS hook", atLeast: "8.1.0" },
  { pattern: /\bdef\s+(udp_start|udp_message|udp_end|udp_error)\s*\(|\bproxy_mode\b/, what: "a mitmproxy 9 API", atLeast: "9.0.0" },
  { pattern: /\bcontentviews\.View\b/, what: "contentviews.View", atMost: "11.1.3" },
];

export const registry: Registry = {
  releases: RELEASES,
  aliases: { "9.1": "10.0.0" },
  steps: [
    { label: "7", release: "7.0.0", transforms: v7 },
    { label: "8", release: "8.0.0", transforms: v8 },
    { label: "9", release: "9.0.0", transforms: v9 },
    { label: "9.1", release: "10.0.0", transforms: v91 },
    { label: "11", release: "11.0.0", transforms: v11 },
    { label: "12", release: "12.0.0", transforms: v12 },
  ],
  knowledge: {
    modules: ["mitmproxy"],
    hooks: hookArity,
    distinctiveHooks,
    weakHooks: ["log"],
    evidenceWords: ["mitmproxy", "addons", ...distinctiveHooks],
  },
  detection: DETECTION,
};
