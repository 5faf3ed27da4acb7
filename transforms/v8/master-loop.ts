// M8-01: mitmproxy 8 moved the master onto asyncio: should_exit is an asyncio.Event (it was a
// threading.Event), Master.start() and run_loop() were removed and Master.run() is a coroutine.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { ancestor, attributeName, callOf } from "../../src/syntax.js";
import { parentSkippingParens } from "../../src/nodes.js";
import { constructedBy } from "../shared/objects.js";

const MASTERS = [
  "mitmproxy.master.Master",
  "mitmproxy.tools.dump.DumpMaster",
  "mitmproxy.tools.web.master.WebMaster",
  "mitmproxy.tools.console.master.ConsoleMaster",
];
const CTX_MASTER = "mitmproxy.ctx.master";

export default defineTransform({
  id: "v8/master-loop",
  catalog: ["M8-01"],
  title: "report master.should_exit (now an asyncio.Event), Master.start()/run_loop() and a sync master.run()",
  safety: "safe",
  description:
    "In mitmproxy 8 the master runs on asyncio: ctx.master.should_exit became an asyncio.Event (waiting on it " +
    "from a thread, or with a timeout, no longer works), Master.start() and run_loop() were removed, and " +
    "Master.run() became a coroutine (embedding scripts call asyncio.run(master.run())). These uses are " +
    "reported; ctx.master.shutdown() is still the thread-safe way to stop.",
  needs: ["should_exit", "run_loop", "Master", "master"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr);
      if (name !== "should_exit" && name !== "run_loop" && name !== "start" && name !== "run") continue;
      const obj = attr.childForFieldName("object")!;
      const isCtxMaster = file.imports.resolve(obj) === CTX_MASTER;
      if (!isCtxMaster && !isMaster(file, obj)) continue;
      if (name === "should_exit") {
        const use = attr.parent?.type === "attribute" ? attributeName(attr.parent) : null;
        if (use === "is_set") continue; // the same on both event kinds
        file.report(
          attr,
          "M8-01",
          "master.should_exit is an asyncio.Event since mitmproxy 8 (it was a threading.Event): wait() must be awaited " +
            "on the event loop (it takes no timeout) and set() must not be called from another thread. " +
            "To stop mitmproxy from any thread call ctx.master.shutdown().",
        );
      } else if (name === "run_loop" || name === "start") {
        if (!callOf(attr)) continue;
        file.report(attr, "M8-01", `Master.${name}() was removed in mitmproxy 8; run the master with asyncio.run(master.run()) (or await master.run()).`);
      } else {
        const call = callOf(attr);
        if (!call || isAwaitedOrRun(call) || isCtxMaster) continue;
        file.report(attr, "M8-01", "Master.run() is a coroutine since mitmproxy 8; calling it without awaiting does nothing. Use asyncio.run(master.run()) or await master.run().");
      }
    }
  },
});

/** `m` built by a master constructor, or `self` inside a subclass of a master class. */
function isMaster(file: SourceFile, obj: Node): boolean {
  if (constructedBy(file, obj, MASTERS)) return true;
  if (obj.type === "identifier" && obj.text === "self") {
    const cls = ancestor(obj, "class_definition");
    const bases = cls?.childForFieldName("superclasses")?.namedChildren ?? [];
    return bases.some((b) => MASTERS.includes(file.imports.resolve(b) ?? ""));
  }
  return false;
}

function isAwaitedOrRun(call: Node): boolean {
  const { parent } = parentSkippingParens(call);
  if (!parent) return false;
  if (parent.type === "await") return true;
  // asyncio.run(m.run()), loop.run_until_complete(m.run()), asyncio.create_task(m.run()) …
  return parent.type === "argument_list";
}
