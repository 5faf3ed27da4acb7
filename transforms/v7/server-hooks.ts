// H7-03, H7-04: serverconnect(conn) / serverdisconnect(conn) became server_connected(data) /
// server_disconnected(data) in mitmproxy 7; the server connection is data.server
// (ServerConnectionHookData has .server and .client).
import type { SourceFile } from "../../src/source.js";
import type { HookFunction } from "../../src/addons.js";
import { parameterName } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";
import { isFreeIn, parameterUses, renameFunction } from "../../src/refactor.js";
import { isAssignmentTarget } from "../../src/syntax.js";
import { hookParameter, isParameterRebound } from "../shared/connections.js";
import { atomically, isSuperChainArgument, retypeParameter } from "../shared/hook-rename.js";

interface Row {
  id: string;
  old: string;
  name: string;
  message: string;
}

const ROWS: Record<string, Row> = {
  serverconnect: {
    id: "H7-03",
    old: "serverconnect",
    name: "server_connected",
    message:
      "serverconnect(conn) became server_connected(data) (data.server is the connection). If you need to act before the connection is opened, use server_connect(data).",
  },
  serverdisconnect: {
    id: "H7-04",
    old: "serverdisconnect",
    name: "server_disconnected",
    message: "serverdisconnect(conn) became server_disconnected(data) (data.server is the connection).",
  },
};

const NEW_PARAM = "data";

export default defineTransform({
  id: "v7/server-hooks",
  catalog: ["H7-03", "H7-04"],
  title: "serverconnect(conn) → server_connected(data), serverdisconnect(conn) → server_disconnected(data)",
  safety: "safe",
  description:
    "mitmproxy 7 renamed the server connection hooks; they receive a ServerConnectionHookData whose .server is the " +
    "connection mitmproxy 6 passed (server_connected still fires after the connection is established; the new " +
    "server_connect fires before). The hook and its `super()` chain are renamed, the parameter becomes `data` and " +
    "every load of the old parameter becomes `data.server`; an annotation naming a mitmproxy 6 type is rewritten to " +
    "server_hooks.ServerConnectionHookData. A parameter that is re-bound in the body is reported and the hook left alone.",
  needs: ["serverconnect", "serverdisconnect"],
  run(file) {
    for (const hook of file.addons.hooksNamed("serverconnect", "serverdisconnect")) {
      if (!migrate(file, hook, ROWS[hook.name])) return;
    }
  },
});

/** Returns false when edits were deferred (stop for this pass). */
function migrate(file: SourceFile, hook: HookFunction, row: Row): boolean {
  const param = hookParameter(hook);
  const ident = param && parameterName(param);
  if (!param || !ident) {
    file.report(hook.def.childForFieldName("name")!, row.id, `${row.message} The hook's argument is not a plain parameter; rename the hook by hand.`);
    return true;
  }
  const p = ident.text;
  const uses = parameterUses(file, hook.def, p);
  if (isParameterRebound(file, hook, param)) {
    const at = uses.find((u) => isAssignmentTarget(u)) ?? ident;
    file.report(at, row.id, `${row.message} '${p}' is re-bound in the hook, so its uses could not be rewritten to data.server; the hook was left as it is, rename and port it by hand.`);
    return true;
  }
  const name = p === NEW_PARAM || isFreeIn(file, hook.def, NEW_PARAM) ? NEW_PARAM : p;
  return atomically(file, () => {
    renameFunction(file, hook.def, row.name);
    if (name !== p) file.replace(ident, name);
    else if (p !== NEW_PARAM) {
      file.note(ident, row.id, `${row.name}'s argument keeps the name '${p}' because '${NEW_PARAM}' is already used in this hook; '${p}' is now the hook data and ${p}.server the connection.`);
    }
    for (const u of uses) {
      if (isSuperChainArgument(u, row.old)) {
        if (name !== p) file.replace(u, name);
      } else file.replace(u, `${name}.server`);
    }
    retypeParameter(file, param, "mitmproxy.proxy.server_hooks", "ServerConnectionHookData");
  });
}
