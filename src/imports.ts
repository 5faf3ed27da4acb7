// What each local name means, through imports and simple aliases, and how to add or
// remove imports without disturbing the rest of the file.
//
//   from mitmproxy import ctx as c        c            → mitmproxy.ctx
//   import mitmproxy.http                 mitmproxy    → mitmproxy      (so mitmproxy.http.X → mitmproxy.http.X)
//   import mitmproxy.net.http as nhttp    nhttp        → mitmproxy.net.http
//   from mitmproxy.http import HTTPResponse as R   R   → mitmproxy.http.HTTPResponse
//   log = ctx.log                         log          → mitmproxy.ctx.log   (one plain assignment in its scope)
import type { Node } from "./parser.js";
import type { SourceFile } from "./source.js";
import type { Binding, Scope } from "./scope.js";
import { isReference } from "./scope.js";
import { inImportStatement } from "./syntax.js";

interface ModuleImport {
  local: string;
  q: string;
  bindings: Binding[];
}

export interface ImportedName {
  /** The local name the import binds. */
  local: string;
  /** What it means, e.g. "mitmproxy.http.HTTPResponse". */
  qualified: string;
  /** The import statement. */
  statement: Node;
  /** The imported item inside the statement: a dotted_name or aliased_import node. */
  item: Node;
  scope: Scope;
}

export class ImportTable {
  private get cache(): Map<number, string | null> {
    return this.file.facts.resolved;
  }
  private readonly added = new Map<string, string>();

  constructor(private readonly file: SourceFile) {}

  // ---- resolving -----------------------------------------------------------------------

  /** The dotted name an identifier or attribute chain stands for, or null when unknown. */
  resolve(node: Node | null, depth = 0): string | null {
    if (!node || depth > 8) return null;
    if (node.type === "identifier") {
      // Only a name that some import or assignment binds can resolve: most names need no lookup.
      if (!this.resolvableNames().has(node.text)) return null;
      if (this.cache.has(node.id)) return this.cache.get(node.id)!;
      const q = this.resolveName(node, depth);
      this.cache.set(node.id, q);
      return q;
    }
    if (node.type === "attribute") {
      // Asked of the same attribute by many transforms: remembered (the tree's facts).
      if (depth === 0 && this.cache.has(node.id)) return this.cache.get(node.id)!;
      const base = this.resolve(node.childForFieldName("object"), depth);
      const attr = node.childForFieldName("attribute");
      const q = base && attr ? `${base}.${attr.text}` : null;
      if (depth === 0) this.cache.set(node.id, q);
      return q;
    }
    return null;
  }

  /** Names bound somewhere in the file by an import or a plain assignment (candidate aliases). */
  private resolvableNames(): Set<string> {
    const facts = this.file.facts;
    if (!facts.resolvable) {
      const names = new Set<string>();
      for (const scope of this.file.scopes.all()) {
        for (const [name, bindings] of scope.bindings) {
          if (bindings.some((b) => b.kind === "import" || b.kind === "assignment")) names.add(name);
        }
      }
      facts.resolvable = names;
    }
    return facts.resolvable;
  }

  /** True when `node` resolves to `qualified`. */
  is(node: Node | null, qualified: string): boolean {
    return this.resolve(node) === qualified;
  }

  private resolveName(ident: Node, depth: number): string | null {
    const scope = this.file.scopes.resolveIdentifier(ident);
    if (!scope) return null;
    // What a name means depends on its scope only: asked once per scope and name (a file can
    // use one name thousands of times, and import it hundreds of times).
    if (depth > 0) return this.resolveBindings(scope, ident.text, depth);
    const key = `${scope.node.id}:${ident.text}`;
    const byName = this.file.facts.resolvedNames;
    let q = byName.get(key);
    if (q === undefined) byName.set(key, (q = this.resolveBindings(scope, ident.text, depth)));
    return q;
  }

  private resolveBindings(scope: Scope, name: string, depth: number): string | null {
    const bindings = scope.bindings.get(name) ?? [];
    let result: string | null = null;
    for (const b of bindings) {
      let q: string | null;
      if (b.kind === "import") q = qualifiedOf(b);
      else if (b.kind === "assignment" && bindings.length === 1 && b.value) {
        q = b.value.type === "identifier" || b.value.type === "attribute" ? this.resolve(b.value, depth + 1) : null;
      } else return null;
      if (q === null || (result !== null && q !== result)) return null;
      result = q;
    }
    return result;
  }

  /** Every name bound by an import, in every scope. */
  all(): ImportedName[] {
    const out: ImportedName[] = [];
    const visit = (scope: Scope) => {
      for (const [local, bindings] of scope.bindings) {
        for (const b of bindings) {
          if (b.kind !== "import" || !b.statement) continue;
          const q = qualifiedOf(b);
          if (!q) continue;
          out.push({ local, qualified: q, statement: b.statement, item: itemOf(b), scope });
        }
      }
    };
    for (const scope of this.file.scopes.all()) visit(scope);
    return out;
  }

  /**
   * Local names (any scope) through which `prefix` or anything under it can be reached: names
   * bound by imports of it, and plain aliases of such names (`log = ctx.log`). A cheap text
   * filter for transforms: a chain whose first name is not in the set cannot resolve there.
   */
  namesReaching(prefix: string): Set<string> {
    let cached = this.file.facts.reaching.get(prefix);
    if (cached) return cached;
    cached = new Set();
    const under = (q: string | null) => !!q && (q === prefix || q.startsWith(prefix + ".") || prefix.startsWith(q + "."));
    for (const scope of this.file.scopes.all()) {
      for (const [name, bindings] of scope.bindings) {
        for (const b of bindings) {
          if (b.kind === "import" ? under(qualifiedOf(b)) : b.kind === "assignment" && b.value && under(this.resolve(b.value))) {
            cached.add(name);
            break;
          }
        }
      }
    }
    this.file.facts.reaching.set(prefix, cached);
    return cached;
  }

  /**
   * False when `node`, a name or a chain of attributes, cannot resolve to `prefix` or below:
   * its first name is not one of namesReaching(prefix). Slices no text (asked per call or name).
   */
  mayReach(node: Node, prefix: string): boolean {
    const facts = this.file.facts;
    let names = facts.reachingList.get(prefix);
    if (!names) facts.reachingList.set(prefix, (names = [...this.namesReaching(prefix)]));
    for (let i = 0; i < names.length; i++) if (node.headIs(names[i])) return true;
    return false;
  }

  /** True when the file imports `module` or anything inside it. */
  importsFrom(module: string): boolean {
    for (const stmt of this.file.nodes(["import_statement", "import_from_statement"])) {
      for (const m of importedModules(stmt)) {
        if (m === module || m.startsWith(module + ".")) return true;
      }
    }
    return false;
  }

  /** Name uses (loads and stores) of the binding that `name` has in `scope`, import sites excluded. */
  uses(name: string, scope: Scope = this.file.scopes.module): Node[] {
    return this.file.scopes.references(scope, name).filter((n) => !inImportStatement(n));
  }

  /** Uses of `name` that survive this pass (not inside a span that an edit replaces). */
  remainingUses(name: string, scope: Scope = this.file.scopes.module): Node[] {
    return this.uses(name, scope).filter((n) => !this.file.isEdited(n));
  }

  /**
   * An expression that reaches `qualified` from module level through an existing import
   * (longest matching prefix wins), e.g. "http.Response" when `from mitmproxy import http`.
   * Only unshadowed module-level bindings count.
   */
  expressionFor(qualified: string, at?: Node): string | null {
    let best: { expr: string; len: number } | null = null;
    const module = this.file.scopes.module;
    for (const { local, q, bindings } of this.moduleImports()) {
      if (bindings.some((b) => this.file.isEdited(b.statement!))) continue;
      if (q !== qualified && !qualified.startsWith(q + ".")) continue;
      if (at && this.file.scopes.lookup(local, this.file.scopes.scopeOf(at)) !== module) continue;
      // `import a.b` binds `a` but only guarantees that a.b is loaded.
      if (!bindings.some((b) => b.statement!.type !== "import_statement" || guaranteesLoaded(b, qualified))) continue;
      if (!best || q.length > best.len) best = { expr: local + qualified.slice(q.length), len: q.length };
    }
    return best?.expr ?? null;
  }

  /** Module-level names bound only by imports, all meaning the same thing. */
  private moduleImports(): ModuleImport[] {
    const facts = this.file.facts;
    if (!facts.moduleImports) {
      const list: ModuleImport[] = [];
      for (const [local, bindings] of this.file.scopes.module.bindings) {
        if (bindings.some((b) => b.kind !== "import")) continue;
        const q = qualifiedOf(bindings[0]);
        if (!q || bindings.some((b) => qualifiedOf(b) !== q)) continue;
        list.push({ local, q, bindings });
      }
      facts.moduleImports = list;
    }
    return facts.moduleImports as ModuleImport[];
  }

  // ---- adding --------------------------------------------------------------------------

  /**
   * The expression that an import added earlier in this pass (by any transform) provides for
   * `qualified`, or null. Lets a transform tell "the name is taken" from "the name is about
   * to be imported for exactly this".
   */
  addedExpression(qualified: string): string | null {
    return this.added.get(qualified) ?? null;
  }

  /**
   * Makes `qualified` reachable at module level and returns the expression to write.
   * `from mitmproxy.log import ALERT` style for members; `import logging` for modules.
   * Reuses existing imports; never shadows a name the file already binds.
   */
  ensure(qualified: string, opts: { asModule?: boolean } = {}): string {
    const p = this.planImport(qualified, opts);
    if (!p) throw new Error(`cannot import ${qualified} without shadowing a name`);
    p.commit();
    return p.expr;
  }

  /**
   * The expression that reaches `qualified` at `at` (adding a module-level import when
   * needed), or null when the name it needs is shadowed there by a local binding.
   */
  reach(qualified: string, at: Node, opts: { asModule?: boolean } = {}): string | null {
    const p = this.planImport(qualified, opts, at);
    if (!p) return null;
    const head = p.expr.split(".")[0];
    const scope = this.file.scopes.lookup(head, this.file.scopes.scopeOf(at));
    if (scope !== null && scope !== this.file.scopes.module) return null;
    p.commit();
    return p.expr;
  }

  private planImport(
    qualified: string,
    opts: { asModule?: boolean },
    at?: Node,
  ): { expr: string; commit: () => void } | null {
    const existing = this.expressionFor(qualified, at);
    if (existing) return { expr: existing, commit: () => {} };
    const cached = this.added.get(qualified);
    if (cached) return { expr: cached, commit: () => {} };
    const remember = (expr: string, add: () => void) => ({
      expr,
      commit: () => {
        add();
        this.added.set(qualified, expr);
      },
    });
    const dot = qualified.lastIndexOf(".");
    const top = qualified.split(".")[0];
    const topOk = this.isFree(top) || this.isBoundTo(top, top);
    if (opts.asModule || dot === -1) {
      return topOk ? remember(qualified, () => this.addStatement(`import ${qualified}`)) : null;
    }
    const module = qualified.slice(0, dot);
    const name = qualified.slice(dot + 1);
    if (this.isFree(name)) return remember(name, () => this.addFromImport(module, name));
    return topOk ? remember(qualified, () => this.addStatement(`import ${module}`)) : null;
  }

  /** True when no scope of the file binds `name` (so a new module-level import cannot shadow). */
  isFree(name: string): boolean {
    if ([...this.added.values()].some((e) => e === name || e.startsWith(name + "."))) return false;
    if (this.file.scopes.module.bindings.has(name)) return false;
    // A use of an unbound name (a builtin, or a name from `import *`) also makes it taken.
    for (const id of this.file.nodes("identifier")) if (id.text === name && isReference(id)) return false;
    return true;
  }

  private isBoundTo(name: string, qualified: string): boolean {
    const bs = this.file.scopes.module.bindings.get(name);
    return !!bs && bs.every((b) => b.kind === "import" && qualifiedOf(b) === qualified);
  }

  /** Adds `from module import name`, extending an existing top-level from-import of `module`. */
  private addFromImport(module: string, name: string): void {
    for (const stmt of this.file.root.namedChildren) {
      if (stmt.type !== "import_from_statement" || this.file.isEdited(stmt)) continue;
      if (stmt.childForFieldName("module_name")?.text !== module) continue;
      if (stmt.namedChildren.some((c) => c.type === "wildcard_import")) continue;
      const items = stmt.childrenForFieldName("name");
      const last = items[items.length - 1];
      if (!last) continue;
      this.file.insert(last.endIndex, `, ${name}`);
      return;
    }
    this.addStatement(`from ${module} import ${name}`);
  }

  /** Adds a top-level statement after the docstring, `from __future__` and the leading imports. */
  addStatement(statement: string): void {
    const { offset, before, after, blankLines } = this.insertionPoint();
    const nl = this.file.layout.newline;
    const render = (statements: string[]) => (before ? nl : "") + statements.join(nl) + (after ? nl : "") + nl.repeat(blankLines);
    // Several imports added in one pass go together, above one blank-line separator.
    const pending = this.pendingTop;
    if (pending && pending.offset === offset && pending.edit.text === render(pending.statements) && this.file.edits.list().includes(pending.edit)) {
      pending.statements.push(statement);
      this.file.edits.retext(pending.edit, render(pending.statements));
      return;
    }
    if (!this.file.insert(offset, render([statement]))) return;
    const edit = this.file.edits.lastAdded();
    if (edit) this.pendingTop = { offset, edit, statements: [statement] };
  }

  private pendingTop?: { offset: number; edit: import("./edits.js").Edit; statements: string[] };

  private insertionPoint(): { offset: number; before: boolean; after: boolean; blankLines: number } {
    const body = this.file.root.namedChildren.filter((n) => n.type !== "comment");
    let anchor: Node | null = null;
    for (let i = 0; i < body.length; i++) {
      const n = body[i];
      const isDocstring = i === 0 && n.type === "expression_statement" && n.namedChild(0)?.type === "string";
      if (isDocstring || isImportLike(n)) anchor = n;
      else break;
    }
    const text = this.file.text;
    if (anchor) {
      const end = this.file.lineEnd(anchor.endIndex);
      const endsWithNewline = end > 0 && text[end - 1] === "\n";
      return { offset: end, before: !endsWithNewline, after: endsWithNewline, blankLines: 0 };
    }
    const first = body[0];
    if (first) {
      // Above the first statement: set the imports apart (two blank lines before a def or class).
      const definition = ["function_definition", "class_definition", "decorated_definition"].includes(first.type);
      return { offset: this.file.lineStart(first.startIndex), before: false, after: true, blankLines: definition ? 2 : 1 };
    }
    // No statements: append after any leading comments.
    const endsWithNewline = text.length > 0 && text.endsWith("\n");
    return { offset: text.length, before: text.length > 0 && !endsWithNewline, after: true, blankLines: 0 };
  }

  // ---- removing ------------------------------------------------------------------------

  /**
   * Removes the import that binds `name` in `scope` when nothing uses the name any more
   * (uses inside spans this pass replaces do not count). Returns true when removed.
   */
  removeIfUnused(name: string, scope: Scope = this.file.scopes.module): boolean {
    const bindings = scope.bindings.get(name);
    if (!bindings || bindings.some((b) => b.kind !== "import")) return false;
    if (this.remainingUses(name, scope).length > 0) return false;
    // `import a.b` and `import a.c` both bind `a`: keep them unless every one is unused.
    let removed = false;
    for (const b of bindings) removed = this.removeItem(b.statement!, itemOf(b)) || removed;
    return removed;
  }

  /**
   * Removes `name = <expr>` (the only binding of `name` in `scope`) when nothing uses the
   * name any more, e.g. `log = ctx.log` after every `log.info(…)` was rewritten.
   */
  removeAliasIfUnused(name: string, scope: Scope = this.file.scopes.module): boolean {
    const bindings = scope.bindings.get(name);
    if (!bindings || bindings.length !== 1 || bindings[0].kind !== "assignment") return false;
    if (this.remainingUses(name, scope).some((n) => n.id !== bindings[0].node.id)) return false;
    const assignment = bindings[0].node.parent;
    const stmt = assignment?.parent;
    if (assignment?.type !== "assignment" || stmt?.type !== "expression_statement") return false;
    return this.removeStatement(stmt);
  }

  /** Removes one imported item from its statement, or the whole statement when it is the last. */
  removeItem(statement: Node, item: Node): boolean {
    return this.removeItems(statement, [item]);
  }

  /** Removes imported items from a statement (the whole statement when none is left). */
  removeItems(statement: Node, remove: Node[]): boolean {
    const items = statement.childrenForFieldName("name");
    // Items of this statement removed earlier in the pass (another name found unused): the
    // spans are recomputed for all of them together, since adjacent removals share a comma.
    const earlier = this.itemRemovals.get(statement.id);
    const gone = new Set([...(earlier?.ids ?? []), ...remove.map((n) => n.id)]);
    const kept = items.filter((n) => !gone.has(n.id));
    if (kept.length === items.length) return false;
    if (earlier) this.file.edits.drop(earlier.edits);
    const before = this.file.edits.mark();
    let ok: boolean;
    if (kept.length === 0) ok = this.removeStatement(statement);
    else {
      // Each run of removed items goes with the comma before the next kept item (or, at the end,
      // the comma after the previous kept one); comments elsewhere in the statement stay.
      ok = true;
      for (let i = 0; i < items.length; ) {
        if (!gone.has(items[i].id)) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < items.length && gone.has(items[j + 1].id)) j++;
        const span =
          j + 1 < items.length
            ? { start: items[i].startIndex, end: items[j + 1].startIndex }
            : { start: items[i - 1].endIndex, end: items[j].endIndex };
        ok = this.file.remove(span) && ok;
        i = j + 1;
      }
    }
    const added = this.file.edits.addedSince(before);
    this.itemRemovals.set(statement.id, { ids: gone, edits: added });
    return ok;
  }

  private readonly itemRemovals = new Map<number, { ids: Set<number>; edits: import("./edits.js").Edit[] }>();

  /** Removes a whole simple statement with its line, unless that would leave a block empty. */
  removeStatement(statement: Node): boolean {
    const parent = statement.parent;
    if (!parent) return false;
    if (parent.type === "block" && parent.namedChildren.every((n) => n === statement || n.type === "comment")) {
      return this.file.replace(statement, "pass");
    }
    const text = this.file.text;
    const lineStart = this.file.lineStart(statement.startIndex);
    const lineEnd = this.file.lineEnd(statement.endIndex);
    const before = text.slice(lineStart, statement.startIndex);
    const after = text.slice(statement.endIndex, lineEnd);
    if (/^[ \t\f]*$/.test(before) && /^[ \t\f]*(#[^\n]*)?\r?\n?$/.test(after) && !/#/.test(after)) {
      return this.file.remove({ start: lineStart, end: lineEnd });
    }
    return false; // shares its line with other code or a comment: leave it
  }
}

// ---- helpers on import syntax ----------------------------------------------------------

function itemOf(b: Binding): Node {
  // The binding node is the alias identifier (inside aliased_import) or the first identifier
  // of a dotted_name; the item is the aliased_import / dotted_name itself.
  return b.node.parent!;
}

function qualifiedOf(b: Binding): string | null {
  const stmt = b.statement;
  if (!stmt) return null;
  const item = itemOf(b);
  if (stmt.type === "import_statement") {
    if (item.type === "aliased_import") return item.childForFieldName("name")!.text;
    return b.node.text; // `import a.b.c` binds `a`
  }
  const module = stmt.childForFieldName("module_name");
  if (!module || module.type !== "dotted_name") return null; // relative imports: not ours
  const name = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
  return `${module.text}.${name}`;
}

/** `import a.b.c` (binding `a`) loads a, a.b and a.b.c: is `qualified` inside one of those? */
function guaranteesLoaded(b: Binding, qualified: string): boolean {
  const item = itemOf(b);
  const mod = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
  if (item.type === "aliased_import") return true;
  // The first attribute after the loaded module may be any member; deeper modules need their own import.
  return qualified === mod || qualified.startsWith(mod + ".") || mod.startsWith(qualified);
}

export function importedModules(stmt: Node): string[] {
  if (stmt.type === "import_from_statement") {
    const m = stmt.childForFieldName("module_name");
    if (!m || m.type !== "dotted_name") return [];
    const names = stmt.childrenForFieldName("name").map((n) =>
      n.type === "aliased_import" ? n.childForFieldName("name")!.text : n.text,
    );
    return [m.text, ...names.map((n) => `${m.text}.${n}`)];
  }
  if (stmt.type === "import_statement") {
    return stmt
      .childrenForFieldName("name")
      .map((n) => (n.type === "aliased_import" ? n.childForFieldName("name")!.text : n.text));
  }
  return [];
}

function isImportLike(n: Node): boolean {
  return n.type === "import_statement" || n.type === "import_from_statement" || n.type === "future_import_statement";
}

