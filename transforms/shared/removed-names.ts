// Reporting names that a release removed: modules (at their imports), members (at from-imports
// and at every attribute use that resolves to them) and method names (at calls).
import type { SourceFile } from "../../src/source.js";
import { attributeName } from "../../src/syntax.js";

/** name → what to use instead. */
export type Replacements = Readonly<Record<string, string>>;

export interface Removals {
  /** Modules that no longer exist (reported at their import statements). */
  modules?: Replacements;
  /** Qualified members that no longer exist, e.g. "base64.encodestring". */
  members?: Replacements;
  /** Method names that no longer exist on the objects that had them, e.g. "isAlive" (reported at calls). */
  methods?: Replacements;
}

/** Reports every use of a removed module, member or method with message(what, instead). */
export function reportRemoved(
  file: SourceFile,
  id: string,
  r: Removals,
  message: (what: string, instead: string) => string,
  /** Older rows that already report the same place in a longer run (see Finding.restates). */
  opts: { restates?: readonly string[] } = {},
): void {
  const modules = r.modules ?? {};
  const members = r.members ?? {};
  const methods = r.methods ?? {};
  const moduleHit = (m: string) => Object.keys(modules).find((x) => m === x || m.startsWith(x + "."));
  for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
    const names = stmt.childrenForFieldName("name");
    if (stmt.type === "import_statement") {
      for (const n of names) {
        const hit = moduleHit(n.type === "aliased_import" ? n.childForFieldName("name")!.text : n.text);
        if (hit) file.report(n, id, message(`the module ${hit}`, modules[hit]), opts);
      }
      continue;
    }
    const moduleNode = stmt.childForFieldName("module_name");
    if (moduleNode?.type !== "dotted_name") continue;
    const m = moduleNode.text;
    const hit = moduleHit(m);
    if (hit) {
      file.report(moduleNode, id, message(`the module ${hit}`, modules[hit]), opts);
      continue;
    }
    for (const n of names) {
      const q = `${m}.${n.type === "aliased_import" ? n.childForFieldName("name")!.text : n.text}`;
      const mod = moduleHit(q);
      if (mod) file.report(n, id, message(`the module ${mod}`, modules[mod]), opts);
      else if (Object.hasOwn(members, q)) file.report(n, id, message(q, members[q]), opts);
    }
  }
  if (Object.keys(members).length > 0) {
    for (const attr of file.nodes("attribute")) {
      const q = file.imports.resolve(attr);
      if (q && Object.hasOwn(members, q)) file.report(attr, id, message(q, members[q]), opts);
    }
  }
  if (Object.keys(methods).length > 0) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function");
      const name = fn ? attributeName(fn) : null;
      if (name && Object.hasOwn(methods, name)) {
        file.report(fn!.childForFieldName("attribute")!, id, message(`the method .${name}()`, methods[name]), opts);
      }
    }
  }
}
