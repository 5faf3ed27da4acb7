// CV12-01..07 (+ DEP12-12): an old-style contentviews.View becomes a v12 Contentview, whole
// classes only. A class is converted when every part of it has a known shape; otherwise it is
// left exactly as it was and the part that could not be converted is reported.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf, nameOf, parametersOf } from "../../src/addons.js";
import { argumentsOf, contains, enclosingFunction, isAssignmentTarget, isBytesLiteral, stringValue, isLoad } from "../../src/syntax.js";
import { isFreeIn, parameterUses } from "../../src/refactor.js";
import { METADATA_FIELDS, VIEW, isDirectLegacyView, localBase, markConverted, superclasses } from "../shared/contentview-classes.js";
import { ImportPlan } from "../../src/import-plan.js";

const ID = "v12/contentview-class";
const FORMAT_TEXT = ["mitmproxy.contentviews.format_text", "mitmproxy.contentviews.base.format_text"];
const FAIL = 'raise ValueError("cannot prettify this data")';
const NEW_API =
  "mitmproxy 12 replaced contentviews.View with contentviews.Contentview: prettify(self, data: bytes, metadata: " +
  "contentviews.Metadata) -> str instead of __call__, render_priority(self, data, metadata) -> float, failure by raising";

/** A part of a class that has no known v12 shape: the class is left unchanged. */
class Refusal {
  constructor(
    readonly node: Node,
    readonly id: string,
    readonly why: string,
    /** Rows of step 7 that already report this cause for users coming from 6. */
    readonly restates?: readonly string[],
  ) {}
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Note {
  node: Node;
  id: string;
  message: string;
}

/** What converting one class takes. */
interface ClassPlan {
  /** The classes converted together (a View subclass and its subclasses in the file). */
  family: Node[];
  edits: Edit[];
  notes: Note[];
  helpers: Set<"text" | "lines">;
  /** The top-level statement before which emitted helper functions go. */
  anchor: Node;
}

export default defineTransform({
  id: ID,
  catalog: ["CV12-01", "CV12-02", "CV12-03", "CV12-04", "CV12-05", "CV12-06", "CV12-07", "DEP12-12"],
  title: "class V(contentviews.View): __call__ → class V(contentviews.Contentview): prettify",
  safety: "safe",
  description:
    "mitmproxy 12 replaced contentviews.View (deprecated, hidden warning) with the Contentview protocol. A View " +
    "subclass becomes a Contentview (CV12-01, name kept, CV12-02); __call__(self, data, **metadata) or its " +
    "keyword-only form becomes prettify(self, data: bytes, metadata: contentviews.Metadata) -> str with " +
    "content_type/flow/… and metadata[\"x\"]/.get(\"x\") reads turned into metadata.x (CV12-03); " +
    "`return desc, format_text(x)` returns the text (CV12-04: a str literal as is, a bytes literal or the data " +
    "parameter decoded, anything else through an emitted helper) and other line iterators are joined by an emitted " +
    "module-level function (CV12-05), both with an info note that the description (and styles) are dropped; " +
    "`return None` and falling off the end become `raise ValueError(...)` (CV12-06); render_priority gets the " +
    "(data, metadata) signature with the same substitutions and keeps its values, with an info note on the " +
    "changed tie-break where it can return 1 or more (CV12-07). Only whole classes are converted: any part " +
    "without a known shape (other parameters, re-bound parameter names, **metadata used otherwise, other " +
    "return values, generators, __call__ called by name, …) leaves the class unchanged and is reported; a View " +
    "subclass and the classes of the file that subclass it are converted, or left, together. Uses of " +
    "contentviews.View other than as a view's base class (isinstance checks, annotations) are reported as " +
    "DEP12-12.",
  needs: ["View"],
  run(file) {
    const plans: ClassPlan[] = [];
    const imports = new ImportPlan(file, "mitmproxy.contentviews");
    for (const cls of file.nodes("class_definition")) {
      if (!isDirectLegacyView(file, cls)) continue;
      const family = familyOf(file, cls);
      try {
        plans.push(planFamily(file, family, imports));
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        const names = family.map(nameOf);
        const what = names.length === 1 ? `the class ${names[0]} was left unchanged: convert it` : `the classes ${names.join(", ")} were left unchanged: convert them`;
        file.report(e.node, e.id, `${NEW_API}; ${e.why}, so ${what} by hand`, { restates: e.restates });
      }
    }
    reportOtherViewUses(file);
    // All of a class or nothing: a class that another transform is editing this pass waits for the next one.
    const ready = plans.filter((p) => !p.edits.some((e) => overlapsEdit(file, e)));
    if (ready.length === 0) return;
    for (const p of ready) {
      for (const e of p.edits) file.replace({ start: e.start, end: e.end }, e.text);
      for (const n of p.notes) file.note(n.node, n.id, n.message);
      for (const cls of p.family) markConverted(file, cls);
    }
    emitHelpers(file, ready);
    imports.commit();
  },
});

/** Does this planned edit touch an edit some other transform made in this pass? */
function overlapsEdit(file: SourceFile, e: Edit): boolean {
  return file.edits.list().some((o) => {
    if (o.start === o.end && e.start === e.end) return false; // two insertions never clash
    if (o.start === o.end) return e.start < o.start && o.start < e.end;
    if (e.start === e.end) return o.start < e.start && e.start < o.end;
    return o.start < e.end && e.start < o.end;
  });
}

// ---- one class --------------------------------------------------------------------------

/** A View subclass and the classes of the file that subclass it (directly or not): converted together. */
function familyOf(file: SourceFile, root: Node): Node[] {
  const family = [root];
  for (let grew = true; grew; ) {
    grew = false;
    for (const cls of file.nodes("class_definition")) {
      if (family.includes(cls)) continue;
      if (superclasses(cls).some((b) => family.some((m) => localBase(file, b)?.id === m.id))) {
        family.push(cls);
        grew = true;
      }
    }
  }
  return family;
}

function planFamily(file: SourceFile, family: Node[], imports: ImportPlan): ClassPlan {
  const [root] = family;
  for (const cls of family) {
    const kwargs = cls.childForFieldName("superclasses")?.namedChildren.some((n) => n.type === "keyword_argument");
    if (superclasses(cls).length !== 1 || kwargs) {
      throw new Refusal(cls, "CV12-01", `${nameOf(cls)} has other base classes or class keywords besides ${cls === root ? "View" : "its view base"}`);
    }
  }
  const inFamily = (n: Node) => family.some((cls) => contains(cls, n));
  for (const call of file.nodes("call")) {
    const fn = call.childForFieldName("function")!;
    if (inFamily(call) && fn.type === "identifier" && fn.text === "self") throw new Refusal(call, "CV12-03", "it calls itself as self(...)");
  }
  for (const attr of file.nodes("attribute")) {
    if (attr.childForFieldName("attribute")?.text === "__call__") throw new Refusal(attr, "CV12-03", "__call__ is referred to by name");
  }
  const contentview = imports.expression("mitmproxy.contentviews.Contentview", root);
  const metadata = imports.expression("mitmproxy.contentviews.Metadata", root);
  if (!contentview || !metadata) throw new Refusal(root, "CV12-01", "the names Contentview/Metadata are taken in this file");

  const anchor = family.map(topLevelStatement).sort((a, b) => a.startIndex - b.startIndex)[0];
  const plan: ClassPlan = { family, edits: [], notes: [], helpers: new Set(), anchor };
  const base = superclasses(root)[0];
  plan.edits.push({ start: base.startIndex, end: base.endIndex, text: contentview });
  for (const cls of family) {
    const methods = methodsOf(cls);
    const prettify = methods.find((m) => nameOf(m) === "prettify");
    if (prettify) throw new Refusal(prettify, "CV12-03", `${nameOf(cls)} already has a prettify method`);
    if (cls === root && !methods.some((m) => nameOf(m) === "__call__")) throw new Refusal(cls, "CV12-03", "it has no __call__ method");
    for (const m of methods) {
      const mname = nameOf(m);
      if (mname !== "__call__" && mname !== "render_priority") continue;
      if (m.parent?.type === "decorated_definition") throw new Refusal(m, mname === "__call__" ? "CV12-03" : "CV12-07", `${mname} is decorated`);
      planMethod(file, m, mname === "__call__" ? "prettify" : "priority", metadata, plan);
    }
  }
  return plan;
}

// ---- __call__ / render_priority ---------------------------------------------------------

function planMethod(file: SourceFile, def: Node, kind: "prettify" | "priority", metadataExpr: string, plan: ClassPlan): void {
  const id = kind === "prettify" ? "CV12-03" : "CV12-07";
  const params = parametersOf(def).filter((p) => p.type !== "comment");
  const refuse = (node: Node, why: string): never => {
    throw new Refusal(node, id, why);
  };
  const [self, data, ...rest] = params;
  if (!self || self.type !== "identifier" || !data) refuse(def, `${nameOf(def)} does not take (self, data, …)`);
  if (data.type !== "identifier" && !(data.type === "typed_parameter" && data.namedChild(0)?.type === "identifier")) {
    refuse(data, "its data parameter has a default or is not a plain parameter");
  }
  const fields = new Map<string, Node>(); // parameter name → parameter node (content_type=None, …)
  let splat: Node | null = null;
  for (const p of rest) {
    if (splat) refuse(p, "it has parameters after **metadata");
    if (p.type === "keyword_separator") continue;
    if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const pname = p.childForFieldName("name")!.text;
      if (!METADATA_FIELDS.includes(pname)) refuse(p, `its parameter '${pname}' is not a metadata field`);
      if (p.childForFieldName("value")?.type !== "none") refuse(p, `its parameter '${pname}' defaults to something other than None`);
      fields.set(pname, p);
      continue;
    }
    const inner = p.type === "typed_parameter" ? p.namedChild(0) : p;
    if (inner?.type === "dictionary_splat_pattern") {
      splat = inner.namedChild(0);
      continue;
    }
    refuse(p, "it has parameters other than data, the metadata keywords and **metadata");
  }

  // The new parameter is called `metadata` (in the `**kw` form, `kw` when `metadata` is taken).
  let md = "metadata";
  const mdFree = splat?.text === md || isFreeIn(file, def, md);
  if (!mdFree && splat && fields.size === 0) md = splat.text;
  else if (!mdFree) refuse(def, "the name 'metadata' is already used in it");

  const scope = file.scopes.scopeFor(def)!;
  const rebound = (n: string) => (scope.bindings.get(n)?.length ?? 0) > 1 || scope.globals.has(n) || scope.nonlocals.has(n);
  for (const [field, p] of fields) {
    if (rebound(field)) refuse(p, `the parameter '${field}' is re-bound in the body`);
    for (const use of parameterUses(file, def, field)) {
      if (isAssignmentTarget(use)) refuse(use, `the parameter '${field}' is assigned to`);
      plan.edits.push({ start: use.startIndex, end: use.endIndex, text: `${md}.${field}` });
    }
  }
  if (splat) {
    if (rebound(splat.text)) refuse(splat, `'${splat.text}' is re-bound in the body`);
    for (const use of parameterUses(file, def, splat.text)) plan.edits.push(metadataRead(use, splat.text, md, refuse));
  }

  const params0 = def.childForFieldName("parameters")!;
  const returnType = def.childForFieldName("return_type");
  const dataText = data.type === "identifier" ? `${data.text}: bytes` : data.text;
  plan.edits.push({
    start: params0.startIndex,
    end: (returnType ?? params0).endIndex,
    text: `(${self.text}, ${dataText}, ${md}: ${metadataExpr}) -> ${kind === "prettify" ? "str" : "float"}`,
  });
  if (kind === "prettify") {
    plan.edits.push({ start: def.childForFieldName("name")!.startIndex, end: def.childForFieldName("name")!.endIndex, text: "prettify" });
    const dataName = (data.type === "identifier" ? data : data.namedChild(0)!).text;
    planReturns(file, def, rebound(dataName) ? null : dataName, plan, refuse);
  } else {
    planPriority(def, plan, refuse);
  }
}

/** Metadata keys of mitmproxy 6 views and what holds them in 12. */
const V6_KEYS: Record<string, string> = {
  headers: "metadata.http_message.headers",
  trailers: "metadata.http_message.trailers",
  query: "metadata.http_message.query",
  message: "metadata.http_message",
};

/** `kw.get("flow")` / `kw["flow"]` → `metadata.flow`; anything else refuses the class. */
function metadataRead(use: Node, splat: string, md: string, refuse: (n: Node, why: string) => never): Edit {
  const p = use.parent!;
  const field = (lit: Node | null | undefined): string => {
    const key = stringValue(lit ?? null);
    if (key === null) refuse(use, `'${splat}' is read with a key that is not a string literal`);
    if (!METADATA_FIELDS.includes(key!)) {
      const v6 = V6_KEYS[key!];
      const why = `'${splat}' is read with the key "${key}", which is not a field of contentviews.Metadata${v6 ? ` (a mitmproxy 6 key: use ${v6})` : ""}`;
      // Step 7 (V7-02) reports the same key for users coming from 6.
      throw new Refusal(use, "CV12-03", why, ["V7-02"]);
    }
    return key!;
  };
  if (p.type === "attribute" && p.childForFieldName("object")?.id === use.id && p.childForFieldName("attribute")?.text === "get") {
    const call = p.parent;
    if (call?.type === "call" && call.childForFieldName("function")?.id === p.id) {
      const args = argumentsOf(call);
      if (args.positional.length === 1 && args.keywords.size === 0 && !args.splat) {
        return { start: call.startIndex, end: call.endIndex, text: `${md}.${field(args.positional[0])}` };
      }
      refuse(call, `'${splat}.get()' is called with a default or other arguments`);
    }
  }
  if (p.type === "subscript" && p.childForFieldName("value")?.id === use.id && !isAssignmentTarget(p)) {
    const keys = p.childrenForFieldName("subscript");
    if (keys.length === 1) return { start: p.startIndex, end: p.endIndex, text: `${md}.${field(keys[0])}` };
  }
  return refuse(use, `'${splat}' is used other than through ${splat}.get("…") or ${splat}["…"]`);
}

function ownNodes(def: Node, types: string[]): Node[] {
  return def.descendantsOfType(types).filter((n) => enclosingFunction(n)?.id === def.id);
}

function planReturns(file: SourceFile, def: Node, dataName: string | null, plan: ClassPlan, refuse: (n: Node, why: string) => never): void {
  const yields = ownNodes(def, ["yield"]);
  if (yields.length > 0) throw new Refusal(yields[0], "CV12-05", "__call__ is a generator");
  const noted = new Set<string>();
  for (const ret of ownNodes(def, ["return_statement"])) {
    const value = ret.namedChildren.find((c) => c.type !== "comment") ?? null;
    if (!value || value.type === "none") {
      plan.edits.push({ start: ret.startIndex, end: ret.endIndex, text: FAIL }); // CV12-06
      continue;
    }
    const parts = value.type === "expression_list" || value.type === "tuple" ? value.namedChildren.filter((c) => c.type !== "comment") : [];
    if (parts.length !== 2 || parts.some((p) => p.type === "list_splat")) {
      throw new Refusal(ret, "CV12-05", "__call__ returns something other than a (description, lines) pair");
    }
    const [desc, lines] = parts;
    let text: string;
    let id: string;
    const args = lines.type === "call" ? argumentsOf(lines) : null;
    if (args && FORMAT_TEXT.includes(file.imports.resolve(lines.childForFieldName("function")) ?? "")) {
      if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat) refuse(lines, "format_text() is called with unusual arguments");
      id = "CV12-04";
      const e = args.positional[0];
      const isData = e.type === "identifier" && e.text === dataName && file.scopes.resolveIdentifier(e) === file.scopes.scopeFor(def);
      text = isData ? `${e.text}.decode("utf-8", "backslashreplace")` : toStr(e, plan);
    } else {
      id = "CV12-05";
      plan.helpers.add("lines");
      text = `${LINES_HELPER}(${lines.text})`;
    }
    plan.edits.push({ start: value.startIndex, end: value.endIndex, text });
    if (noted.has(id)) continue;
    noted.add(id);
    const d = stringValue(desc);
    const what =
      d !== null && d.length <= 60
        ? `the description "${d}"`
        : desc.text.length <= 40 && !desc.text.includes("\n")
          ? `the description \`${desc.text}\``
          : "the description";
    plan.notes.push({
      node: ret,
      id,
      message:
        id === "CV12-04"
          ? `${what} returned here was dropped: mitmproxy 12 contentviews have no per-view description (the view's name is shown instead)`
          : `the lines returned here are joined into one str by ${LINES_HELPER}() and their styles are lost (a Contentview returns plain text; ` +
            `set a class attribute such as syntax_highlight = "yaml" for colouring); ${what} was dropped`,
    });
  }
  // Falling off the end returned None ("fall back to Raw") in 11; in 12 a view signals that by raising.
  const body = def.childForFieldName("body")!;
  const stmts = body.namedChildren.filter((c) => c.type !== "comment");
  if (stmts.length === 0) refuse(def, "__call__ has no body");
  if (!alwaysExits(stmts)) {
    const last = stmts[stmts.length - 1];
    if (file.position(last.startIndex).line === file.position(def.startIndex).line) refuse(def, "__call__ is written on one line");
    plan.edits.push({ start: last.endIndex, end: last.endIndex, text: `\n${file.indentAt(stmts[0].startIndex)}${FAIL}` });
  }
}

/** `format_text(E)` as a str (CV12-04); `format_text(data)` (the bytes parameter) is handled by the caller. */
function toStr(e: Node, plan: ClassPlan): string {
  if (e.type === "string" && !isBytesLiteral(e)) return e.text;
  if (e.type === "string") return `${e.text}.decode("utf-8", "backslashreplace")`;
  if (e.type === "concatenated_string" && e.namedChildren.every((c) => !isBytesLiteral(c))) return e.text;
  plan.helpers.add("text");
  return `${TEXT_HELPER}(${e.text})`;
}

function planPriority(def: Node, plan: ClassPlan, refuse: (n: Node, why: string) => never): void {
  let high = false;
  for (const ret of ownNodes(def, ["return_statement"])) {
    const value = ret.namedChildren.find((c) => c.type !== "comment") ?? null;
    if (!value || value.type === "none") refuse(ret, "render_priority returns None (mitmproxy 12 requires a number)");
    if (maxValue(value!) >= 1) high = true;
  }
  if (high) {
    plan.notes.push({
      node: def.childForFieldName("name")!,
      id: "CV12-07",
      message:
        "render_priority keeps its values, but mitmproxy 12 breaks ties differently: a built-in view that returns the same " +
        "priority (built-ins return 1 for their content types, e.g. JSON for application/json) was registered first and " +
        "now wins, where in 11 the view with the greater name won; return 2 where this view must win",
    });
  }
}

/** The largest value a priority expression can have, when it is made of numeric literals (else Infinity). */
function maxValue(e: Node): number {
  switch (e.type) {
    case "integer":
    case "float":
      return Number(e.text.replace(/_/g, "")) || 0;
    case "parenthesized_expression":
      return maxValue(e.namedChildren[0]);
    case "unary_operator":
      return e.childForFieldName("operator")?.text === "-" ? 0 : maxValue(e.childForFieldName("argument")!);
    case "conditional_expression": {
      const [a, , b] = e.namedChildren;
      return Math.max(maxValue(a), maxValue(b));
    }
  }
  return Infinity;
}

/** Does this statement list always end in return/raise (so control never falls off its end)? */
function alwaysExits(stmts: Node[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  const block = (n: Node | null | undefined) => (n ? alwaysExits(n.namedChildren.filter((c) => c.type !== "comment")) : false);
  switch (last.type) {
    case "return_statement":
    case "raise_statement":
      return true;
    case "if_statement": {
      const alts = last.childrenForFieldName("alternative");
      if (!block(last.childForFieldName("consequence"))) return false;
      if (!alts.some((a) => a.type === "else_clause")) return false;
      return alts.every((a) => block(a.childForFieldName(a.type === "else_clause" ? "body" : "consequence")));
    }
    case "try_statement": {
      const fin = last.namedChildren.find((c) => c.type === "finally_clause");
      if (fin && block(fin.namedChildren.find((c) => c.type === "block"))) return true;
      const handlers = last.namedChildren.filter((c) => c.type === "except_clause" || c.type === "except_group_clause");
      const orelse = last.namedChildren.find((c) => c.type === "else_clause");
      const bodyExits = block(last.childForFieldName("body")) || (!!orelse && block(orelse.childForFieldName("body")));
      return bodyExits && handlers.every((h) => block(h.namedChildren.find((c) => c.type === "block")));
    }
    case "with_statement":
      return block(last.childForFieldName("body"));
  }
  return false;
}

// ---- emitted helpers (module level) ------------------------------------------------------

const TEXT_HELPER = "_to_str";
const LINES_HELPER = "_lines_to_str";
const HELPER_CODE = {
  text:
    `def ${TEXT_HELPER}(text: str | bytes) -> str:\n` +
    `    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)\n` +
    `    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")\n`,
  lines:
    `def ${LINES_HELPER}(lines) -> str:\n` +
    `    # Joins mitmproxy 11 contentview lines ([(style, text), …] each) into the str a mitmproxy 12\n` +
    `    # contentview returns; styles are dropped (mitm-codemod, CV12-05)\n` +
    `    return "\\n".join(\n` +
    `        "".join(t if isinstance(t, str) else t.decode("utf-8", "backslashreplace") for _style, t in line)\n` +
    `        for line in lines\n` +
    `    )\n`,
};

function emitHelpers(file: SourceFile, plans: ClassPlan[]): void {
  const wanted = new Map<"text" | "lines", Node>();
  for (const p of plans) {
    for (const h of p.helpers) {
      const cur = wanted.get(h);
      if (!cur || p.anchor.startIndex < cur.startIndex) wanted.set(h, p.anchor);
    }
  }
  for (const h of ["text", "lines"] as const) {
    const anchor = wanted.get(h);
    if (!anchor) continue;
    const name = h === "text" ? TEXT_HELPER : LINES_HELPER;
    if (!file.imports.isFree(name)) throw new Error(`${ID}: the helper name ${name} is taken`);
    file.insert(leadingCommentStart(file, anchor), file.code(HELPER_CODE[h]) + file.layout.newline.repeat(2));
  }
}

function topLevelStatement(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== "module") n = n.parent;
  return n;
}

/** Where the comment lines directly above a statement begin (they belong to it). */
function leadingCommentStart(file: SourceFile, stmt: Node): number {
  let start = file.lineStart(stmt.startIndex);
  for (;;) {
    if (start === 0) return start;
    const prev = file.lineStart(start - 1);
    if (!/^[ \t]*#/.test(file.text.slice(prev, start))) return start;
    start = prev;
  }
}

// ---- DEP12-12 ----------------------------------------------------------------------------

/** contentviews.View used other than as the base class of a view (isinstance, annotations, …). */
function reportOtherViewUses(file: SourceFile): void {
  for (const node of file.nodes(["identifier", "attribute"])) {
    // Both names of View are in mitmproxy.contentviews: a cheap test before resolving.
    if (!file.imports.mayReach(node, "mitmproxy.contentviews")) continue;
    if (node.parent?.type === "attribute" && node.parent.childForFieldName("object")?.id === node.id) continue;
    if (node.type === "identifier" && !isLoad(node)) continue;
    if (!VIEW.includes(file.imports.resolve(node) ?? "")) continue;
    const p = node.parent;
    if (p?.type === "argument_list" && p.parent?.type === "class_definition") continue; // a base class: CV12-01
    file.report(
      node,
      "DEP12-12",
      "contentviews.View is deprecated since mitmproxy 12 and the registry holds contentviews.Contentview objects " +
        "(a View is wrapped in a LegacyContentview), so isinstance checks and annotations with View no longer describe " +
        "registered views; use contentviews.Contentview",
    );
  }
}

