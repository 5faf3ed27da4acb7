// R8-01: mitmproxy 8 removed Flow.reply and the mitmproxy.controller module. The rewrites are
// those of R7-01/R7-03 (valid on every version from 6 to 12), for addons written for 7.x.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, callOf, enclosingFunction } from "../../src/syntax.js";
import { importedModules } from "../../src/imports.js";
import { decoratorsOf } from "../../src/nodes.js";
import { parameterAt } from "../../src/refactor.js";
import { parameterName } from "../../src/addons.js";
import { concurrentDecorator } from "../shared/concurrent.js";

const MESSAGE = "Flow.reply and mitmproxy.controller were removed in mitmproxy 8.";
const COMMAND = "mitmproxy.command.command";
/** What replaces each member of the v6/v7 Reply object. */
const HINTS: Record<string, string> = {
  take: "Use flow.intercept() (and flow.resume() when done).",
  commit: "Use flow.resume(); from another thread call ctx.master.event_loop.call_soon_threadsafe(flow.resume).",
  kill: "Use flow.kill().",
  ack: "Drop it (the flow is acknowledged when the hook returns).",
  send: "There is no replacement; set flow.response or flow.error instead.",
  state: "Read flow.intercepted to know whether the flow is paused.",
};
const DEFAULT_HINT = "Pause, resume and kill flows with flow.intercept(), flow.resume() and flow.kill().";
/** take/commit/kill() are distinctive; other members count only on a hook's own flow. */
const DISTINCTIVE = new Set(["take", "commit", "kill"]);

export default defineTransform({
  id: "v8/flow-reply",
  catalog: ["R8-01"],
  title: "flow.reply.take()/commit()/kill() → flow.intercept()/resume()/kill()",
  safety: "safe",
  description:
    "mitmproxy 8 removed Flow.reply and mitmproxy.controller. `<f>.reply.kill()` becomes `<f>.kill()`; " +
    "`<f>.reply.take()` and `<f>.reply.commit()` become `<f>.intercept()` and `<f>.resume()` when every " +
    "commit() of the file runs on the event loop (directly in a hook or a command, not in a thread or a " +
    "@concurrent hook: resume() is not thread-safe). Every other use of the reply object and imports of " +
    "mitmproxy.controller are reported.",
  needs: ["reply", "controller"],
  run(file) {
    const uses: { attr: Node; member: string; call: Node | null }[] = [];
    for (const reply of file.nodes("attribute")) {
      if (attributeName(reply) !== "reply") continue;
      const receiver = reply.childForFieldName("object")!;
      const parent = reply.parent;
      const member = parent?.type === "attribute" && parent.childForFieldName("object")?.id === reply.id ? attributeName(parent) : null;
      const call = member ? callOf(parent!) : null;
      const noArgs = call !== null && isEmptyCall(call);
      if (member && DISTINCTIVE.has(member) && noArgs) uses.push({ attr: parent!, member, call });
      else if (isHookFlow(file, receiver)) {
        const hint = member && Object.hasOwn(HINTS, member) ? HINTS[member] : DEFAULT_HINT;
        file.report(member ? parent! : reply, "R8-01", `${MESSAGE} ${hint}`);
      }
    }
    // resume() must run on the event loop: rewrite the pause/resume pairs only when every commit() does.
    const offLoop = uses.filter((u) => u.member === "commit" && !onEventLoop(file, u.call!));
    for (const u of uses) {
      const span = { start: u.attr.childForFieldName("object")!.childForFieldName("object")!.endIndex, end: u.attr.endIndex };
      if (u.member === "kill") file.replace(span, ".kill");
      else if (offLoop.length === 0) file.replace(span, u.member === "take" ? ".intercept" : ".resume");
      else if (offLoop.includes(u)) {
        file.report(u.call!, "R8-01", `${MESSAGE} This commit() may run outside the event loop (in a thread or a @concurrent hook). ${HINTS.commit}`);
      } else {
        file.report(u.call!, "R8-01", `${MESSAGE} Not rewritten because a commit() in this file may run in another thread. ${HINTS[u.member]}`);
      }
    }
    for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
      if (importedModules(stmt).some((m) => m === "mitmproxy.controller" || m.startsWith("mitmproxy.controller."))) {
        file.report(stmt, "R8-01", `${MESSAGE} Remove this import; pause and resume flows with flow.intercept() and flow.resume().`);
      }
    }
  },
});

function isEmptyCall(call: Node): boolean {
  const a = argumentsOf(call);
  return a.positional.length === 0 && a.keywords.size === 0 && !a.splat;
}

/** Directly in a hook or a @command.command method that is not @concurrent. */
function onEventLoop(file: SourceFile, call: Node): boolean {
  const fn = enclosingFunction(call);
  if (!fn || concurrentDecorator(file, fn)) return false;
  if (file.addons.isHook(fn)) return true;
  return decoratorsOf(fn).some((d) => d.type === "call" && file.imports.resolve(d.childForFieldName("function")) === COMMAND);
}

/** Is `node` the first parameter of the hook it is used in (the hook's flow)? */
function isHookFlow(file: SourceFile, node: Node): boolean {
  if (node.type !== "identifier") return false;
  const hook = file.addons.enclosingHook(node);
  if (!hook) return false;
  const param = parameterAt(hook.def, 0, hook.owner !== null);
  return !!param && parameterName(param)?.text === node.text && file.scopes.resolveIdentifier(node) === file.scopes.scopeFor(hook.def);
}
