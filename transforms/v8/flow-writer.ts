// I8-01: mitmproxy 8.1 renamed FlowWriter.add's parameter from `flow` to `f` and removed
// mitmproxy.io.io.FLOW_TYPES.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName } from "../../src/syntax.js";
import { constructedBy } from "../shared/objects.js";

const WRITERS = ["mitmproxy.io.FlowWriter", "mitmproxy.io.io.FlowWriter"];
const FLOW_TYPES = ["mitmproxy.io.io.FLOW_TYPES", "mitmproxy.io.FLOW_TYPES"];

export default defineTransform({
  id: "v8/flow-writer",
  catalog: ["I8-01"],
  title: "FlowWriter.add(flow=x) → FlowWriter.add(x); report io.FLOW_TYPES",
  safety: "safe",
  description:
    "mitmproxy 8.1 renamed the parameter of FlowWriter.add from `flow` to `f`. A keyword call on a writer " +
    "built from mitmproxy.io.FlowWriter(...) becomes a positional call, which works on every version (the " +
    "keyword `f=` would fail on 8.0). mitmproxy.io.io.FLOW_TYPES was removed; its uses are reported.",
  needs: ["FlowWriter", "FLOW_TYPES"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function");
      if (fn?.type !== "attribute" || attributeName(fn) !== "add") continue;
      const args = argumentsOf(call);
      const kw = args.keywords.get("flow");
      if (!kw || args.positional.length > 0 || args.keywords.size !== 1 || args.splat) continue;
      if (!constructedBy(file, fn.childForFieldName("object"), WRITERS)) continue;
      file.replace(kw, kw.childForFieldName("value")!.text);
    }
    const msg = "mitmproxy.io.io.FLOW_TYPES was removed in mitmproxy 8.1; read flows with io.FlowReader(fh).stream(), which picks the flow class itself.";
    for (const attr of file.nodes("attribute")) {
      if (FLOW_TYPES.includes(file.imports.resolve(attr) ?? "")) file.report(attr, "I8-01", msg);
    }
    for (const stmt of file.nodes("import_from_statement")) {
      const mod = stmt.childForFieldName("module_name")?.text;
      if (mod !== "mitmproxy.io.io" && mod !== "mitmproxy.io") continue;
      for (const item of stmt.childrenForFieldName("name")) {
        const name = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
        if (name === "FLOW_TYPES") file.report(item, "I8-01", msg);
      }
    }
  },
});
