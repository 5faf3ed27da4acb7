// H7-05: the log(entry) event hook is called add_log(entry) since mitmproxy 7; a leftover
// `log` hook is silently never called.
import type { Node } from "../../src/parser.js";
import { methodsOf, nameOf } from "../../src/addons.js";
import { defineTransform } from "../../src/transform.js";
import { renameFunction } from "../../src/refactor.js";

export default defineTransform({
  id: "v7/log-hook",
  catalog: ["H7-05"],
  title: "def log(self, entry) → def add_log(self, entry)",
  safety: "safe",
  description:
    "mitmproxy 7 renamed the log event hook to add_log (same LogEntry argument); nothing warns about a leftover " +
    "`log` hook, it is simply never called. Only event hooks are renamed: methods of addon classes and module-level " +
    "functions of scripts that define other hooks, never a helper `def log(msg)` that the script calls itself. " +
    "(From mitmproxy 9 add_log is deprecated in favour of a logging.Handler; step 9 handles that.)",
  needs: [/\bdef\s+log\b/],
  run(file) {
    for (const hook of file.addons.hooksNamed("log")) {
      const siblings: Node[] = hook.owner ? methodsOf(hook.owner) : moduleFunctions(file.root);
      const taken = siblings.find((f) => nameOf(f) === "add_log");
      if (taken) {
        file.report(
          hook.def.childForFieldName("name")!,
          "H7-05",
          "the log hook is called add_log since mitmproxy 7 and a leftover log hook is never called; this " +
            `${hook.owner ? "class" : "script"} already defines add_log; merge the two by hand.`,
        );
        continue;
      }
      renameFunction(file, hook.def, "add_log");
    }
  },
});

function moduleFunctions(root: Node): Node[] {
  const out: Node[] = [];
  for (const stmt of root.namedChildren) {
    const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (def?.type === "function_definition") out.push(def);
  }
  return out;
}
