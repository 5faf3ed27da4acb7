// mitmproxy 6's proxy core (mitmproxy.proxy.protocol, .config, .root_context, .modes and the
// names re-exported by mitmproxy.proxy) was removed in mitmproxy 7 (MIGRATIONS.md M7-08).
// Importing any of it makes a whole script fail to load.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { isReference } from "../../src/scope.js";
import { contains } from "../../src/syntax.js";

/** Modules removed in mitmproxy 7 (everything under them too). */
export const REMOVED_PROXY_MODULES: readonly string[] = [
  "mitmproxy.proxy.protocol",
  "mitmproxy.proxy.config",
  "mitmproxy.proxy.root_context",
  "mitmproxy.proxy.modes",
];

/** Names removed from modules that still exist (v6.0.2:mitmproxy/proxy/__init__.py, proxy/server.py). */
export const REMOVED_PROXY_NAMES: readonly string[] = [
  "mitmproxy.proxy.ProxyConfig",
  "mitmproxy.proxy.ProxyServer",
  "mitmproxy.proxy.DummyServer",
  "mitmproxy.proxy.RootContext",
  "mitmproxy.proxy.server.ProxyServer",
  "mitmproxy.proxy.server.DummyServer",
];

/** The removed module or name that `qualified` is or lies inside, or null. */
export function removedProxyName(qualified: string | null): string | null {
  if (!qualified) return null;
  for (const m of [...REMOVED_PROXY_MODULES, ...REMOVED_PROXY_NAMES]) {
    if (qualified === m || qualified.startsWith(m + ".")) return m;
  }
  return null;
}

/**
 * When a transform is about to replace `old` (e.g. a parameter annotation), removes the
 * module-level imports that nothing but `old` (and this transform's own edits) uses:
 * `from mitmproxy.proxy.protocol import Layer`, and an `import mitmproxy.proxy.protocol` item
 * once no remaining use goes through that path (other `import mitmproxy.…` items keep binding
 * `mitmproxy`). Statements this transform already edited in this pass (an import it added to
 * them) are left alone; a later pass or v7/connections-module tidies those.
 */
export function removeImportsUsedOnlyBy(file: SourceFile, old: Node): void {
  const module = file.scopes.module;
  const own = file.edits.list().filter((e) => e.transform === file.transform);
  const ownEdited = (n: Node) => own.some((e) => e.start < e.end && e.start <= n.startIndex && n.endIndex <= e.end);
  const touched = (stmt: Node) => own.some((e) => stmt.startIndex <= e.start && e.end <= stmt.endIndex);
  const names = new Set<string>();
  const stack = [old];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "identifier" && isReference(n) && file.scopes.resolveIdentifier(n) === module) names.add(n.text);
    stack.push(...n.namedChildren);
  }
  for (const name of names) {
    const bindings = module.bindings.get(name);
    if (!bindings || bindings.some((b) => b.kind !== "import")) continue;
    const remaining = file.imports.uses(name).filter((u) => !contains(old, u) && !ownEdited(u));
    for (const b of bindings) {
      const stmt = b.statement!;
      const item = b.node.parent!;
      if (touched(stmt)) continue;
      if (remaining.length === 0) {
        file.imports.removeItem(stmt, item);
        continue;
      }
      // `import mitmproxy.proxy.protocol` next to other `import mitmproxy.x`: drop that item alone.
      if (stmt.type !== "import_statement" || item.type !== "dotted_name" || !removedProxyName(item.text)) continue;
      if (remaining.some((u) => chainText(u) === item.text || chainText(u).startsWith(item.text + "."))) continue;
      if (!bindings.some((o) => o !== b && !removedProxyName(o.node.parent!.text))) continue;
      file.imports.removeItem(stmt, item);
    }
  }
}

/** `a.b.c` for the attribute chain that starts at identifier `ident`. */
function chainText(ident: Node): string {
  let n = ident;
  let text = ident.text;
  for (let p = n.parent; p?.type === "attribute" && p.childForFieldName("object")?.id === n.id; n = p, p = p.parent) {
    text += "." + p.childForFieldName("attribute")!.text;
  }
  return text;
}
