// M7-01: mitmproxy.connections (ClientConnection, ServerConnection) became mitmproxy.connection
// (Client, Server) in mitmproxy 7. Every import form and the names used through it:
//
//   from mitmproxy import connections             → from mitmproxy import connection
//       connections.ClientConnection              →     connection.Client
//   from mitmproxy.connections import ServerConnection  → from mitmproxy.connection import Server
//   import mitmproxy.connections [as mc]          → import mitmproxy.connection [as mc]
//       mitmproxy.connections.ServerConnection    →     mitmproxy.connection.Server
//
// Constructor calls keep their arguments here; v7/connection-constructors handles those.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { ImportedName } from "../../src/imports.js";
import type { Scope } from "../../src/scope.js";
import { isReference } from "../../src/scope.js";
import { defineTransform } from "../../src/transform.js";
import { attributeName, parentAttribute, inImportStatement } from "../../src/syntax.js";

const OLD = "mitmproxy.connections";
const NEW = "mitmproxy.connection";
const CLASSES: Record<string, string> = { ClientConnection: "Client", ServerConnection: "Server" };
/** The mitmproxy 7 name of a mitmproxy 6 class of the module, or undefined. */
function renamed(name: string | null | undefined): string | undefined {
  return name && Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
}
const MESSAGE = "mitmproxy.connections was renamed mitmproxy.connection in mitmproxy 7 (ClientConnection → Client, ServerConnection → Server);";

export default defineTransform({
  id: "v7/connections-module",
  catalog: ["M7-01"],
  title: "mitmproxy.connections.ClientConnection/ServerConnection → mitmproxy.connection.Client/Server",
  safety: "safe",
  description:
    "mitmproxy 7 replaced the module mitmproxy.connections by mitmproxy.connection and renamed its classes " +
    "ClientConnection → Client and ServerConnection → Server. Imports of every form (from-imports, aliases, " +
    "`import mitmproxy.connections`) and the names used through them, in annotations, isinstance checks and " +
    "elsewhere, are rewritten. Constructor arguments are left to v7/connection-constructors (C7-10, S7-09).",
  needs: ["connections"],
  run(file) {
    const fromStatements = new Set<number>();
    for (const imp of file.imports.all()) {
      if (imp.qualified === OLD) moduleBinding(file, imp);
      else if (imp.qualified.startsWith(OLD + ".") && imp.statement.type === "import_from_statement") {
        if (!fromStatements.has(imp.statement.id)) {
          fromStatements.add(imp.statement.id);
          fromModule(file, imp.statement);
        }
      } else if (imp.statement.type === "import_statement" && imp.item.type === "dotted_name" && imp.item.text === OLD) {
        file.replace(imp.item, NEW); // `import mitmproxy.connections`: its uses are chains, rewritten below
      }
    }
    for (const stmt of file.nodes("import_from_statement")) {
      const mod = stmt.childForFieldName("module_name");
      if (mod?.text === OLD && stmt.namedChildren.some((c) => c.type === "wildcard_import")) wildcard(file, stmt, mod);
    }
    chains(file);
  },
});

/** `from mitmproxy import connections [as x]` or `import mitmproxy.connections as x`. */
function moduleBinding(file: SourceFile, imp: ImportedName): void {
  const uses = file.imports.uses(imp.local, imp.scope).filter(isReference);
  const unknown = uses.map(parentAttribute).filter((a): a is Node => !!a && !renamed(attributeName(a)));
  if (unknown.length > 0) {
    for (const a of unknown) report(file, a, `${OLD}.${attributeName(a)}`);
    return; // left as it is, so that the finding stays until the code is ported
  }
  const aliased = imp.item.type === "aliased_import";
  let local = imp.local;
  if (imp.statement.type === "import_statement") {
    file.replace(imp.item.childForFieldName("name")!, NEW); // import mitmproxy.connections as x
  } else if (aliased) {
    const alias = imp.item.childForFieldName("alias")!.text;
    file.replace(imp.item, alias === "connection" ? "connection" : `connection as ${alias}`);
  } else if (boundTo(file, imp.scope, "connection", NEW) || file.imports.addedExpression(NEW) === "connection") {
    file.imports.removeItem(imp.statement, imp.item); // `connection` is imported already (or in this pass)
    local = "connection";
  } else if (file.imports.isFree("connection")) {
    file.replace(imp.item, "connection");
    local = "connection";
  } else {
    file.replace(imp.item, "connection as connections");
  }
  for (const use of uses) {
    const attr = parentAttribute(use);
    if (attr) file.replace(attr, `${local}.${renamed(attributeName(attr))}`);
    else if (local !== imp.local) file.replace(use, local);
  }
}

/** `from mitmproxy.connections import ClientConnection [as C], ServerConnection`. */
function fromModule(file: SourceFile, stmt: Node): void {
  const items = stmt.childrenForFieldName("name");
  const names = items.map((i) => (i.type === "aliased_import" ? i.childForFieldName("name")!.text : i.text));
  const unknown = names.filter((n) => !renamed(n));
  if (unknown.length > 0) {
    report(file, stmt, `${OLD}.${unknown[0]}`);
    return;
  }
  file.replace(stmt.childForFieldName("module_name")!, NEW);
  const scope = file.scopes.scopeOf(stmt);
  for (const item of items) {
    if (item.type === "aliased_import") {
      const alias = item.childForFieldName("alias")!.text;
      const name = renamed(item.childForFieldName("name")!.text)!;
      file.replace(item, alias === name ? name : `${name} as ${alias}`);
      continue;
    }
    const name = renamed(item.text)!;
    const bindingScope = bindingScopeOf(file, scope, item.text);
    if (file.imports.isFree(name)) {
      file.replace(item, name);
      for (const use of file.imports.uses(item.text, bindingScope)) if (!file.isEdited(use)) file.replace(use, name);
    } else {
      file.replace(item, `${name} as ${item.text}`);
    }
  }
}

/** `from mitmproxy.connections import *`: the module, and the class names it provided. */
function wildcard(file: SourceFile, stmt: Node, mod: Node): void {
  const uses = file.nodes("identifier").filter((id) => renamed(id.text) && isReference(id) && file.scopes.resolveIdentifier(id) === null);
  if (uses.some((u) => !file.imports.isFree(renamed(u.text)!))) {
    report(file, stmt, `${OLD}.*`);
    return;
  }
  file.replace(mod, NEW);
  for (const u of uses) file.replace(u, renamed(u.text)!);
}

/** `mitmproxy.connections.X` chains through a binding of `mitmproxy` (e.g. `import mitmproxy.connections`). */
function chains(file: SourceFile): void {
  for (const attr of file.nodes("attribute")) {
    if (attributeName(attr) !== "connections") continue;
    const base = attr.childForFieldName("object")!;
    if (base.type !== "identifier" || file.imports.resolve(base) !== "mitmproxy" || inImportStatement(attr)) continue;
    const outer = parentAttribute(attr);
    const name = outer && attributeName(outer);
    if (outer && renamed(name)) file.replace(outer, `${base.text}.connection.${renamed(name)}`);
    else if (outer && name) report(file, outer, `${OLD}.${name}`); // left as it is: the finding stays
    else file.replace(attr, `${base.text}.connection`);
  }
}

function report(file: SourceFile, node: Node, what: string): void {
  file.report(node, "M7-01", `${MESSAGE} ${what} has no counterpart there; port this use by hand.`);
}

function boundTo(file: SourceFile, scope: Scope, name: string, qualified: string): boolean {
  const bs = scope.bindings.get(name);
  return !!bs && bs.length > 0 && bs.every((b) => b.kind === "import" && file.imports.resolve(b.node) === qualified);
}

function bindingScopeOf(file: SourceFile, scope: Scope, name: string): Scope {
  for (let s: Scope | null = scope; s; s = s.parent) if (s.bindings.has(name)) return s;
  return file.scopes.module;
}

