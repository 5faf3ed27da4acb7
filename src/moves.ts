// Moving and renaming imported names, through every import form:
//
//   from mitmproxy.net.http import Headers          → from mitmproxy.http import Headers
//   from mitmproxy.http import HTTPResponse          → from mitmproxy.http import Response  (+ uses renamed)
//   from mitmproxy.net import http; http.Headers(…)  → from mitmproxy import http           (the module moved)
//   from mitmproxy import http; http.HTTPResponse    → http.Response
//   import mitmproxy.net.http as nhttp; nhttp.Headers→ import mitmproxy.http as nhttp
//   mixed statements are split; uses that cannot follow their import are rewritten one by one.
//
// A move maps a qualified name and everything under it: {from: "a.b.X", to: "a.c.X"}.
import type { Node } from "./parser.js";
import type { SourceFile } from "./source.js";
import type { Scope } from "./scope.js";
import { isReference } from "./scope.js";

export interface Move {
  from: string;
  to: string;
}

export interface MoveResult {
  /** `from M import *` statements of a module that has moved names (cannot be followed). */
  wildcards: Node[];
  /** How many imports or uses were rewritten. */
  rewritten: number;
}

export function moved(moves: readonly Move[], q: string): string | null {
  let best: Move | null = null;
  for (const m of moves) {
    if ((q === m.from || q.startsWith(m.from + ".")) && (!best || m.from.length > best.from.length)) best = m;
  }
  return best ? best.to + q.slice(best.from.length) : null;
}

interface ItemInfo {
  statement: Node;
  item: Node; // dotted_name or aliased_import
  local: string; // bound name
  qualified: string; // what the binding means
  scope: Scope;
  /** `import a.b.c` without alias: binds `a`, uses are chains `a.b.c.…`. */
  dottedPath?: string;
}

interface Use {
  /** The node standing for the item's binding: an identifier, or the `a.b.c` chain of a dotted import. */
  base: Node;
  /** The outermost chain node whose name moved (null: this use does not move). */
  chain: Node | null;
  newName: string | null;
  /** Name suffix of chain beyond base (e.g. ".Headers"). */
  rest: string;
  /** Left alone on request (MoveOptions.skip). */
  skipped?: boolean;
}

export interface MoveOptions {
  /**
   * Uses for which this returns true are left as they are: never edited, and they keep an
   * import from being retargeted to a new module as a whole. (An imported name that itself
   * moved is still re-imported from its new home; such uses then follow it unedited.)
   */
  skip?: (use: Node) => boolean;
}

export function applyMoves(file: SourceFile, moves: readonly Move[], opts: MoveOptions = {}): MoveResult {
  const result: MoveResult = { wildcards: [], rewritten: 0 };
  const relevant = (q: string) => moves.some((m) => m.from === q || m.from.startsWith(q + ".") || q.startsWith(m.from + "."));

  // A star import matters only when the file uses a name it provides that has moved.
  for (const stmt of file.nodes("import_from_statement")) {
    const mod = stmt.childForFieldName("module_name");
    if (mod?.type !== "dotted_name" || !stmt.namedChildren.some((c) => c.type === "wildcard_import")) continue;
    if (!relevant(mod.text)) continue;
    const usesMoved = file
      .nodes("identifier")
      .some((id) => isReference(id) && moved(moves, `${mod.text}.${id.text}`) && file.scopes.resolveIdentifier(id) === null);
    if (usesMoved) result.wildcards.push(stmt);
  }

  const items = importItems(file).filter((i) => relevant(i.dottedPath ?? i.qualified));
  // Items of one statement that move to a new statement are collected, then written once.
  const split = new Map<number, { stmt: Node; lines: string[]; removed: Node[] }>();

  for (const info of items) {
    const uses = usesOf(file, info, moves, opts.skip);
    const own = moved(moves, info.dottedPath ?? info.qualified);
    let target = own;
    if (!target) {
      // The item itself did not move, but every use reaches a member that moved to one new home.
      const moving = uses.filter((u) => u.newName);
      if (moving.length > 0 && moving.length === uses.length) {
        const bases = new Set(
          moving.map((u) => (u.newName!.endsWith(u.rest) ? u.newName!.slice(0, u.newName!.length - u.rest.length) : "")),
        );
        const [base] = bases;
        if (bases.size === 1 && base !== "") target = base;
      }
    }
    if (target) {
      retarget(file, info, target, uses, split);
      result.rewritten++;
      continue;
    }
    for (const u of uses) {
      // A use whose text another edit of this pass already changes is left to the next pass.
      if (!u.chain || !u.newName || file.touches(u.chain)) continue;
      const expr = file.imports.expressionFor(u.newName, u.chain) ?? file.imports.ensure(u.newName);
      file.replace(u.chain, expr);
      result.rewritten++;
    }
  }

  for (const { stmt, lines, removed } of split.values()) {
    const items = stmt.childrenForFieldName("name");
    const indent = file.indentAt(stmt.startIndex);
    if (removed.length === items.length && lines.length > 0) {
      // Every item moved away: the new statements replace this one.
      file.replace(stmt, lines.join(file.layout.newline + indent));
    } else {
      file.imports.removeItems(stmt, removed);
      if (lines.length > 0) file.insert(stmt.endIndex, lines.map((l) => file.layout.newline + indent + l).join(""));
    }
  }
  return result;
}

/** The import items of the file (every scope), with what each binds. */
function importItems(file: SourceFile): ItemInfo[] {
  const out: ItemInfo[] = [];
  for (const imp of file.imports.all()) {
    const info: ItemInfo = { statement: imp.statement, item: imp.item, local: imp.local, qualified: imp.qualified, scope: imp.scope };
    if (imp.statement.type === "import_statement" && imp.item.type === "dotted_name") info.dottedPath = imp.item.text;
    out.push(info);
  }
  return out;
}

function usesOf(file: SourceFile, info: ItemInfo, moves: readonly Move[], skip?: (use: Node) => boolean): Use[] {
  const out: Use[] = [];
  for (const ident of file.imports.uses(info.local, info.scope)) {
    if (!isReference(ident)) continue;
    let base: Node = ident;
    let q = info.qualified;
    if (info.dottedPath) {
      // Uses of `import a.b.c` that go through a.b.c: climb to the chain node for it.
      const parts = info.dottedPath.split(".");
      let n: Node = ident;
      let ok = true;
      for (let i = 1; i < parts.length; i++) {
        const p = n.parent;
        if (p?.type !== "attribute" || p.childForFieldName("object")?.id !== n.id || p.childForFieldName("attribute")?.text !== parts[i]) {
          ok = false;
          break;
        }
        n = p;
      }
      if (!ok) continue; // a use of another `import a.x` statement's binding
      base = n;
      q = info.dottedPath;
    }
    if (skip?.(base)) {
      out.push({ base, chain: null, newName: null, rest: "", skipped: true });
      continue;
    }
    let chain: Node | null = null;
    let newName: string | null = null;
    let rest = "";
    let n = base;
    let cq = q;
    for (;;) {
      const p = n.parent;
      if (p?.type !== "attribute" || p.childForFieldName("object")?.id !== n.id) break;
      const attr = p.childForFieldName("attribute")!.text;
      cq = `${cq}.${attr}`;
      rest = `${rest}.${attr}`;
      const m = moved(moves, cq);
      if (m) {
        chain = p;
        newName = m;
        break;
      }
      n = p;
    }
    out.push({ base, chain, newName, rest: chain ? rest : "" });
  }
  return out;
}

function retarget(
  file: SourceFile,
  info: ItemInfo,
  target: string,
  uses: Use[],
  split: Map<number, { stmt: Node; lines: string[]; removed: Node[] }>,
): void {
  const stmt = info.statement;
  if (stmt.type === "import_statement") {
    const nameNode = info.item.type === "aliased_import" ? info.item.childForFieldName("name")! : info.item;
    file.replace(nameNode, target);
    if (info.dottedPath) {
      for (const u of uses) if (!u.skipped && !file.isEdited(u.base)) file.replace(u.base, target);
    }
    return;
  }
  // from M import n [as a]
  const dot = target.lastIndexOf(".");
  const newModule = target.slice(0, dot);
  const newName = target.slice(dot + 1);
  const alias = info.item.type === "aliased_import" ? info.item.childForFieldName("alias")!.text : null;
  const oldName = info.item.type === "aliased_import" ? info.item.childForFieldName("name")!.text : info.item.text;
  let itemText: string;
  if (alias) itemText = newName === alias ? newName : `${newName} as ${alias}`;
  else if (newName === oldName) itemText = newName;
  else if (!uses.some((u) => u.skipped) && renameUses(file, info, newName, target)) itemText = newName;
  else itemText = `${newName} as ${oldName}`;

  const items = stmt.childrenForFieldName("name");
  const module = stmt.childForFieldName("module_name")!;
  const alreadyBound = itemText === newName && boundTo(file, info.scope, newName, target);
  if (!alreadyBound && (items.length === 1 || module.text === newModule)) {
    // Rewrite in place: the statement's only item, or an item whose module stays.
    if (module.text !== newModule) file.replace(module, newModule);
    if (info.item.text !== itemText) file.replace(info.item, itemText);
    return;
  }
  let entry = split.get(stmt.id);
  if (!entry) split.set(stmt.id, (entry = { stmt, lines: [], removed: [] }));
  entry.removed.push(info.item);
  if (alreadyBound) return; // `from mitmproxy.http import Response` is already there
  const existing = entry.lines.findIndex((l) => l.startsWith(`from ${newModule} import `));
  if (existing >= 0) entry.lines[existing] += `, ${itemText}`;
  else entry.lines.push(`from ${newModule} import ${itemText}`);
}

/** Renames the uses of an unaliased from-import item to `newName` if that name is free. */
function renameUses(file: SourceFile, info: ItemInfo, newName: string, target: string): boolean {
  if (!file.imports.isFree(newName) && !boundTo(file, info.scope, newName, target)) return false;
  for (const ref of file.imports.uses(info.local, info.scope)) {
    if (!file.isEdited(ref)) file.replace(ref, newName);
  }
  return true;
}

function boundTo(file: SourceFile, scope: Scope, name: string, qualified: string): boolean {
  const bs = scope.bindings.get(name);
  if (!bs || bs.length === 0) return false;
  return bs.every((b) => b.kind === "import" && b.node.parent && qualifiedText(file, b.node) === qualified);
}

function qualifiedText(file: SourceFile, ident: Node): string | null {
  return file.imports.resolve(ident);
}
