// L9-01: ctx.log is deprecated since mitmproxy 9 (it warns invisibly and forwards to the root
// logger); the standard logging module is the replacement.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { isLoad, stringValue } from "../../src/syntax.js";

const LOG = "mitmproxy.ctx.log";
/** The same deprecated Log object, reached through the master (`ctx.master.log`). */
const MASTER_LOG = "mitmproxy.ctx.master.log";
const LOGS = [LOG, MASTER_LOG];

/** The Log object `q` names (LOG or MASTER_LOG) and the member after it, if any. */
function logTarget(q: string | null): { base: string; member: string | null } | null {
  if (!q) return null;
  for (const base of LOGS) {
    if (q === base) return { base, member: null };
    if (q.startsWith(base + ".")) return { base, member: q.slice(base.length + 1) };
  }
  return null;
}
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
    "ctx.log(x, \"warn\"), keyword forms txt=/text=/level=, mitmproxy.ctx.log…, ctx.master.log…, aliases such " +
    "as `log = ctx.log`) becomes the matching " +
    "logging call; alert becomes logging.log(ALERT, x) with ALERT from mitmproxy.log. `import logging` is " +
    "added and the ctx import is removed when nothing else uses it. A level held in a name that is only ever " +
    "assigned level-name literals becomes logging.log(logging.getLevelName(level.upper()), x), which is what " +
    "ctx.log does since mitmproxy 9. Calls with more than one message argument, other non-literal levels, or " +
    "ctx.log passed around as a value are reported.",
  // Every form reaches ctx through an import that names it (ctx, mitmproxy.ctx).
  needs: ["ctx"],
  run(file) {
    const handled = new Set<number>();
    let rewrote = false;
    // Only chains that start with a name reaching mitmproxy can be ctx.log: a cheap filter.
    if (file.imports.namesReaching("mitmproxy").size === 0) return;
    const mayReach = (node: Node) => file.imports.mayReach(node, "mitmproxy");
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      if (!mayReach(fn)) continue;
      const target = logTarget(file.imports.resolve(fn));
      if (!target) continue;
      if (target.member === null) rewrote = rewriteLogCall(file, call, fn) || rewrote;
      else if (!target.member.includes(".")) rewrote = rewriteLevelCall(file, call, fn, target.member) || rewrote;
      else continue;
      handled.add(fn.id);
    }
    // ctx.log used any other way: passed around, stored, or a method we do not know.
    for (const node of file.nodes(["attribute", "identifier"])) {
      if (!mayReach(node)) continue;
      if (node.parent?.type === "attribute" && node.parent.childForFieldName("object")?.id === node.id) continue;
      if (handled.has(node.id) || isAliasDefinition(node)) continue;
      if (node.type === "identifier" && !isLoad(node)) continue;
      if (!logTarget(file.imports.resolve(node))) continue;
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
  const only = argList.length === 1 ? argList[0] : null;
  const byKeyword = only?.type === "keyword_argument" && only.childForFieldName("name")?.text === "txt";
  if (!only || (only.type === "keyword_argument" && !byKeyword) || isSplat(only)) {
    file.report(call, "L9-01", `${MESSAGE} This call does not have exactly one message argument; rewrite it by hand.`);
    return false;
  }
  if (!replaceCallee(file, call, fn, level)) return false;
  // ctx.log.info(txt=x) → logging.info(x)
  if (byKeyword) file.replace(only, only.childForFieldName("value")!.text);
  return true;
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
  if (argList.some(isSplat) || positional.length > 2) {
    return cannot("This call's arguments could not be mapped; rewrite it by hand.");
  }
  // ctx.log(text, level="info"): either may be passed by keyword.
  let messageKeyword: Node | null = null;
  let levelArg: Node | null = positional[1] ?? null;
  let levelNode: Node | null = levelArg;
  for (const k of keywords) {
    const name = k.childForFieldName("name")?.text;
    if (name === "text" && positional.length === 0 && !messageKeyword) messageKeyword = k;
    else if (name === "level" && !levelNode) {
      levelArg = k;
      levelNode = k.childForFieldName("value");
    } else return cannot("Unexpected keyword argument; rewrite it by hand.");
  }
  if (positional.length === 0 && !messageKeyword) return cannot("This call's arguments could not be mapped; rewrite it by hand.");
  let level = "info";
  let byName: Node | null = null;
  if (levelNode) {
    const lit = stringValue(levelNode);
    if (lit !== null && lit in LEVELS) level = lit;
    else if (isLevelName(file, levelNode)) byName = levelNode;
    else {
      return cannot(
        "The level is not a string literal; use logging.log(logging.getLevelName(level.upper()), msg) if it is always a level name.",
      );
    }
  }
  if (byName) {
    // A name that only ever holds level names: what ctx.log itself does since mitmproxy 9.
    const logging = file.imports.reach("logging", call, { asModule: true });
    if (!logging) return cannot("The name 'logging' is taken here; rewrite it by hand.");
    const args = call.childForFieldName("arguments")!;
    if (!file.replace(fn, `${logging}.log`)) return false;
    file.insert(args.startIndex + 1, `${logging}.getLevelName(${byName.text}.upper()), `);
  } else if (!replaceCallee(file, call, fn, level)) return false;
  if (messageKeyword) file.replace(messageKeyword, messageKeyword.childForFieldName("value")!.text);
  if (levelArg) {
    // Drop the level argument together with the comma before it (or after it, when it comes first).
    const i = argList.findIndex((a) => a.id === levelArg!.id);
    if (i > 0) file.remove({ start: argList[i - 1].endIndex, end: levelArg.endIndex });
    else file.remove({ start: levelArg.startIndex, end: argList[1].startIndex });
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
  const scopes = [file.scopes.module, ...file.nodes("function_definition").map((d) => file.scopes.scopeFor(d)!).filter(Boolean)];
  for (const scope of scopes) {
    for (const [name, bindings] of scope.bindings) {
      if (bindings.length === 1 && bindings[0].kind === "assignment" && bindings[0].value) {
        if (logTarget(file.imports.resolve(bindings[0].value))) file.imports.removeAliasIfUnused(name, scope);
      }
    }
  }
  // Once per name and scope: removeIfUnused handles every import that binds the name.
  const done = new Set<string>();
  for (const imp of file.imports.all()) {
    if (imp.qualified !== "mitmproxy.ctx" && imp.qualified !== "mitmproxy") continue;
    const key = `${imp.scope.node.id}:${imp.local}`;
    if (done.has(key)) continue;
    done.add(key);
    file.imports.removeIfUnused(imp.local, imp.scope);
  }
}

/** A local or global name whose every assignment is a level-name literal ("warn", or `"a" if c else "b"`). */
function isLevelName(file: SourceFile, node: Node, depth = 0): boolean {
  if (node.type !== "identifier" || depth > 3) return false;
  const bindings = file.scopes.resolveIdentifier(node)?.bindings.get(node.text);
  if (!bindings || bindings.length === 0) return false;
  const isLevel = (v: Node | undefined): boolean => {
    if (!v) return false;
    if (v.type === "conditional_expression") return isLevel(v.namedChild(0) ?? undefined) && isLevel(v.namedChild(2) ?? undefined);
    if (v.type === "identifier") return isLevelName(file, v, depth + 1);
    const lit = stringValue(v);
    return lit !== null && lit in LEVELS;
  };
  return bindings.every((b) => b.kind === "assignment" && isLevel(b.value));
}

function isAliasDefinition(node: Node): boolean {
  // `log = ctx.log`: the value of an alias is followed through its uses, not reported itself.
  const p = node.parent;
  return p?.type === "assignment" && p.childForFieldName("right")?.id === node.id && p.childForFieldName("left")?.type === "identifier";
}

function isSplat(n: Node): boolean {
  return n.type === "list_splat" || n.type === "dictionary_splat";
}
