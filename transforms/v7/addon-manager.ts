// H7-11, H7-13: AddonManager.trigger() and invoke_addon() take Hook instances since
// mitmproxy 7 instead of a hook name and its arguments.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, objectOf, stringValue } from "../../src/syntax.js";

const TRIGGER = "AddonManager.trigger() takes a Hook instance since mitmproxy 7 (e.g. hooks.UpdateHook(flows)).";
const INVOKE = "AddonManager.invoke_addon signature changed (Hook objects in 7, async in 8).";

/** The public Hook classes of mitmproxy.hooks (v7.0.0 – v12.2.3), by event name, with their arity. */
const PUBLIC_HOOKS: Record<string, { cls: string; args: number }> = {
  update: { cls: "UpdateHook", args: 1 },
  configure: { cls: "ConfigureHook", args: 1 },
  done: { cls: "DoneHook", args: 0 },
  running: { cls: "RunningHook", args: 0 },
};

/** Where the Hook classes of other events live (v7.0.0), for the hint of a finding. */
const OTHER_HOOKS: Record<string, string> = {
  requestheaders: "mitmproxy.proxy.layers.http.HttpRequestHeadersHook",
  request: "mitmproxy.proxy.layers.http.HttpRequestHook",
  responseheaders: "mitmproxy.proxy.layers.http.HttpResponseHeadersHook",
  response: "mitmproxy.proxy.layers.http.HttpResponseHook",
  error: "mitmproxy.proxy.layers.http.HttpErrorHook",
  http_connect: "mitmproxy.proxy.layers.http.HttpConnectHook",
  load: "mitmproxy.addonmanager.LoadHook",
};

export default defineTransform({
  id: "v7/addon-manager",
  catalog: ["H7-11", "H7-13"],
  title: 'addons.trigger("update", flows) → addons.trigger(hooks.UpdateHook(flows)); invoke_addon reported',
  safety: "safe",
  description:
    "Since mitmproxy 7 AddonManager.trigger() takes one Hook instance instead of an event name and its arguments. " +
    'trigger("update", flows), trigger("configure", updated), trigger("done") and trigger("running") become the ' +
    "matching mitmproxy.hooks class (`from mitmproxy import hooks` is added); other names, or arguments that do not " +
    "fit, are reported. invoke_addon(addon, name, *args) changed too (a Hook in 7, a coroutine in 8) and is always reported.",
  needs: ["trigger", "invoke_addon"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function");
      if (fn?.type !== "attribute" || !isAddonManager(file, objectOf(fn))) continue;
      const method = attributeName(fn);
      if (method === "trigger") trigger(file, call);
      else if (method === "invoke_addon") {
        file.report(call, "H7-13", `${INVOKE} Pass a Hook instance (e.g. hooks.ConfigureHook(updated)) and, from mitmproxy 8, await it or call invoke_addon_sync; rewrite this call by hand.`);
      }
    }
  },
});

/** `ctx.master.addons`, `self.master.addons`, `master.addons`, or a name for ctx.master.addons. */
function isAddonManager(file: SourceFile, node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "attribute" && attributeName(node) === "addons") return true;
  return file.imports.resolve(node) === "mitmproxy.ctx.master.addons";
}

function trigger(file: SourceFile, call: Node): void {
  const args = argumentsOf(call);
  const [first, ...rest] = args.positional;
  if (!first || !args.node) return;
  const name = stringValue(first);
  if (name === null) {
    // A single non-string argument is taken for a Hook instance (the mitmproxy 7 form).
    const stringy = first.type === "string" || first.type === "concatenated_string";
    if (stringy || rest.length > 0 || args.splat || args.keywords.size > 0) {
      file.report(call, "H7-11", `${TRIGGER} This call passes an event name and arguments that the tool cannot map; build the Hook instance by hand.`);
    }
    return;
  }
  const target = Object.hasOwn(PUBLIC_HOOKS, name) ? PUBLIC_HOOKS[name] : undefined;
  if (!target || rest.length !== target.args || args.splat || args.keywords.size > 0) {
    const where = Object.hasOwn(OTHER_HOOKS, name) ? OTHER_HOOKS[name] : undefined;
    const hint = target
      ? `hooks.${target.cls} takes ${target.args === 0 ? "no argument" : "exactly one argument"}; build it by hand.`
      : where
        ? `The "${name}" event's Hook class is ${where}, which is not part of mitmproxy.hooks; build it by hand.`
        : `There is no public Hook class for "${name}" in mitmproxy.hooks; build the Hook instance by hand.`;
    file.report(call, "H7-11", `${TRIGGER} ${hint}`);
    return;
  }
  const hooks = file.imports.reach("mitmproxy.hooks", call, { asModule: !file.imports.isFree("hooks") });
  if (!hooks) {
    file.report(call, "H7-11", `${TRIGGER} The name 'hooks' is taken here; write mitmproxy.hooks.${target.cls}(…) by hand.`);
    return;
  }
  const argText = rest.length > 0 ? file.slice({ start: rest[0].startIndex, end: rest[rest.length - 1].endIndex }) : "";
  file.replace({ start: first.startIndex, end: (rest[rest.length - 1] ?? first).endIndex }, `${hooks}.${target.cls}(${argText})`);
}
