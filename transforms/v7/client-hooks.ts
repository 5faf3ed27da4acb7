// H7-01, H7-02: clientconnect(layer) / clientdisconnect(layer) became client_connected(client) /
// client_disconnected(client) in mitmproxy 7; the argument is the Client itself, no longer
// the root protocol layer whose .client_conn it was.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { HookFunction } from "../../src/addons.js";
import { parameterName } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";
import { isFreeIn, parameterUses, renameFunction } from "../../src/refactor.js";
import { attributeName, isAssignmentTarget, parentAttribute } from "../../src/syntax.js";
import { CLIENT_ATTRIBUTE_NAMES, hookParameter, isParameterRebound } from "../shared/connections.js";
import { atomically, isSuperChainArgument, retypeParameter } from "../shared/hook-rename.js";

interface Row {
  id: string;
  old: string;
  name: string;
}

const ROWS: Record<string, Row> = {
  clientconnect: { id: "H7-01", old: "clientconnect", name: "client_connected" },
  clientdisconnect: { id: "H7-02", old: "clientdisconnect", name: "client_disconnected" },
};
const BY_NEW_NAME: Record<string, Row> = Object.fromEntries(Object.values(ROWS).map((r) => [r.name, r]));

const NEW_PARAM = "client";
const KILL = 'error = "Connection killed."';

function message(row: Row, use: string): string {
  return (
    `${row.old}(layer) became ${row.name}(client) in mitmproxy 7; the argument is now the Client connection, not a protocol layer. ` +
    `Uses of '${use}' other than .client_conn could not be translated.`
  );
}

/** Hints for what a mitmproxy 6 layer had and a Client has not. */
const HINTS: Record<string, string> = {
  server_conn: "no server connection exists yet when a client connects; use the server_connected(data) hook (data.server, data.client) or flow.server_conn in the flow hooks",
  reply: "to kill the connection set client.error; the reply object is gone",
  ctx: "protocol layers and their context are gone",
  config: "read settings through ctx.options",
  channel: "protocol layers and their channel are gone",
};

type Use =
  | { kind: "client_conn"; node: Node } // layer.client_conn → client
  | { kind: "kill"; node: Node } // layer.reply.kill() as a statement → client.error = "…"
  | { kind: "super"; node: Node } // super().clientconnect(layer)
  | { kind: "other-attribute"; node: Node; attr: string } // layer.<attr>: not a Client attribute, left for a finding
  | { kind: "blocking"; node: Node; what: string; why: string }; // cannot be translated: the hook is not renamed

export default defineTransform({
  id: "v7/client-hooks",
  catalog: ["H7-01", "H7-02"],
  title: "clientconnect(layer) → client_connected(client), clientdisconnect(layer) → client_disconnected(client)",
  safety: "safe",
  description:
    "mitmproxy 7 renamed the client connection hooks and passes the Client itself instead of the root protocol " +
    "layer (an old-named hook only triggers a load-time warning and is never called). The hook, its `super()` chain " +
    "and its parameter are renamed; `layer.client_conn` becomes `client` and `layer.reply.kill()` becomes " +
    '`client.error = "Connection killed."`. An annotation naming a mitmproxy 6 type is rewritten to connection.Client. ' +
    "Other attributes of the layer are reported; a layer passed around or re-bound leaves the hook unrenamed, with a finding.",
  needs: ["clientconnect", "clientdisconnect", "client_connected", "client_disconnected"],
  run(file) {
    for (const hook of file.addons.hooksNamed("clientconnect", "clientdisconnect")) {
      if (!migrate(file, hook, ROWS[hook.name])) return;
    }
    for (const hook of file.addons.hooksNamed("client_connected", "client_disconnected")) reportLeftovers(file, hook, BY_NEW_NAME[hook.name]);
  },
});

/** Returns false when edits were deferred (stop for this pass). */
function migrate(file: SourceFile, hook: HookFunction, row: Row): boolean {
  const param = hookParameter(hook);
  const ident = param && parameterName(param);
  if (!param || !ident) {
    file.report(hook.def.childForFieldName("name")!, row.id, `${message(row, "layer")} The hook's argument is not a plain parameter; rename the hook by hand.`);
    return true;
  }
  const p = ident.text;
  const idents = parameterUses(file, hook.def, p);
  const uses = idents.map((u) => classify(u, p, row));
  if (isParameterRebound(file, hook, param)) {
    const at = uses.find((u) => isAssignmentTarget(u.node))?.node ?? ident;
    file.report(at, row.id, `${message(row, p)} '${p}' is re-bound in the hook, so its uses could not be translated; the hook was left as it is, rename and port it by hand.`);
    return true;
  }
  let blocked = false;
  for (const u of uses) {
    if (u.kind !== "blocking") continue;
    blocked = true;
    file.report(u.node, row.id, `${message(row, u.what)} ${u.why}, so the hook was left as it is; port this use, then rename the hook by hand.`);
  }
  if (blocked) return true;
  const name = p === NEW_PARAM || isFreeIn(file, hook.def, NEW_PARAM) ? NEW_PARAM : p;
  return atomically(file, () => {
    renameFunction(file, hook.def, row.name);
    for (const u of uses) {
      if (u.kind === "client_conn") file.replace(u.node, name);
      else if (u.kind === "kill") file.replace(u.node, `${name}.${KILL}`);
    }
    if (name !== p) {
      file.replace(ident, name);
      for (const u of idents) if (!file.isEdited(u)) file.replace(u, name);
    } else if (p !== NEW_PARAM) {
      file.note(ident, row.id, `${row.name}'s argument keeps the name '${p}' because '${NEW_PARAM}' is already used in this hook; '${p}' is now the Client connection.`);
    }
    retypeParameter(file, param, "mitmproxy.connection", "Client");
  });
}

function classify(use: Node, p: string, row: Row): Use {
  if (isSuperChainArgument(use, row.old)) return { kind: "super", node: use };
  const attr = parentAttribute(use);
  if (!attr) return { kind: "blocking", node: use, what: p, why: "The layer object itself is used here" };
  const name = attributeName(attr)!;
  if (name === "client_conn") {
    if (isAssignmentTarget(attr)) return { kind: "blocking", node: attr, what: attr.text, why: "The layer's client_conn is assigned here" };
    return { kind: "client_conn", node: attr };
  }
  if (name === "reply") {
    const kill = parentAttribute(attr);
    const call = kill?.parent;
    if (
      kill &&
      attributeName(kill) === "kill" &&
      call?.type === "call" &&
      call.childForFieldName("arguments")?.namedChildCount === 0 &&
      call.parent?.type === "expression_statement" &&
      call.parent.namedChildCount === 1
    ) {
      return { kind: "kill", node: call };
    }
  }
  // A name the Client also has would silently mean something else after the rename.
  if (CLIENT_ATTRIBUTE_NAMES.has(name)) {
    return { kind: "blocking", node: attr, what: `${p}.${name}`, why: `A Client has a '${name}' of its own, with another meaning` };
  }
  return { kind: "other-attribute", node: attr, attr: name };
}

/**
 * In the renamed hook (also on a second run), `client.<attr>` where a Client has no such
 * attribute is what was left of a layer attribute: the row's finding.
 */
function reportLeftovers(file: SourceFile, hook: HookFunction, row: Row): void {
  const param = hookParameter(hook);
  const ident = param && parameterName(param);
  if (!param || !ident || isParameterRebound(file, hook, param)) return;
  for (const use of parameterUses(file, hook.def, ident.text)) {
    const attr = parentAttribute(use);
    const name = attr && attributeName(attr);
    if (!attr || !name || CLIENT_ATTRIBUTE_NAMES.has(name) || name.startsWith("__")) continue;
    const hint = Object.hasOwn(HINTS, name) ? HINTS[name] : `a Client has no attribute '${name}'`;
    file.report(attr, row.id, `${message(row, `${ident.text}.${name}`)} Port it by hand: ${hint}.`);
  }
}
