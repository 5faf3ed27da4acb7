// Imports for a transform that rewrites a region and then tidies up, in one pass:
//
//   const plan = new ImportPlan(file, "pkg.mod");
//   const expr = plan.expression("pkg.mod.Name", atNode);   // "mod.Name" via an existing import, or "Name" (planned)
//   …the transform's own edits, using expr…
//   plan.commit();   // adds the planned names; removes imports whose every use the transform's edits replaced
//
// Unlike ImportTable.reach() + removeIfUnused(), the additions and removals are written together,
// so an import statement that loses its last item and gains a new one is rewritten in one edit.
import type { Node } from "./parser.js";
import type { SourceFile } from "./source.js";

export class ImportPlan {
  private readonly names = new Set<string>();

  constructor(
    private readonly file: SourceFile,
    /** The module planned names are imported from (`from <module> import <name>`). */
    private readonly module: string,
  ) {}

  /**
   * The expression for `qualified` (a member of the plan's module) at `at`: through an existing
   * import when there is one, else its bare name (imported on commit), or null when that name is
   * taken in the file.
   */
  expression(qualified: string, at: Node): string | null {
    const existing = this.file.imports.expressionFor(qualified, at);
    if (existing) return existing;
    const dot = qualified.lastIndexOf(".");
    if (qualified.slice(0, dot) !== this.module) return null;
    const name = qualified.slice(dot + 1);
    if (!this.names.has(name) && !this.file.imports.isFree(name)) return null;
    this.names.add(name);
    return name;
  }

  /** Writes the planned imports and drops the module-level imports that this transform's edits left unused. */
  commit(): void {
    const file = this.file;
    const mine = file.edits.list().filter((e) => e.transform === file.transform && e.start < e.end);
    const newText = file.edits
      .list()
      .filter((e) => e.transform === file.transform)
      .map((e) => e.text)
      .join("\n");
    const replaced = (n: Node) => mine.some((e) => e.start <= n.startIndex && n.endIndex <= e.end);

    // Imports whose every use lies in text this transform replaced, and whose name the new text does not use.
    const byLocal = new Map<string, { statement: Node; item: Node }[]>();
    for (const imp of file.imports.all()) {
      if (imp.scope !== file.scopes.module) continue;
      const list = byLocal.get(imp.local) ?? [];
      list.push({ statement: imp.statement, item: imp.item });
      byLocal.set(imp.local, list);
    }
    const drop = new Map<number, { statement: Node; items: Node[] }>();
    for (const [local, items] of byLocal) {
      const uses = file.imports.uses(local);
      if (uses.length === 0 || !uses.every(replaced)) continue;
      if (new RegExp(`(?<![\\w.])${local.replace(/[$]/g, "\\$")}\\b`).test(newText)) continue;
      if (items.some((i) => file.isEdited(i.statement))) continue;
      for (const { statement, item } of items) {
        const entry = drop.get(statement.id) ?? { statement, items: [] };
        entry.items.push(item);
        drop.set(statement.id, entry);
      }
    }

    const added = [...this.names];
    const target = added.length > 0 ? this.fromStatement() : null;
    if (target) {
      // Rewrite the item list of an existing `from <module> import …` in one edit.
      const items = target.childrenForFieldName("name");
      const gone = new Set((drop.get(target.id)?.items ?? []).map((n) => n.id));
      drop.delete(target.id);
      const kept = items.filter((n) => !gone.has(n.id)).map((n) => n.text);
      const span = { start: items[0].startIndex, end: items[items.length - 1].endIndex };
      if (!file.replace(span, [...kept, ...added].join(", "))) {
        throw new Error(`cannot add ${added.join(", ")} to an import that another transform is editing`);
      }
    }
    for (const { statement, items } of drop.values()) file.imports.removeItems(statement, items);
    if (added.length > 0 && !target) file.imports.addStatement(`from ${this.module} import ${added.join(", ")}`);
  }

  /** A top-level `from <module> import a, b` (no star) that this pass does not edit. */
  private fromStatement(): Node | null {
    for (const stmt of this.file.root.namedChildren) {
      if (stmt.type !== "import_from_statement" || this.file.isEdited(stmt)) continue;
      if (stmt.childForFieldName("module_name")?.text !== this.module) continue;
      if (stmt.namedChildren.some((c) => c.type === "wildcard_import")) continue;
      if (stmt.childrenForFieldName("name").length > 0) return stmt;
    }
    return null;
  }
}
