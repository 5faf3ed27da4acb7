// Reporting uses of modules and names that a release removed, through every import form:
//
//   import mitmproxy.net.tcp                 → reported at the import (the module is gone)
//   from mitmproxy.net import tcp            → reported at the imported item
//   from mitmproxy.http import make_error_response   → at the item, and at each use
//   from mitmproxy import http; http.make_error_response(…)   → at the use
//
// Uses that go through an import already reported as a removed module are not reported again.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { isReference } from "../../src/scope.js";
import { inImportStatement } from "../../src/syntax.js";

export interface Removed {
  /** Qualified name of the module or member that no longer exists. */
  name: string;
  /** Catalogue id to report. */
  id: string;
  /** The finding's message (without the id). */
  message: string;
  /** A module: its uses are reported at the import only, not again at every use. */
  module?: boolean;
}

/** The longest removed name that is `q` or a prefix of it up to a "." (no string is built: called per resolved chain). */
function match(removed: readonly Removed[], q: string): Removed | null {
  let best: Removed | null = null;
  for (const r of removed) {
    const n = r.name.length;
    if ((q.length === n || (q.length > n && q.charCodeAt(n) === 46)) && q.startsWith(r.name) && (!best || n > best.name.length)) best = r;
  }
  return best;
}

export function reportRemoved(
  file: SourceFile,
  removed: readonly Removed[],
  skip: (node: Node) => boolean = () => false,
): void {
  const reportedImports = new Map<number, Removed>(); // import item → the removed module or name reported there
  // 1. Imports.
  for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
    if (skip(stmt)) continue;
    if (stmt.type === "import_statement") {
      for (const item of stmt.childrenForFieldName("name")) {
        const mod = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
        const r = match(removed, mod);
        if (r && !skip(item)) {
          file.report(item, r.id, `${r.message} This import fails when the script loads.`);
          reportedImports.set(item.id, r);
        }
      }
      continue;
    }
    const module = stmt.childForFieldName("module_name");
    if (module?.type !== "dotted_name") continue;
    const r = match(removed, module.text);
    if (r) {
      file.report(module, r.id, `${r.message} This import fails when the script loads.`);
      for (const item of stmt.childrenForFieldName("name")) reportedImports.set(item.id, r);
      continue;
    }
    for (const item of stmt.childrenForFieldName("name")) {
      const name = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
      const m = match(removed, `${module.text}.${name}`);
      if (m && !skip(item)) {
        file.report(item, m.id, `${m.message} This import fails when the script loads.`);
        reportedImports.set(item.id, m);
      }
    }
  }
  // 2. Uses: the shortest chain that reaches a removed name. Only names bound to the removed
  // names' packages can start such a chain (a cheap test before resolving).
  const roots = new Set<string>();
  for (const pkg of new Set(removed.map((r) => r.name.split(".")[0]))) for (const n of file.imports.namesReaching(pkg)) roots.add(n);
  if (roots.size === 0) return;
  for (const ident of file.nodes("identifier")) {
    if (!roots.has(ident.text) || !isReference(ident) || inImportStatement(ident)) continue;
    let node: Node = ident;
    for (;;) {
      const q = file.imports.resolve(node);
      if (q === null) break;
      const r = match(removed, q);
      if (r) {
        if (!skip(node) && !(r.module && throughReportedImport(file, ident, reportedImports, r))) file.report(node, r.id, r.message);
        break;
      }
      const p = node.parent;
      if (p?.type !== "attribute" || p.childForFieldName("object")?.id !== node.id) break;
      node = p;
    }
  }
}

/** Does `ident` come from an import that was reported for the removed module `r`? */
function throughReportedImport(file: SourceFile, ident: Node, reported: Map<number, Removed>, r: Removed): boolean {
  const scope = file.scopes.resolveIdentifier(ident);
  const bindings = scope?.bindings.get(ident.text) ?? [];
  return bindings.some((b) => b.kind === "import" && b.node.parent && reported.get(b.node.parent.id) === r);
}

