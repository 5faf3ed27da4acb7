// L9-01: ctx.log is deprecated since mitmproxy 9 (it warns invisibly and forwards to the root
// logger); the standard logging module is the replacement.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";

const LOG = "mitmproxy.ctx.log";
const MESSAGE =
  "ctx.log is deprecated since mitmproxy 9; use the standard logging module (logging.info, logging.warning, …; ALERT from mitmproxy.log).";

/** mitmproxy ≤8 level names → the stdlib function (alert has no function: logging.log(ALERT, …)). */
const LEVELS: Record<string, string | null> = {
  debug: "debug",
  info: "info",
  warn: "warning",
  error: "error",
  alert: null,
};

export default defineTransform({
  id: "v9/ctx-log",
  catalog: ["L9-01"],
  title: "ctx.log.info(x) / ctx.log(x, level) → logging.info(x) …",
  safety: "safe",
  description:
    "mitmproxy 9 switched to the standard logging module; ctx.log still works but is deprecated and " +
    "its DeprecationWarning is hidden. Every call form (ctx.log.debug/info/warn/error/alert, ctx.log(x), " +
    "ctx.log(x, \"warn\"), mitmproxy.ctx.log…, aliases such as `log = ctx.log`) becomes the matching " +
    "logging call; alert becomes logging.log(ALERT, x) with ALERT from mitmproxy.log. `import logging` is " +
    "added and the ctx import is removed when nothing else uses it. Calls with more than one message " +
    "argument, a level that is not a string literal, or ctx.log passed around as a value are reported.",
  needs: ["log"],
  run(file) {
    const handled = new Set<number>();
    let rewrote = false;
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      if (q === LOG) rewrote = rewriteLogCall(file, call, fn) || rewrote;
      else if (q?.startsWith(LOG + ".") && q.split(".").length === 4) {
        rewrote = rewriteLevelCall(file, call, fn, q.slice(LOG.length + 1)) || rewrote;
      } else continue;
      handled.add(fn.id);
    }
    // ctx.log used any other way: passed around, stored, or a method we do not know.
    for (const node of file.nodes(["attribute", "identifier"])) {
      if (node.parent?.type === "attribute" && node.parent.childForFieldName("object")?.id === node.id) continue;
      if (handled.has(node.id) || isAliasDefinition(node)) continue;
      if (node.type === "identifier" && !isLoad(node)) continue;
      const q = file.imports.resolve(node);
      if (q !== LOG && !q?.startsWith(LOG + ".")) continue;
      if (node.parent?.type === "call" && node.parent.childForFieldName("function")?.id === node.id) continue;
      file.report(node, "L9-01", `${MESSAGE} This use of ctx.log (not a direct call) could not be rewritten.`);
    }
    if (rewrote) cleanUp(file);
  },
});

function rewriteLevelCall(file: SourceFile, call: Node, fn: Node, level: string): boolean {
  const args = call.childForFieldName("arguments");
  const argList = args?.type === "argument_list" ? args.namedChildren.filter((c) => c.type !== "comment") : [];
  if (!(level in LEVELS)) {
    file.report(call, "L9-01", `${MESSAGE} ctx.log.${level}() has no logging equivalent the tool knows.`);
    return false;
  }
  if (argList.length !== 1 || argList[0].type === "keyword_argument" || isSplat(argList[0])) {
    file.report(call, "L9-01", `${MESSAGE} This call does not have exactly one message argument; rewrite it by hand.`);
    return false;
  }
  return replaceCallee(file, call, fn, level);
}

function rewriteLogCall(file: SourceFile, call: Node, fn: Node): boolean {
  // ctx.log(text, level="info")
  const args = call.childForFieldName("arguments");
  const argList = args?.type === "argument_list" ? args.namedChildren.filter((c) => c.type !== "comment") : [];
  const positional = argList.filter((a) => a.type !== "keyword_argument");
  const keywords = argList.filter((a) => a.type === "keyword_argument");
  const cannot = (why: string) => {
    file.report(call, "L9-01", `${MESSAGE} ${why}`);
    return false;
  };
  if (argList.some(isSplat) || positional.length === 0 || positional.length > 2) {
    return cannot("This call's arguments could not be mapped; rewrite it by hand.");
  }
  let levelNode: Node | null = positional[1] ?? null;
  for (const k of keywords) {
    if (k.childForFieldName("name")?.text !== "level" || levelNode) return cannot("Unexpected keyword argument; rewrite it by hand.");
    levelNode = k.childForFieldName("value");
  }
  if (argList[0].type === "keyword_argument") return cannot("The message is passed by keyword; rewrite it by hand.");
  let level = "info";
  if (levelNode) {
    const lit = stringLiteral(levelNode);
    if (lit === null || !(lit in LEVELS)) {
      return cannot(
        "The level is not a string literal; use logging.log(logging.getLevelName(level.upper()), msg) if it is always a level name.",
      );
    }
    level = lit;
  }
  if (!replaceCallee(file, call, fn, level)) return false;
  if (levelNode) {
    // Drop the level argument together with the comma before it.
    const msg = positional[0];
    const lastArg = argList[argList.length - 1];
    file.remove({ start: msg.endIndex, end: lastArg.endIndex });
  }
  return true;
}

/** Replaces the callee (and, for alert, inserts ALERT as first argument). */
function replaceCallee(file: SourceFile, call: Node, fn: Node, level: string): boolean {
  const logging = file.imports.reach("logging", call, { asModule: true });
  if (!logging) {
    file.report(call, "L9-01", `${MESSAGE} The name 'logging' is taken here; rewrite it by hand.`);
    return false;
  }
  const func = LEVELS[level];
  if (func) return file.replace(fn, `${logging}.${func}`);
  const alert = file.imports.reach("mitmproxy.log.ALERT", call);
  if (!alert) {
    file.report(call, "L9-01", `${MESSAGE} The name 'ALERT' is taken here; rewrite it by hand.`);
    return false;
  }
  const args = call.childForFieldName("arguments")!;
  return file.replace(fn, `${logging}.log`) && file.insert(args.startIndex + 1, `${alert}, `);
}

/** Removes `log = ctx.log` aliases and the ctx import once nothing uses them. */
function cleanUp(file: SourceFile): void {
  for (const [name, bindings] of file.scopes.module.bindings) {
    if (bindings.length === 1 && bindings[0].kind === "assignment" && bindings[0].value) {
      const q = file.imports.resolve(bindings[0].value);
      if (q === LOG || q?.startsWith(LOG + ".")) file.imports.removeAliasIfUnused(name);
    }
  }
  for (const imp of file.imports.all()) {
    if (imp.qualified === "mitmproxy.ctx" || imp.qualified === "mitmproxy") file.imports.removeIfUnused(imp.local, imp.scope);
  }
}

function isAliasDefinition(node: Node): boolean {
  // `log = ctx.log`: the value of an alias is followed through its uses, not reported itself.
  const p = node.parent;
  return p?.type === "assignment" && p.childForFieldName("right")?.id === node.id && p.childForFieldName("left")?.type === "identifier";
}

function isLoad(ident: Node): boolean {
  const p = ident.parent;
  if (!p) return false;
  if (p.type === "assignment" && p.childForFieldName("left")?.id === ident.id) return false;
  if (p.type === "attribute" && p.childForFieldName("attribute")?.id === ident.id) return false;
  if (p.type === "keyword_argument" && p.childForFieldName("name")?.id === ident.id) return false;
  if (["dotted_name", "aliased_import", "parameters", "function_definition", "class_definition"].includes(p.type)) return false;
  return true;
}

function isSplat(n: Node): boolean {
  return n.type === "list_splat" || n.type === "dictionary_splat";
}

/** The value of a plain string literal ("warn", 'warn'), or null. */
function stringLiteral(n: Node): string | null {
  if (n.type !== "string") return null;
  const parts = n.namedChildren;
  if (parts.some((p) => p.type === "interpolation" || p.type === "escape_sequence")) return null;
  const start = parts.find((p) => p.type === "string_start")?.text ?? "";
  if (/[bf]/i.test(start)) return null;
  return parts.filter((p) => p.type === "string_content").map((p) => p.text).join("");
}
