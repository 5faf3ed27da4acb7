// A8-01, A8-02, A8-03: how mitmproxy 8 calls hooks. Hooks may be `async def`, except those
// dispatched synchronously; @concurrent became a coroutine wrapper; connection hooks block.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { isAsync } from "../../src/nodes.js";
import { concurrentDecorator } from "../shared/concurrent.js";

/** Hooks that mitmproxy (also) calls through invoke_addon_sync / AddonManager.trigger. */
const SYNC_HOOKS = ["load", "configure", "done", "update", "running"];
/** Hooks for which @concurrent fails since mitmproxy 8 (load and configure were refused before). */
const NO_CONCURRENT = ["done", "update", "running"];
/** Connection hooks that were fire-and-forget in mitmproxy 7 and block the connection since 8. */
const NOW_BLOCKING = ["client_disconnected", "server_connected", "server_disconnected"];
/** Calls that wait on the network, a process or a timer. */
const BLOCKING_CALLS = new Set([
  "time.sleep",
  "requests.get", "requests.post", "requests.put", "requests.patch", "requests.delete", "requests.head", "requests.request",
  "urllib.request.urlopen",
  "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
  "socket.create_connection",
]);

export default defineTransform({
  id: "v8/hook-dispatch",
  catalog: ["A8-01", "A8-02", "A8-03"],
  title: "report async load/configure/done/update/running, @concurrent done/update, blocking connection hooks",
  safety: "safe",
  description:
    "Since mitmproxy 8 hooks may be `async def`, but load, configure, done, update and running are also " +
    "dispatched synchronously, where a coroutine function fails with AddonManagerError (an async load stops " +
    "a script from loading at all). @concurrent now wraps a hook into a coroutine function, so it fails on " +
    "done, update and running. client_disconnected, server_connected and server_disconnected became blocking: " +
    "slow calls in them now hold up the connection. All three are reported; nothing is rewritten (the tool " +
    "never makes these hooks async, nor removes decorators).",
  // async def load…, @concurrent def done…, or one of the hooks that became blocking.
  needs: ["async", "concurrent", ...NOW_BLOCKING],
  run(file) {
    for (const hook of file.addons.hooksNamed(...SYNC_HOOKS)) {
      if (isAsync(hook.def)) {
        file.report(
          hook.def.childForFieldName("name")!,
          "A8-01",
          `mitmproxy also calls ${hook.name} synchronously (invoke_addon_sync / AddonManager.trigger), where an async def ${hook.name} ` +
            `fails with AddonManagerError ("Async handler … cannot be called from sync context")` +
            (hook.name === "load" ? " and the script is not loaded at all" : "") +
            `. Make it a plain def; start asynchronous work with asyncio.create_task(…) and keep a reference to the task.`,
        );
      }
      const deco = NO_CONCURRENT.includes(hook.name) ? concurrentDecorator(file, hook.def) : null;
      if (deco) {
        file.report(
          deco,
          "A8-02",
          `since mitmproxy 8 @concurrent turns the hook into a coroutine function, and ${hook.name} is dispatched synchronously, ` +
            `so this fails with AddonManagerError. Remove @concurrent and start a thread (or an executor job) inside ${hook.name} if needed.`,
        );
      }
    }
    for (const hook of file.addons.hooksNamed(...NOW_BLOCKING)) {
      for (const call of hook.def.descendantsOfType("call")) {
        const q = file.imports.resolve(call.childForFieldName("function"));
        if (!q || !BLOCKING_CALLS.has(q)) continue;
        if (insideNestedFunction(call, hook.def)) continue;
        file.report(
          call,
          "A8-03",
          `${hook.name} was non-blocking in mitmproxy 7; since mitmproxy 8 every connection hook blocks until it returns, ` +
            `so this ${q}() call now holds up the connection. Make the hook async and use an asynchronous API, or move the work to a thread.`,
        );
      }
    }
  },
});

/** Calls inside nested functions or lambdas (e.g. a thread target) do not run in the hook itself. */
function insideNestedFunction(call: Node, def: Node): boolean {
  for (let p = call.parent; p && p.id !== def.id; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda") return true;
  }
  return false;
}
