// N10-10: since mitmproxy 10.2 the event loop uses asyncio.eager_task_factory (on Python ≥3.12):
// a task created in a hook runs at once, up to its first await, before create_task returns.
import { defineTransform } from "../../src/transform.js";
import { attributeName } from "../../src/syntax.js";

const CREATORS = ["asyncio.create_task", "asyncio.ensure_future"];

export default defineTransform({
  id: "v9.1/eager-tasks",
  catalog: ["N10-10"],
  title: "report tasks created in hooks (they now start eagerly)",
  safety: "safe",
  description:
    "mitmproxy 10.2 installs asyncio.eager_task_factory on Python ≥3.12: a coroutine passed to " +
    "asyncio.create_task() in a hook runs synchronously up to its first await before the hook continues. Code " +
    "that sets state after create_task for the task to read, or that relies on the hook returning first, " +
    "changes behaviour; tasks also need a reference to survive. Task creation inside hooks is reported.",
  needs: ["create_task", "ensure_future"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      const isCreator = (q !== null && CREATORS.includes(q)) || (fn.type === "attribute" && attributeName(fn) === "create_task");
      if (!isCreator || !file.addons.enclosingHook(call)) continue;
      file.report(
        call,
        "N10-10",
        "since mitmproxy 10.2 (Python ≥3.12) tasks start eagerly: this coroutine runs up to its first await before create_task " +
          "returns. Set up any state it reads before creating it, and keep a reference to the task (e.g. in a set) so it is not " +
          "garbage-collected.",
      );
    }
  },
});
