// L9-02: the add_log event is deprecated since mitmproxy 9 (it is still fired, by a
// logging.Handler that mitmproxy installs, and entry.msg now carries a "[HH:MM:SS.mmm] "
// prefix). The replacement is a logging.Handler of the addon's own, installed in load() and
// removed in done().
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { HookFunction } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf, nameOf, parameterName } from "../../src/addons.js";
import { isFreeIn, parameterAt, parameterUses } from "../../src/refactor.js";
import { attributeName, bodyStatements, isAssignmentTarget, isFiller } from "../../src/syntax.js";
import { decoratorsOf, definitionStatement, isAsync } from "../../src/nodes.js";

const MESSAGE =
  "the add_log event is deprecated since mitmproxy 9 (and entry.msg now carries a timestamp prefix); register a logging.Handler instead.";
/** What mitmproxy ≤8 called its levels, from the stdlib level (mitmproxy.log.LOGGING_LEVELS_TO_LOGENTRY). */
const LEVEL_MAP = [
  ["DEBUG", "debug"],
  ["INFO", "info"],
  ["ALERT", "alert"],
  ["WARNING", "warn"],
  ["ERROR", "error"],
] as const;

export default defineTransform({
  id: "v9/add-log-handler",
  catalog: ["L9-02"],
  title: "def add_log(self, entry) → a logging.Handler installed in load() and removed in done()",
  safety: "safe",
  description:
    "mitmproxy 9 routes its log through the standard logging module; the add_log event is deprecated and " +
    "its entry.msg now starts with a \"[HH:MM:SS.mmm] \" timestamp. When an add_log hook only reads entry.msg " +
    "and entry.level, it becomes a plain method taking (msg, level), called by a module-level logging.Handler " +
    "class whose emit(record) passes record.getMessage() and the mitmproxy level name of record.levelno " +
    "(debug/info/alert/warn/error, anything else error). The handler is added to the root logger in load() and " +
    "removed in done() (existing load/done are extended, never made async). Hooks that use the entry any other " +
    "way, log themselves, or cannot get load/done safely are reported.",
  needs: ["add_log"],
  run(file) {
    for (const hook of file.addons.hooksNamed("add_log")) {
      const why = rewrite(file, hook);
      if (why) file.report(hook.def.childForFieldName("name")!, "L9-02", `${MESSAGE} ${why}`);
    }
  },
});

/** Rewrites one add_log hook; returns why it could not (then nothing was edited). */
function rewrite(file: SourceFile, hook: HookFunction): string | null {
  const def = hook.def;
  const isMethod = hook.owner !== null;
  if (isAsync(def) || decoratorsOf(def).length > 0) return "This hook is async or decorated; move its body into a logging.Handler's emit() by hand.";
  const param = parameterAt(def, 0, isMethod);
  const entry = param ? parameterName(param) : null;
  if (!param || !entry || param.type === "default_parameter" || param.type === "typed_default_parameter") {
    return "Its entry parameter could not be found.";
  }
  // Only entry.msg and entry.level, read.
  const uses = parameterUses(file, def, entry.text);
  const fields = new Set<string>();
  for (const u of uses) {
    const a = u.parent;
    const f = a?.type === "attribute" && a.childForFieldName("object")?.id === u.id ? attributeName(a) : null;
    if ((f !== "msg" && f !== "level") || isAssignmentTarget(a!)) {
      return `It uses ${entry.text} other than by reading ${entry.text}.msg / ${entry.text}.level; read record.getMessage() in a logging.Handler's emit() instead of entry.msg.`;
    }
    fields.add(f);
  }
  if (logsItself(file, def)) return "Its body logs, and a handler that logs calls itself; rewrite it by hand (e.g. guard against re-entry).";

  const owner = hook.owner;
  if (definitionStatement(owner ?? def).parent?.type !== "module") {
    return "It is not defined at the top level of the module; install a logging.Handler in load() and remove it in done() by hand.";
  }
  const existing = (name: string) =>
    owner ? (methodsOf(owner).find((m) => nameOf(m) === name) ?? null) : (moduleFunction(file, name) ?? null);
  const load = existing("load");
  const done = existing("done");
  if (owner && (!load || !done)) {
    const bases = owner.childForFieldName("superclasses")?.namedChildren.filter((b) => b.type !== "comment") ?? [];
    if (bases.some((b) => b.text !== "object")) {
      return "Its class has base classes, so adding load()/done() could hide theirs; install a logging.Handler in load() and remove it in done() by hand.";
    }
  }
  for (const f of [load, done]) {
    if (!f) continue;
    if (!file.addons.isHook(f)) return `Its ${nameOf(f)}() is not the ${nameOf(f)} hook (the addon calls it itself); install a logging.Handler by hand.`;
    if (isAsync(f)) return `${nameOf(f)}() is async (mitmproxy refuses that, A8-01); fix it first.`;
    if (!canInsertInto(file, f)) return `${nameOf(f)}() has its body on the def line; install the handler by hand.`;
  }

  // Names for the new pieces; each must be free where it goes.
  const ownerName = owner ? nameOf(owner) : null;
  const handlerClass = freeModuleName(file, ownerName ? [`${ownerName}LogHandler`, `${ownerName}LogRecordHandler`] : ["AddLogHandler", "AddonLogHandler"]);
  const method = firstFree(["handle_log", "handle_log_entry"], (n) => !mentionsName(owner ?? file.root, n));
  const holder = firstFree(["log_handler", "add_log_handler"], (n) => !mentionsName(owner ?? file.root, n));
  const msgName = firstFree(["msg", "message", "log_msg"], (n) => isFreeIn(file, def, n));
  const levelName = firstFree(["level", "log_level"], (n) => isFreeIn(file, def, n));
  if (!handlerClass || !method || !holder || !msgName || !levelName) return "The names it needs are taken in this file.";
  if (!owner && !isFreeModule(file, holder)) return "The names it needs are taken in this file.";
  const logging = file.imports.reach("logging", def, { asModule: true });
  if (!logging) return "The name 'logging' is taken here.";
  let alert = "";
  if (fields.has("level")) {
    const a = file.imports.reach("mitmproxy.log.ALERT", def);
    if (!a) return "The name 'ALERT' is taken here.";
    alert = a;
  }

  // 1. The handler class, before the addon class (or the module-level hook).
  const order = (["msg", "level"] as const).filter((f) => fields.has(f));
  const args = order.map((f) => (f === "msg" ? "record.getMessage()" : "self.LEVELS.get(record.levelno, \"error\")"));
  const levels = fields.has("level")
    ? [
        "    LEVELS = {",
        ...LEVEL_MAP.map(([std, old]) => `        ${std === "ALERT" ? alert : `${logging}.${std}`}: "${old}",`),
        "    }",
        "",
      ]
    : [];
  const target = ownerName ? `${ownerName}.${method}` : method;
  const cls = [
    `class ${handlerClass}(${logging}.Handler):`,
    `    """Passes log records to ${target} (the add_log event is deprecated since mitmproxy 9)."""`,
    "",
    ...levels,
    "    def __init__(self, callback):",
    "        super().__init__()",
    "        self.callback = callback",
    "",
    `    def emit(self, record: ${logging}.LogRecord) -> None:`,
    "        try:",
    `            self.callback(${args.join(", ")})`,
    "        except Exception:",
    "            self.handleError(record)",
  ].join("\n");
  const nl = file.layout.newline;
  const top = definitionStatement(owner ?? def);
  file.insert(file.lineStart(leadingComments(file, top).startIndex), file.code(cls) + nl + nl + nl);

  // 2. The hook becomes a plain method / function taking what its body read.
  file.replace(def.childForFieldName("name")!, method);
  file.replace(param, order.map((f) => (f === "msg" ? msgName : levelName)).join(", "));
  for (const u of uses) file.replace(u.parent!, u.parent!.childForFieldName("attribute")!.text === "msg" ? msgName : levelName);

  // 3. Install in load(), remove in done().
  const ref = owner ? `self.${holder}` : holder;
  const create = owner ? [`${ref} = ${handlerClass}(self.${method})`] : [];
  const add = [...create, `${logging}.getLogger().addHandler(${ref})`];
  const remove = [`${logging}.getLogger().removeHandler(${ref})`];
  const stmt = definitionStatement(def);
  const indent = file.indentAt(stmt.startIndex);
  const self = owner ? "self, " : "";
  const selfOnly = owner ? "self" : "";
  if (load) insertAtBodyStart(file, load, add);
  if (done) insertAtBodyStart(file, done, remove);
  if (owner) {
    if (!load) {
      const text = file.code(["def load(" + self + "loader):", ...add.map((l) => "    " + l)].join("\n"), indent);
      file.insert(file.lineStart(leadingComments(file, stmt).startIndex), text + nl + nl);
    }
    if (!done) {
      const text = file.code(["def done(" + selfOnly + "):", ...remove.map((l) => "    " + l)].join("\n"), indent);
      insertAfter(file, stmt, nl + text + nl);
    }
  } else {
    const parts = [`${holder} = ${handlerClass}(${method})`];
    if (!load) parts.push("", "", "def load(loader):", ...add.map((l) => "    " + l));
    if (!done) parts.push("", "", "def done():", ...remove.map((l) => "    " + l));
    insertAfter(file, stmt, nl + nl + file.code(parts.join("\n")) + nl);
  }
  file.note(
    def.childForFieldName("name")!,
    "L9-02",
    `add_log was replaced by ${handlerClass}, a logging.Handler on the root logger: it receives every record (other ` +
      `libraries' too, as add_log did since mitmproxy 9) without the timestamp prefix, synchronously in the thread that logs.`,
  );
  return null;
}

/** Does the function call logging, ctx.log or ctx.master.log (which would re-enter the handler)? */
function logsItself(file: SourceFile, def: Node): boolean {
  for (const call of def.descendantsOfType("call")) {
    const q = file.imports.resolve(call.childForFieldName("function"));
    if (!q) continue;
    if (q.startsWith("logging.") || q.startsWith("mitmproxy.ctx.log") || q.startsWith("mitmproxy.ctx.master.log")) return true;
  }
  return false;
}

function moduleFunction(file: SourceFile, name: string): Node | undefined {
  for (const stmt of file.root.namedChildren) {
    const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (def?.type === "function_definition" && nameOf(def) === name) return def;
  }
  return undefined;
}

function firstFree(names: string[], free: (n: string) => boolean): string | null {
  return names.find(free) ?? null;
}

/** Is `name` written anywhere inside `node` (as a name or an attribute)? */
function mentionsName(node: Node, name: string): boolean {
  return node.descendantsOfType("identifier").some((i) => i.text === name);
}

function isFreeModule(file: SourceFile, name: string): boolean {
  return file.imports.isFree(name) && !mentionsName(file.root, name);
}

function freeModuleName(file: SourceFile, names: string[]): string | null {
  return names.find((n) => isFreeModule(file, n)) ?? null;
}

/** The first of the comment lines directly above `stmt` (they belong to it), or `stmt`. */
function leadingComments(file: SourceFile, stmt: Node): Node {
  let anchor = stmt;
  for (let p = anchor.previousSibling; p?.type === "comment"; p = p.previousSibling) {
    const between = file.text.slice(p.endIndex, anchor.startIndex);
    if (!/^[ \t]*\r?\n[ \t]*$/.test(between)) break;
    anchor = p;
  }
  return anchor;
}

/** Can lines be inserted at the start of the function's body (the body starts on its own line)? */
function canInsertInto(file: SourceFile, fn: Node): boolean {
  const first = bodyStatements(fn)[0];
  if (!first) return false;
  return file.lineStart(first.startIndex) > fn.childForFieldName("name")!.startIndex;
}

/** Inserts statements at the start of a function body, after its docstring. */
function insertAtBodyStart(file: SourceFile, fn: Node, lines: string[]): void {
  const stmts = bodyStatements(fn);
  const first = stmts[0];
  const indent = file.indentAt(first.startIndex);
  const doc = isFiller(first) && first.type === "expression_statement" ? first : null;
  const code = file.code(lines.join("\n"), indent) + file.layout.newline;
  if (doc) file.insert(file.lineEnd(doc.endIndex), code);
  else file.insert(file.lineStart(first.startIndex), code);
}

/** Inserts text after the last line of a statement. */
function insertAfter(file: SourceFile, stmt: Node, text: string): void {
  const end = file.lineEnd(stmt.endIndex);
  const needsNewline = end === file.text.length && !file.text.endsWith("\n");
  file.insert(end, (needsNewline ? file.layout.newline : "") + text);
}
