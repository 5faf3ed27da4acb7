// Connection objects (mitmproxy.connection.Client / Server, mitmproxy 6's ClientConnection /
// ServerConnection): which expressions are provably one, what their attributes became, and
// the rewrite of attribute uses on such receivers. Shared by the step-7 transforms (C7, S7,
// the connection hooks) and meant for reuse by later steps (the deprecated aliases of
// MIGRATIONS.md §9, which still work at 12.2.3, can be re-applied with `aliasRules`).
//
// Provable receivers (no type inference, only syntax and scopes):
//   <expr>.client_conn                        client      <expr>.server_conn        server
//   the parameter of a client_connected / client_disconnected hook                  client
//   data.client / data.server, where data is the parameter of a server_* hook       client / server
//   the parameter of a mitmproxy 6 serverconnect / serverdisconnect hook (step 7 only,
//   so that its attributes are rewritten in the same pass that renames the hook)      server
//   a local name whose only binding is `c = <one of the above>` (never re-bound)    same kind
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { HookFunction } from "../../src/addons.js";
import { parameterName, parametersOf } from "../../src/addons.js";
import type { Binding, Scope } from "../../src/scope.js";
import { isAssignmentTarget } from "../../src/syntax.js";

export type ConnectionKind = "client" | "server";

/** Hooks (mitmproxy ≥7) whose argument is a Client. */
export const CLIENT_HOOKS: readonly string[] = ["client_connected", "client_disconnected"];
/** Hooks (mitmproxy ≥7) whose argument is a ServerConnectionHookData (.server, .client). */
export const SERVER_HOOKS: readonly string[] = ["server_connect", "server_connected", "server_disconnected", "server_connect_error"];
/** mitmproxy 6 hooks whose argument is the ServerConnection itself (renamed by v7/server-hooks). */
export const V6_SERVER_HOOKS: readonly string[] = ["serverconnect", "serverdisconnect"];

// ---- hooks and their parameter ----------------------------------------------------------

/** Is the hook a method that receives `self` (not a module-level function or a staticmethod)? */
export function takesSelf(hook: HookFunction): boolean {
  if (!hook.owner) return false;
  const p = hook.def.parent;
  if (p?.type !== "decorated_definition") return true;
  return !p.namedChildren.some((d) => d.type === "decorator" && d.text === "@staticmethod");
}

/** The parameter node of the hook's first event argument (after `self`), or null. */
export function hookParameter(hook: HookFunction): Node | null {
  const params = parametersOf(hook.def).filter((p) => p.type !== "comment");
  const p = params[takesSelf(hook) ? 1 : 0];
  if (!p || !parameterName(p)) return null;
  return p;
}

/** The single binding of `ident` in its scope, when nothing else ever binds or re-binds it. */
export function soleBinding(file: SourceFile, ident: Node): { scope: Scope; binding: Binding } | null {
  const scope = file.scopes.resolveIdentifier(ident);
  if (!scope || scope.kind === "module" || scope.kind === "class") return null;
  const bindings = scope.bindings.get(ident.text);
  if (!bindings || bindings.length !== 1 || scope.globals.has(ident.text) || scope.nonlocals.has(ident.text)) return null;
  if (isReboundIn(file, scope, ident.text, bindings[0].node)) return null;
  return { scope, binding: bindings[0] };
}

/**
 * Is `name` (bound in `scope`) assigned, deleted or otherwise re-bound anywhere other than at
 * `binding` (nested functions with `nonlocal` included)?
 */
export function isReboundIn(file: SourceFile, scope: Scope, name: string, binding: Node): boolean {
  if ((scope.bindings.get(name)?.length ?? 0) > 1) return true;
  let cache = reboundCache.get(file);
  if (!cache) reboundCache.set(file, (cache = new Map()));
  const key = `${scope.node.id}:${name}:${binding.id}`;
  let rebound = cache.get(key);
  if (rebound === undefined) {
    rebound = false;
    // Only the scope's own subtree can re-bind it (nested functions through `nonlocal`).
    for (const n of scope.node.descendantsOfType("identifier")) {
      if (n.id === binding.id || n.text !== name || !isAssignmentTarget(n)) continue;
      if (file.scopes.resolveIdentifier(n) === scope) {
        rebound = true;
        break;
      }
    }
    cache.set(key, rebound);
  }
  return rebound;
}

/** Per pass (a SourceFile is one pass over one text), so that each scope is scanned once per name. */
const reboundCache = new WeakMap<SourceFile, Map<string, boolean>>();

/** Is the parameter of a hook re-bound in its body? */
export function isParameterRebound(file: SourceFile, hook: HookFunction, param: Node): boolean {
  const scope = file.scopes.scopeFor(hook.def);
  const ident = parameterName(param);
  if (!scope || !ident) return true;
  return isReboundIn(file, scope, ident.text, ident);
}

// ---- provable receivers -----------------------------------------------------------------

/**
 * Is `expr` provably a client or a server connection? With `v6Hooks`, the parameter of a
 * mitmproxy 6 serverconnect/serverdisconnect hook counts as a server too (only for code that
 * still is mitmproxy 6 code: step 7).
 */
export function connectionKind(file: SourceFile, expr: Node | null, depth = 0, v6Hooks = false): ConnectionKind | null {
  if (!expr || depth > 4) return null;
  if (expr.type === "parenthesized_expression") return connectionKind(file, expr.namedChild(0), depth, v6Hooks);
  if (expr.type === "attribute") {
    const attr = expr.childForFieldName("attribute")?.text;
    if (attr === "client_conn") return "client";
    if (attr === "server_conn") return "server";
    if (attr === "client" || attr === "server") {
      const obj = expr.childForFieldName("object");
      if (obj?.type === "identifier" && hookOfParameter(file, obj, SERVER_HOOKS)) return attr;
    }
    return null;
  }
  if (expr.type === "identifier") {
    const scope = file.scopes.resolveIdentifier(expr);
    if (!scope || scope.kind === "module" || scope.kind === "class") return null;
    let cache = kindCache.get(file);
    if (!cache) kindCache.set(file, (cache = new Map()));
    const key = `${scope.node.id}:${expr.text}:${v6Hooks}`;
    let kind = cache.get(key);
    if (kind === undefined) {
      kind = null;
      if (hookOfParameter(file, expr, CLIENT_HOOKS)) kind = "client";
      else if (v6Hooks && hookOfParameter(file, expr, V6_SERVER_HOOKS)) kind = "server";
      else {
        const sole = soleBinding(file, expr);
        if (sole?.binding.kind === "assignment" && sole.binding.value) kind = connectionKind(file, sole.binding.value, depth + 1, v6Hooks);
      }
      cache.set(key, kind);
    }
    return kind;
  }
  return null;
}

/** Per pass: what a name bound in a scope is (a name's binding is the same at every use). */
const kindCache = new WeakMap<SourceFile, Map<string, ConnectionKind | null>>();

/**
 * When `ident` refers to the (never re-bound) event parameter of a hook with one of `names`,
 * that hook; else null.
 */
export function hookOfParameter(file: SourceFile, ident: Node, names: readonly string[]): HookFunction | null {
  const scope = file.scopes.resolveIdentifier(ident);
  if (!scope || scope.node.type !== "function_definition") return null;
  const hook = file.addons.hooks().find((h) => h.def.id === scope.node.id && names.includes(h.name));
  if (!hook) return null;
  const param = hookParameter(hook);
  const pname = param && parameterName(param);
  if (!pname || pname.text !== ident.text) return null;
  if (isReboundIn(file, scope, ident.text, pname)) return null;
  return hook;
}

/** Can `expr` be written twice without a side effect (names, attributes, literal subscripts)? */
export function isSimpleReceiver(expr: Node): boolean {
  switch (expr.type) {
    case "identifier":
      return true;
    case "attribute":
      return isSimpleReceiver(expr.childForFieldName("object")!);
    case "subscript": {
      const idx = expr.childrenForFieldName("subscript");
      return (
        isSimpleReceiver(expr.childForFieldName("value")!) &&
        idx.length === 1 &&
        (idx[0].type === "integer" || idx[0].type === "string" || idx[0].type === "identifier")
      );
    }
    case "parenthesized_expression":
      return !!expr.namedChild(0) && isSimpleReceiver(expr.namedChild(0)!);
  }
  return false;
}

/** `x.clientcert` / `x.cert` read, as mitmproxy ≥7 spells it (the list may be empty). */
export function firstCertificate(receiver: string): string {
  return `(${receiver}.certificate_list[0] if ${receiver}.certificate_list else None)`;
}

// ---- what the attributes became ---------------------------------------------------------

export type AttributeRule =
  /** Renamed (reads and writes): `x.<old>` → `x.<to>`. */
  | { id: string; kind: "rename"; to: string }
  /** Certificate alias: reads → firstCertificate(x); assignments reported with `message`. */
  | { id: string; kind: "certificate"; message: string }
  /** Read-only since 7: reads unchanged; assignments reported with `message`. */
  | { id: string; kind: "readonly"; message: string }
  /** A method that became a property: `x.<a>()` → `x.<a>`. */
  | { id: string; kind: "property" }
  /** `x.connection.get_servername()` → `x.sni` (a str, no longer bytes); other uses reported with `message`. */
  | { id: string; kind: "servername"; message: string }
  /** Gone without an equivalent: every use reported with `message`. */
  | { id: string; kind: "manual"; message: string }
  /** Same name, different values: reported where compared with a literal. */
  | { id: string; kind: "values"; message: string }
  /** Reads unchanged; assignments to `<expr>.server_conn.<a>` reported with `message`. */
  | { id: string; kind: "assignment"; message: string };

const CLIENT_REMOVED =
  "was removed in mitmproxy 7: connection objects no longer expose the socket, the pyOpenSSL connection or I/O methods (all I/O belongs to the proxy core). Only .connection.get_servername() has a replacement (.sni); port this code by hand.";
const SERVER_REMOVED =
  "was removed in mitmproxy 7: connection objects no longer do I/O, the proxy core opens, uses and closes server connections. To get a fresh upstream connection, replace flow.server_conn with a new Server(address=…); port this code by hand.";

function clientRemoved(attr: string): AttributeRule {
  return { id: "C7-09", kind: "manual", message: `Client.${attr} ${CLIENT_REMOVED}` };
}

function serverRemoved(attr: string): AttributeRule {
  return { id: "S7-07", kind: "manual", message: `Server.${attr} ${SERVER_REMOVED}` };
}

/** mitmproxy 6 ClientConnection attributes that changed in 7 (MIGRATIONS.md §2.B, C7 rows). */
export const CLIENT_ATTRIBUTES: Readonly<Record<string, AttributeRule>> = {
  address: { id: "C7-01", kind: "rename", to: "peername" },
  ip_address: { id: "C7-02", kind: "rename", to: "peername" },
  cipher_name: { id: "C7-03", kind: "rename", to: "cipher" },
  alpn_proto_negotiated: { id: "C7-04", kind: "rename", to: "alpn" },
  clientcert: {
    id: "C7-05",
    kind: "certificate",
    message: "Client.clientcert is a deprecated alias of certificate_list[0] since mitmproxy 7; assign a list to .certificate_list instead ([cert], or [] to clear it).",
  },
  tls_established: {
    id: "C7-06",
    kind: "readonly",
    message: "Client.tls_established is a read-only property since mitmproxy 7 (true once timestamp_tls_setup is set); this assignment raises AttributeError, remove it.",
  },
  connected: { id: "C7-07", kind: "property" },
  tls_extensions: {
    id: "C7-08",
    kind: "manual",
    message: "Client.tls_extensions was removed in mitmproxy 7; read the ClientHello extensions in the tls_clienthello hook instead (data.client_hello.extensions, mitmproxy ≥8).",
  },
  connection: {
    id: "C7-09",
    kind: "servername",
    message: `Client.connection ${CLIENT_REMOVED}`,
  },
  ...Object.fromEntries(
    ["rfile", "wfile", "server", "finished", "send", "finish", "convert_to_tls", "settimeout", "gettimeout", "get_alpn_proto_negotiated", "get_current_cipher"].map(
      (a) => [a, clientRemoved(a)],
    ),
  ),
  state: {
    id: "C7-11",
    kind: "values",
    message: "Client.state was the placeholder 0 in mitmproxy 6; since mitmproxy 7 it is a ConnectionState flag (use .connected to test for an open connection), so this comparison behaves differently.",
  },
  sockname: {
    id: "C7-11",
    kind: "values",
    message: "Client.sockname was the placeholder (\"\", 0) in mitmproxy 6; since mitmproxy 7 it is the real local address, so this comparison behaves differently.",
  },
};

/** mitmproxy 6 ServerConnection attributes that changed in 7 (MIGRATIONS.md §2.B, S7 rows). */
export const SERVER_ATTRIBUTES: Readonly<Record<string, AttributeRule>> = {
  ip_address: { id: "S7-01", kind: "rename", to: "peername" },
  source_address: { id: "S7-02", kind: "rename", to: "sockname" },
  cert: {
    id: "S7-03",
    kind: "certificate",
    message: "Server.cert is a deprecated alias of certificate_list[0] since mitmproxy 7; assign a list to .certificate_list instead ([cert], or [] to clear it).",
  },
  server_certs: { id: "S7-04", kind: "rename", to: "certificate_list" },
  ssl_verification_error: {
    id: "S7-04",
    kind: "manual",
    message: "Server.ssl_verification_error was removed in mitmproxy 7; a failed verification now closes the connection and sets its .error (\"Certificate verify failed: …\"), check that instead.",
  },
  via: {
    id: "S7-05",
    kind: "manual",
    message: "Server.via is no longer the upstream proxy's ServerConnection since mitmproxy 7: it is a ServerSpec (scheme, address) naming the upstream proxy (a plain tuple from mitmproxy 9); rewrite this code, see examples/contrib/change_upstream_proxy.py.",
  },
  tls_established: {
    id: "S7-06",
    kind: "readonly",
    message: "Server.tls_established is a read-only property since mitmproxy 7 (true once timestamp_tls_setup is set); this assignment raises AttributeError, remove it.",
  },
  connected: { id: "S7-06", kind: "property" },
  alpn_proto_negotiated: { id: "S7-06", kind: "rename", to: "alpn" },
  ...Object.fromEntries(
    [
      "connect", "establish_tls", "send", "finish", "rfile", "wfile", "connection", "spoof_source_address", "finished", "close",
      "convert_to_tls", "settimeout", "gettimeout", "create_connection", "makesocket", "get_alpn_proto_negotiated", "get_current_cipher",
    ].map((a) => [a, serverRemoved(a)]),
  ),
  address: {
    id: "S7-08",
    kind: "assignment",
    message: "assigning Server.address raises RuntimeError on an open connection since mitmproxy 7; change flow.request.host / flow.request.port instead, or replace flow.server_conn with a new Server(address=…) as examples/contrib/change_upstream_proxy.py does.",
  },
};

export const ATTRIBUTE_RULES: Readonly<Record<ConnectionKind, Readonly<Record<string, AttributeRule>>>> = {
  client: CLIENT_ATTRIBUTES,
  server: SERVER_ATTRIBUTES,
};

/**
 * Attributes a mitmproxy ≥7 Client has (v7.0.0 – v12.2.3:mitmproxy/connection.py, deprecated
 * aliases included), and the mitmproxy 6 names that CLIENT_ATTRIBUTES handles.
 */
export const CLIENT_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  "id", "state", "peername", "sockname", "error", "tls", "certificate_list", "alpn", "alpn_offers", "cipher", "cipher_list",
  "tls_version", "sni", "timestamp_start", "timestamp_end", "timestamp_tls_setup", "connected", "tls_established", "mitmcert",
  "proxy_mode", "transport_protocol", "address", "cipher_name", "clientcert", "alpn_proto_negotiated",
  "get_state", "set_state", "from_state", "copy",
  ...Object.keys(CLIENT_ATTRIBUTES),
]);

/**
 * The deprecated connection aliases that still work at 12.2.3 (MIGRATIONS.md §9), as
 * `old → new attribute`, or "certificate" for `certificate_list[0]`.
 */
export const DEPRECATED_ALIASES: Readonly<Record<ConnectionKind, Readonly<Record<string, string>>>> = {
  client: { address: "peername", cipher_name: "cipher", clientcert: "certificate", alpn_proto_negotiated: "alpn" },
  server: { ip_address: "peername", cert: "certificate", alpn_proto_negotiated: "alpn" },
};

/** AttributeRules for the §9 aliases of one connection kind, reported under catalogue id `id`. */
export function aliasRules(kind: ConnectionKind, id: string): Record<string, AttributeRule> {
  const out: Record<string, AttributeRule> = {};
  for (const [old, to] of Object.entries(DEPRECATED_ALIASES[kind])) {
    out[old] =
      to === "certificate"
        ? { id, kind: "certificate", message: `${kind === "client" ? "Client" : "Server"}.${old} is a deprecated alias of certificate_list[0]; assign a list to .certificate_list instead ([cert], or [] to clear it).` }
        : { id, kind: "rename", to };
  }
  return out;
}

// ---- the rewrite -------------------------------------------------------------------------

/**
 * Applies `rules` to every `<receiver>.<attr>` whose receiver is provably a connection of
 * `kind`: renames, certificate reads, `.connected()` → `.connected`,
 * `.connection.get_servername()` → `.sni`; reports what has no rewrite.
 */
export function rewriteConnectionAttributes(
  file: SourceFile,
  kind: ConnectionKind,
  rules: Readonly<Record<string, AttributeRule>>,
  opts: { v6Hooks?: boolean } = {},
): void {
  const own: { start: number; end: number }[] = [];
  const edit = (node: Node | { start: number; end: number }, text: string) => {
    const r = "startIndex" in node ? { start: node.startIndex, end: node.endIndex } : node;
    if (own.some((o) => o.start < r.end && r.start < o.end)) return false; // nested match: next pass
    own.push(r);
    return file.replace(r, text);
  };
  for (const attr of file.nodes("attribute")) {
    const nameNode = attr.childForFieldName("attribute");
    const recv = attr.childForFieldName("object");
    if (!nameNode || !recv) continue;
    const rule = rules[nameNode.text];
    if (!rule || !Object.prototype.hasOwnProperty.call(rules, nameNode.text)) continue;
    if (connectionKind(file, recv, 0, opts.v6Hooks) !== kind) continue;
    const assigned = isAssignmentTarget(attr);
    switch (rule.kind) {
      case "rename":
        edit(nameNode, rule.to);
        break;
      case "certificate":
        if (assigned) file.report(attr, rule.id, rule.message);
        else if (!isSimpleReceiver(recv)) {
          file.report(attr, rule.id, `${rule.message.split(";")[0]}; this receiver is not a simple name, rewrite it as (x.certificate_list[0] if x.certificate_list else None) by hand.`);
        } else edit(attr, firstCertificate(recv.text));
        break;
      case "readonly":
        if (assigned) file.report(attr, rule.id, rule.message);
        break;
      case "property": {
        const call = attr.parent;
        const args = call?.type === "call" && call.childForFieldName("function")?.id === attr.id ? call.childForFieldName("arguments") : null;
        if (args?.type === "argument_list" && args.namedChildCount === 0) edit(args, "");
        break;
      }
      case "servername": {
        const sni = servernameCall(attr);
        if (!sni) {
          file.report(attr, rule.id, rule.message);
          break;
        }
        if (edit(sni.node, `${recv.text}.sni`)) {
          file.note(
            sni.node,
            rule.id,
            sni.decoded
              ? "connection.get_servername() became .sni in mitmproxy 7; .sni is already a str, so the .decode() after it was dropped."
              : "connection.get_servername() became .sni in mitmproxy 7; .sni is a str (get_servername() returned bytes), check code that expects bytes.",
          );
        }
        break;
      }
      case "manual":
        file.report(attr, rule.id, rule.message);
        break;
      case "values":
        if (comparedWithLiteral(attr)) file.report(attr, rule.id, rule.message);
        break;
      case "assignment":
        if (assigned && recv.type === "attribute" && recv.childForFieldName("attribute")?.text === "server_conn") {
          file.report(attr, rule.id, rule.message);
        }
        break;
    }
  }
}

/** `x.connection.get_servername()` (and a `.decode(…)` right after it): the node to replace. */
function servernameCall(connAttr: Node): { node: Node; decoded: boolean } | null {
  const getter = connAttr.parent;
  if (getter?.type !== "attribute" || getter.childForFieldName("object")?.id !== connAttr.id) return null;
  if (getter.childForFieldName("attribute")?.text !== "get_servername") return null;
  const call = getter.parent;
  if (call?.type !== "call" || call.childForFieldName("function")?.id !== getter.id) return null;
  if (call.childForFieldName("arguments")?.namedChildCount !== 0) return null;
  const decode = call.parent;
  if (decode?.type === "attribute" && decode.childForFieldName("attribute")?.text === "decode") {
    const decodeCall = decode.parent;
    if (decodeCall?.type === "call" && decodeCall.childForFieldName("function")?.id === decode.id) return { node: decodeCall, decoded: true };
  }
  return { node: call, decoded: false };
}

const LITERALS = new Set(["integer", "float", "string", "tuple", "list", "true", "false", "none"]);

function comparedWithLiteral(node: Node): boolean {
  const p = node.parent;
  if (p?.type !== "comparison_operator") return false;
  return p.namedChildren.some((c) => c.id !== node.id && LITERALS.has(c.type));
}
