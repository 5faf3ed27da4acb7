// CV12-08, CV12-09, DEP12-13, DEP12-14: registering and looking up content views in mitmproxy 12.
//   view = V() + load(): contentviews.add(view) + done(): contentviews.remove(view)  →  contentviews.add(V)
//   contentviews.remove(x)  → deleted (a deprecated no-op)
//   contentviews.get(name)  → contentviews.registry.get(name); contentviews.get(name)(data, …) is reported
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import type { HookFunction } from "../../src/addons.js";
import { argumentsOf, bodyStatements, callOf, contains, isFiller, objectOf } from "../../src/syntax.js";
import { enclosingLegacyView, isContentview, isLegacyView, moduleClass } from "../shared/contentview-classes.js";
import { isNameChain } from "../../src/nodes.js";

const CV = "mitmproxy.contentviews";
const ADD = `${CV}.add`;
const REMOVE = `${CV}.remove`;
const GET = `${CV}.get`;

export default defineTransform({
  id: "v12/contentview-registration",
  catalog: ["CV12-08", "CV12-09", "DEP12-13", "DEP12-14"],
  title: "load/done contentviews.add/remove → module-level contentviews.add(V); contentviews.get → registry.get",
  safety: "safe",
  description:
    "In mitmproxy 12 contentviews.add() takes a Contentview class or instance and replaces a view of the same " +
    "name, contentviews.remove() is a deprecated no-op and contentviews.get() is deprecated. When a script's " +
    "load() only adds views whose classes are (now) Contentviews and done() only removes them, both functions " +
    "go and a module-level contentviews.add(V) takes the place of `view = V()` (CV12-08), as in the v12 example. " +
    "Other contentviews.remove(x) statements are deleted, with done() when nothing else is left in it (DEP12-14). " +
    "contentviews.get(name) becomes contentviews.registry.get(name), which is what the deprecated function does " +
    "(DEP12-13); calling the result like a v11 View, contentviews.get(name)(data, …) or through a name it was " +
    "assigned to, is reported (CV12-09). " +
    "Views whose class stayed an old-style View (see v12/contentview-class) are left as they are.",
  needs: ["contentviews"],
  run(file) {
    // v12/contentview-class runs first: the classes it converts in this pass count as Contentviews.
    const calls = (q: string) => file.nodes("call").filter((c) => file.imports.resolve(c.childForFieldName("function")) === q);
    lookups(file, calls(GET));
    const handled = moduleLevelRegistration(file, calls(ADD), calls(REMOVE));
    deleteRemoves(file, calls(REMOVE).filter((c) => !handled.has(c.id)));
  },
});

// ---- CV12-09 / DEP12-13 ------------------------------------------------------------------

const CALLED =
  "a mitmproxy 12 content view cannot be called like a v11 View (contentviews.get() is deprecated and returns a " +
  "Contentview); use contentviews.registry[name].prettify(data, contentviews.Metadata(content_type=…, flow=…)), " +
  "which returns a str";

function lookups(file: SourceFile, gets: Node[]): void {
  for (const call of gets) {
    const fn = call.childForFieldName("function")!;
    if (callOf(call)) {
      file.report(call.parent!, "CV12-09", CALLED);
      continue;
    }
    // view = contentviews.get("JSON") … view(data, …): the view is called later.
    const calledLater = callsOfAssignedName(file, call);
    if (calledLater.length > 0) {
      for (const c of calledLater) file.report(c, "CV12-09", CALLED);
      continue;
    }
    if (fn.type === "attribute" && file.imports.resolve(objectOf(fn)) === CV && !enclosingLegacyView(file, call)) {
      file.replace(fn.childForFieldName("attribute")!, "registry.get");
      continue;
    }
    file.report(
      call,
      "DEP12-13",
      "contentviews.get() is deprecated since mitmproxy 12; use contentviews.registry.get(name) (the same lookup; it returns " +
        "a Contentview, whose prettify(data, metadata) returns a str)",
    );
  }
}

/** When `value` is assigned to a plain name, the calls of that name (`v(...)`). */
function callsOfAssignedName(file: SourceFile, value: Node): Node[] {
  const assign = value.parent;
  const target = assign?.type === "assignment" && assign.childForFieldName("right")?.id === value.id ? assign.childForFieldName("left") : null;
  if (target?.type !== "identifier") return [];
  const scope = file.scopes.lookup(target.text, file.scopes.scopeOf(target));
  if (!scope) return [];
  return file.scopes
    .references(scope, target.text)
    .map((u) => callOf(u))
    .filter((c): c is Node => c !== null);
}

// ---- CV12-08 -----------------------------------------------------------------------------

interface Registered {
  /** The add() call in load(). */
  add: Node;
  cls: Node;
  /** `view = V(...)` at module level, when the argument is such a name. */
  assignment?: { name: string; statement: Node; value: Node };
}

/** The whole pattern, or nothing: returns the add/remove calls it handled. */
function moduleLevelRegistration(file: SourceFile, adds: Node[], removes: Node[]): Set<number> {
  const none = new Set<number>();
  const hooks = (name: string) => file.addons.hooksNamed(name).filter((h) => h.owner === null);
  const [load] = hooks("load");
  const [done] = hooks("done");
  if (!load || hooks("load").length > 1 || hooks("done").length > 1) return none;
  const loadCalls = onlyCalls(load, adds);
  const doneCalls = done ? onlyCalls(done, removes) : [];
  if (!loadCalls || loadCalls.length === 0 || !doneCalls) return none;

  const registered: Registered[] = [];
  for (const add of loadCalls) {
    const r = registeredView(file, add);
    if (!r || isLegacyView(file, r.cls) || !isContentview(file, r.cls)) return none;
    registered.push(r);
  }
  const names = new Set(registered.map((r) => r.assignment?.name));
  for (const remove of doneCalls) {
    const arg = argumentsOf(remove).positional[0];
    if (arg?.type !== "identifier" || !names.has(arg.text)) return none;
  }

  const removed = [load.def, ...(done ? [done.def] : [])].map(topLevel);
  // All or nothing: wait for the next pass if another transform is editing these statements.
  const touched = [...removed, ...registered.map((r) => r.assignment?.statement).filter((n): n is Node => !!n)];
  if (file.edits.list().some((e) => touched.some((n) => e.start < n.endIndex && n.startIndex < e.end))) return none;
  const callee = loadCalls[0].childForFieldName("function")!.text;
  const nl = file.layout.newline;
  const newText: string[] = [];
  for (const r of registered) {
    const cls = r.cls.childForFieldName("name")!.text;
    const instance = r.assignment ? r.assignment.value : argumentsOf(r.add).positional[0];
    const what = instance.type === "call" && argumentsOf(instance).positional.length === 0 && argumentsOf(instance).keywords.size === 0 ? cls : instance.text;
    if (r.assignment) {
      const others = file.imports
        .uses(r.assignment.name)
        .filter((u) => !removed.some((d) => contains(d, u)) && !contains(r.assignment!.statement, u));
      if (others.length === 0) {
        const text = `${callee}(${what})`;
        file.replace(r.assignment.statement, text);
        newText.push(text);
      } else {
        const text = `${callee}(${r.assignment.name})`;
        file.insert(file.lineEnd(r.assignment.statement.endIndex), text + nl);
        newText.push(text);
      }
    } else {
      const text = `${callee}(${what})`;
      const after = topLevel(r.cls);
      const at = load.def.startIndex > after.endIndex ? topLevel(load.def) : after;
      file.insert(file.lineEnd(at.endIndex), nl + nl + text + nl);
      newText.push(text);
    }
  }
  for (const def of removed) removeBlock(file, def);
  dropUnusedImports(file, removed, newText.join("\n"));
  return new Set([...loadCalls, ...doneCalls].map((c) => c.id));
}

/** The calls (from `candidates`) that make up a hook's whole body, or null when it holds anything else. */
function onlyCalls(hook: HookFunction, candidates: Node[]): Node[] | null {
  const out: Node[] = [];
  for (const stmt of bodyStatements(hook.def)) {
    if (isFiller(stmt)) continue;
    const call = stmt.type === "expression_statement" && stmt.namedChildCount === 1 ? stmt.namedChild(0) : null;
    if (!call || !candidates.some((c) => c.id === call.id)) return null;
    const args = argumentsOf(call);
    if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat) return null;
    out.push(call);
  }
  return out;
}

/** What `contentviews.add(<arg>)` registers, when the file defines it: `view`, `V()` or `V`. */
function registeredView(file: SourceFile, add: Node): Registered | null {
  const arg = argumentsOf(add).positional[0];
  if (arg.type === "call") {
    const fn = arg.childForFieldName("function")!;
    const cls = fn.type === "identifier" ? moduleClass(file, fn.text) : null;
    return cls ? { add, cls } : null;
  }
  if (arg.type !== "identifier") return null;
  const direct = moduleClass(file, arg.text);
  if (direct) return { add, cls: direct };
  const bindings = file.scopes.module.bindings.get(arg.text);
  if (!bindings || bindings.length !== 1 || bindings[0].kind !== "assignment") return null;
  const value = bindings[0].value;
  const statement = bindings[0].node.parent?.parent;
  if (value?.type !== "call" || statement?.type !== "expression_statement" || statement.parent?.type !== "module") return null;
  const fn = value.childForFieldName("function")!;
  const cls = fn.type === "identifier" ? moduleClass(file, fn.text) : null;
  return cls ? { add, cls, assignment: { name: arg.text, statement, value } } : null;
}

// ---- DEP12-14 ----------------------------------------------------------------------------

function deleteRemoves(file: SourceFile, removes: Node[]): void {
  const emptied = new Set<number>();
  for (const call of removes) {
    const stmt = call.parent;
    const arg = argumentsOf(call).positional[0];
    if (stmt?.type !== "expression_statement" || stmt.namedChildCount !== 1 || !arg || !isNameChain(arg)) {
      file.report(
        call,
        "DEP12-14",
        "contentviews.remove() is a deprecated no-op since mitmproxy 12 (add() replaces a view of the same name); delete the call",
      );
      continue;
    }
    if (isLegacyInstance(file, arg)) continue; // that view is left as it was
    const def = stmt.parent?.parent;
    const hook = def?.type === "function_definition" && file.addons.isHook(def) && def.childForFieldName("name")?.text === "done";
    if (hook && bodyStatements(def!).every((s) => isFiller(s) || removes.some((r) => r.parent?.id === s.id))) {
      if (!emptied.has(def!.id)) removeBlock(file, topLevel(def!));
      emptied.add(def!.id);
      continue;
    }
    file.imports.removeStatement(stmt);
  }
}

/** Is `arg` a module-level instance (or the class) of an old-style View class of this file? */
function isLegacyInstance(file: SourceFile, arg: Node): boolean {
  if (arg.type !== "identifier") return false;
  const cls = moduleClass(file, arg.text);
  if (cls) return isLegacyView(file, cls);
  const b = file.scopes.module.bindings.get(arg.text);
  const value = b?.length === 1 ? b[0].value : undefined;
  const fn = value?.type === "call" ? value.childForFieldName("function") : null;
  const c = fn?.type === "identifier" ? moduleClass(file, fn.text) : null;
  return !!c && isLegacyView(file, c);
}

// ---- editing helpers ---------------------------------------------------------------------

function topLevel(n: Node): Node {
  return n.parent?.type === "decorated_definition" ? n.parent : n;
}

/** Deletes a statement with the comment lines right above it and the blank lines before those. */
function removeBlock(file: SourceFile, stmt: Node): void {
  const text = file.text;
  let start = file.lineStart(stmt.startIndex);
  const isLine = (re: RegExp) => start > 0 && re.test(text.slice(file.lineStart(start - 1), start));
  while (isLine(/^[ \t]*#[^\n]*\r?\n$/)) start = file.lineStart(start - 1);
  while (isLine(/^[ \t]*\r?\n$/)) start = file.lineStart(start - 1);
  const parent = stmt.parent;
  const siblings = parent ? parent.namedChildren.filter((n) => n.type !== "comment") : [];
  if (parent?.type === "block" && siblings.length === 1) {
    file.replace(stmt, "pass");
    return;
  }
  file.remove({ start, end: file.lineEnd(stmt.endIndex) });
}

/** Removes module-level imports whose every use was inside the deleted functions (e.g. `Loader`). */
function dropUnusedImports(file: SourceFile, deleted: Node[], newText: string): void {
  for (const imp of file.imports.all()) {
    if (imp.scope !== file.scopes.module) continue;
    const uses = file.imports.uses(imp.local);
    if (uses.length === 0 || !uses.every((u) => deleted.some((d) => contains(d, u)))) continue;
    if (new RegExp(`(?<![\\w.])${imp.local}\\b`).test(newText)) continue;
    file.imports.removeIfUnused(imp.local);
  }
}
