// R7-01..R7-05: flow.reply (mitmproxy.controller) is on its way out: mitmproxy 7 removed its
// return value and deprecated reply.kill(); mitmproxy 8 removed Flow.reply altogether.
// flow.intercept()/resume()/kill() work from 6 to 12.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { concurrentDecorator } from "../shared/concurrent.js";
import { argumentsOf, attributeName, bodyStatements, callOf, objectOf, parentAttribute } from "../../src/syntax.js";
import { firstParam } from "../shared/bindings.js";
import { isFlowExpr } from "../shared/flows.js";
import { unparenthesized } from "../../src/nodes.js";

/** Hooks whose argument is a connection or layer: their .reply belongs to H7-01..H7-04 and H7-10 (R7-04). */
const LAYER_HOOKS = new Set([
  "clientconnect", "clientdisconnect", "serverconnect", "serverdisconnect", "next_layer",
  "client_connected", "client_disconnected", "server_connect", "server_connected", "server_disconnected",
]);

const REPLY_GONE =
  "flow.reply and mitmproxy.controller were removed in mitmproxy 8 (mitmproxy 7 already dropped the reply value); use flow.intercept(), flow.resume() and flow.kill().";

export default defineTransform({
  id: "v7/reply",
  catalog: ["R7-01", "R7-02", "R7-03", "R7-04", "R7-05"],
  title: "flow.reply.take()/commit()/kill() → flow.intercept()/resume()/kill()",
  safety: "safe",
  description:
    "flow.reply is gone in mitmproxy 8 and lost its value in 7. reply.take() becomes flow.intercept() and " +
    "reply.kill() becomes flow.kill(). reply.commit() becomes flow.resume() inside a hook (which runs on the event " +
    "loop); anywhere else, where it may run in another thread, it becomes " +
    "ctx.master.event_loop.call_soon_threadsafe(flow.resume), because resume() is not thread-safe from mitmproxy 8. " +
    "A reply.ack() directly before reply.commit() is dropped; other uses of the reply (ack, send, value, " +
    "has_message, state) are reported. layer.reply in next_layer and the connection hooks is left to the hook " +
    "transforms (R7-04 is H7-10); flow.killable (R7-05) keeps working and is not reported.",
  needs: ["reply"],
  run(file) {
    for (const reply of file.nodes("attribute")) {
      if (attributeName(reply) !== "reply") continue;
      const receiver = objectOf(reply)!;
      if (isLayerHookArgument(file, receiver)) continue;
      const member = parentAttribute(reply);
      const call = member ? callOf(member) : null;
      const name = member ? attributeName(member)! : null;
      if (call && name && ["take", "commit", "kill", "ack"].includes(name)) {
        handleCall(file, receiver, member!, call, name);
      } else if (isFlowLike(file, receiver)) {
        const what = name ? `reply.${name}` : "reply";
        file.report(member ?? reply, "R7-02", `${REPLY_GONE} This use of ${what} has no replacement; rewrite it by hand.`);
      }
    }
  },
});

function handleCall(file: SourceFile, receiver: Node, member: Node, call: Node, name: string): void {
  const args = argumentsOf(call);
  const hasArgs = args.positional.length > 0 || args.keywords.size > 0 || args.splat;
  const f = receiver.text;
  // `.reply.take` → `.intercept`: only the span after the receiver changes.
  const tail = { start: receiver.endIndex, end: member.endIndex };
  if (name === "take") {
    if (hasArgs) return void file.report(call, "R7-01", `${REPLY_GONE} reply.take() with arguments could not be rewritten.`);
    file.replace(tail, ".intercept"); // R7-01
  } else if (name === "kill") {
    if (hasArgs) return void file.report(call, "R7-03", `${REPLY_GONE} reply.kill(force=…) has no equivalent; use ${f}.kill().`);
    file.replace(tail, ".kill"); // R7-03
  } else if (name === "commit") {
    if (hasArgs) return void file.report(call, "R7-01", `${REPLY_GONE} reply.commit() with arguments could not be rewritten.`);
    if (onEventLoop(file, call)) {
      file.replace(tail, ".resume");
    } else {
      const ctx = file.imports.reach("mitmproxy.ctx", call);
      if (!ctx) return void file.report(call, "R7-01", `${REPLY_GONE} This commit() may run outside the event loop and the name 'ctx' is taken here; resume the flow with ctx.master.event_loop.call_soon_threadsafe(${f}.resume).`);
      file.replace(call, `${ctx}.master.event_loop.call_soon_threadsafe(${receiverAsPrimary(receiver)}.resume)`);
      file.note(call, "R7-01", "reply.commit() here may run outside the event loop (in a thread, a timer or a @concurrent hook); flow.resume() is not thread-safe from mitmproxy 8, so the flow is resumed through ctx.master.event_loop.");
    }
  } else if (name === "ack") {
    if (!hasArgs && isDirectlyBeforeCommit(call, f)) {
      file.imports.removeStatement(statementOfCall(call)!); // R7-02: commit() needed a value in mitmproxy 6
    } else {
      file.report(call, "R7-02", `${REPLY_GONE} reply.ack() is only dropped when it directly precedes reply.commit(); remove it by hand.`);
    }
  }
}

/** A call directly inside a hook (not a nested function, not a @concurrent hook) runs on the event loop. */
function onEventLoop(file: SourceFile, call: Node): boolean {
  const hook = file.addons.enclosingHook(call);
  return !!hook && !concurrentDecorator(file, hook.def);
}

/** The expression statement that consists of exactly this call. */
function statementOfCall(call: Node): Node | null {
  const stmt = call.parent;
  return stmt?.type === "expression_statement" && stmt.namedChildCount === 1 ? stmt : null;
}

/** `<f>.reply.ack()` immediately followed (in the same block) by `<f>.reply.commit()`. */
function isDirectlyBeforeCommit(call: Node, f: string): boolean {
  const stmt = statementOfCall(call);
  if (!stmt?.parent) return false;
  const siblings = bodyStatements(stmt.parent);
  const next = siblings[siblings.findIndex((s) => s.id === stmt.id) + 1];
  const nextCall = next?.type === "expression_statement" && next.namedChildCount === 1 ? next.namedChild(0) : null;
  return nextCall?.type === "call" && nextCall.childForFieldName("function")?.text === `${f}.reply.commit` && argumentsOf(nextCall).positional.length === 0;
}

function isLayerHookArgument(file: SourceFile, receiver: Node): boolean {
  const r = unparenthesized(receiver);
  if (r.type !== "identifier") return false;
  const hook = file.addons.enclosingHook(r) ?? null;
  if (!hook || !LAYER_HOOKS.has(hook.name)) return false;
  return firstParam(file, hook)?.uses.some((u) => u.id === r.id) ?? false;
}

/** A flow by the hook/annotation rules, or an expression whose last name says it is one (`self.flow`). */
function isFlowLike(file: SourceFile, receiver: Node): boolean {
  if (isFlowExpr(file, receiver)) return true;
  const r = unparenthesized(receiver);
  const last = r.type === "attribute" ? attributeName(r) : r.type === "identifier" ? r.text : null;
  return !!last && /flow$/i.test(last);
}

function receiverAsPrimary(receiver: Node): string {
  return ["identifier", "attribute", "subscript", "call", "parenthesized_expression"].includes(receiver.type) ? receiver.text : `(${receiver.text})`;
}
