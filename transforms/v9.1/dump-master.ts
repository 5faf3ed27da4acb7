// K10-04, N10-09: embedding. DumpMaster(options, with_termlog, with_dumper) gained a `loop`
// parameter in second place in 10.0 (a positional shift); in 10.1.6 Master gained
// with_termlog and optmanager.load() a cwd (config-relative script paths).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { ancestor, argumentsOf, attributeName } from "../../src/syntax.js";

const DUMP_MASTER = "mitmproxy.tools.dump.DumpMaster";
const SHIFTED = ["with_termlog", "with_dumper"];

export default defineTransform({
  id: "v9.1/dump-master",
  catalog: ["K10-04", "N10-09"],
  title: "DumpMaster(opts, a, b) → DumpMaster(opts, with_termlog=a, with_dumper=b); report optmanager.load/load_paths",
  safety: "safe",
  description:
    "mitmproxy 10.0 inserted a `loop` parameter after `options` in DumpMaster(options, loop=None, " +
    "with_termlog=True, with_dumper=True), so positional flags shift into the wrong parameters. The second " +
    "and third positional arguments (also of super().__init__ in a DumpMaster subclass) get their names. Since " +
    "10.1.6 scripts named with relative paths in a config file loaded by optmanager.load()/load_paths() are " +
    "resolved relative to that file: those calls are reported (N10-09).",
  needs: ["DumpMaster", "optmanager"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      let skip = -1; // positional arguments before `options`
      if (q === DUMP_MASTER) skip = 0;
      else if (q === `${DUMP_MASTER}.__init__`) skip = 1;
      else if (isSuperInit(file, call)) skip = 0;
      else if (q === "mitmproxy.optmanager.load" || q === "mitmproxy.optmanager.load_paths") {
        file.report(
          call,
          "N10-09",
          "since mitmproxy 10.1.6 scripts named with relative paths in a loaded config file are resolved relative to that " +
            "file (optmanager.load() also takes cwd=); check the script paths of the configs this loads.",
        );
        continue;
      }
      if (skip < 0) continue;
      const args = argumentsOf(call);
      const shifted = args.positional.slice(skip + 1);
      if (shifted.length === 0 && !(args.splat && args.positional.length >= skip + 1)) continue;
      if (args.splat || shifted.length > SHIFTED.length || shifted.some((_, i) => args.keywords.has(SHIFTED[i]))) {
        file.report(
          call,
          "K10-04",
          "DumpMaster(options, loop=None, with_termlog=True, with_dumper=True) since mitmproxy 10.0: positional flags after " +
            "options now land in the wrong parameters; pass with_termlog= and with_dumper= by name.",
        );
        continue;
      }
      shifted.forEach((a, i) => file.insert(a.startIndex, `${SHIFTED[i]}=`));
    }
  },
});

/** `super().__init__(…)` in a class deriving from DumpMaster. */
function isSuperInit(file: SourceFile, call: Node): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute" || attributeName(fn) !== "__init__") return false;
  const obj = fn.childForFieldName("object");
  if (obj?.type !== "call" || obj.childForFieldName("function")?.text !== "super") return false;
  const cls = ancestor(call, "class_definition");
  return (cls?.childForFieldName("superclasses")?.namedChildren ?? []).some((b) => file.imports.resolve(b) === DUMP_MASTER);
}
