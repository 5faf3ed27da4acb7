// Helpers for hooks whose name and argument changed in mitmproxy 7 (clientconnect(layer) →
// client_connected(client), serverconnect(conn) → server_connected(data)): the parameter's
// annotation, the `super().<hook>(arg)` chain, and doing all edits of one hook or none.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { parameterName } from "../../src/addons.js";
import { parameterAnnotation } from "../../src/refactor.js";
import { removeImportsUsedOnlyBy } from "./proxy-protocol.js";

/**
 * Does the annotation name a mitmproxy type (or is it a string)? Then it describes the
 * mitmproxy 6 argument and must go with the rename (mitmproxy.proxy.protocol.Layer would
 * even make the script fail to import).
 */
function namesMitmproxyType(file: SourceFile, type: Node): boolean {
  const stack = [type];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "string") return true;
    if (n.type === "identifier" || n.type === "attribute") {
      const q = file.imports.resolve(n);
      if (q === "mitmproxy" || q?.startsWith("mitmproxy.")) return true;
    }
    stack.push(...n.namedChildren);
  }
  return false;
}

/**
 * Rewrites the annotation of a renamed hook parameter to `qualified` (reached through the
 * file's imports, e.g. connection.Client), or drops it when that name cannot be reached
 * here; imports only the old annotation used are removed. Annotations that do not name a
 * mitmproxy type (typing.Any, a class of the script) are kept.
 */
export function retypeParameter(file: SourceFile, param: Node, module: string, member: string): void {
  const type = parameterAnnotation(param);
  if (!type || !namesMitmproxyType(file, type)) return;
  // Imports first, so that the new import never extends a statement that is going away.
  removeImportsUsedOnlyBy(file, type);
  // `from mitmproxy import connection` when the name is free, else `import mitmproxy.connection`.
  const expr = file.imports.reach(module, param, { asModule: !file.imports.isFree(module.slice(module.lastIndexOf(".") + 1)) });
  // (When this edit is deferred, `atomically` rolls the whole hook back.)
  if (expr) file.replace(type, `${expr}.${member}`);
  else file.remove({ start: parameterName(param)!.endIndex, end: type.endIndex });
}

/** Is `use` the only argument of `super().<name>(use)` (the chain to the base's hook)? */
export function isSuperChainArgument(use: Node, name: string): boolean {
  const args = use.parent;
  if (args?.type !== "argument_list" || args.namedChildren.filter((c) => c.type !== "comment").length !== 1) return false;
  const call = args.parent;
  const fn = call?.childForFieldName("function");
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== name) return false;
  const obj = fn.childForFieldName("object");
  return obj?.type === "call" && obj.childForFieldName("function")?.text === "super";
}

/**
 * Runs `edits` as one unit: when any of them was deferred because another transform edited
 * an overlapping span, all of them are rolled back (the next pass redoes the hook on the new
 * text). Returns false in that case; the caller should stop for this pass, since imports
 * planned during the unit are remembered by the file's import table.
 */
export function atomically(file: SourceFile, edits: () => void): boolean {
  const mark = file.edits.mark();
  const deferred = file.edits.deferred;
  const findings = file.findings.length;
  edits();
  if (file.edits.deferred === deferred) return true;
  file.edits.rollback(mark);
  file.findings.splice(findings);
  return false;
}
