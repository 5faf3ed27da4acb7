// E11-02: since mitmproxy 11.1 filter expressions are case-insensitive by default
// (MITMPROXY_CASE_SENSITIVE_FILTERS=1 restores the old behaviour).
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";
import { optionUpdateKeywords, optionUses } from "../shared/options.js";

const FILTER_FUNCTIONS = ["mitmproxy.flowfilter.parse", "mitmproxy.flowfilter.match"];
/** Built-in options whose value is a filter expression. */
const FILTER_OPTIONS = ["intercept", "view_filter", "dumper_filter", "save_stream_filter", "readfile_filter"];

export default defineTransform({
  id: "v11/filter-case",
  catalog: ["E11-02"],
  title: "report filter expressions with uppercase letters (filters are case-insensitive since 11.1)",
  safety: "safe",
  description:
    "mitmproxy 11.1 made every filter expression case-insensitive by default; MITMPROXY_CASE_SENSITIVE_FILTERS=1 " +
    "restores case-sensitive matching. A literal expression with uppercase letters (\"~h X-Debug\", \"~m POST\", " +
    "\"~b Token\") given to flowfilter.parse / flowfilter.match or to a filter option now also matches other " +
    "spellings; such literals are reported.",
  needs: ["flowfilter", ...FILTER_OPTIONS],
  run(file) {
    const check = (expr: Node | undefined | null) => {
      if (!expr || expr.type !== "string") return;
      const text = expr.descendantsOfType("string_content").map((c) => c.text).join("");
      // Regex escapes such as \S or \W are not letters of the expression.
      if (!/[A-Z]/.test(text.replace(/\\./g, ""))) return;
      file.report(
        expr,
        "E11-02",
        "filter expressions are case-insensitive by default since mitmproxy 11.1, so this one also matches other spellings " +
          "of its uppercase letters. If case matters, set MITMPROXY_CASE_SENSITIVE_FILTERS=1 or check the case in the addon.",
      );
    };
    for (const call of file.nodes("call")) {
      const q = file.imports.resolve(call.childForFieldName("function"));
      if (q && FILTER_FUNCTIONS.includes(q)) check(argumentsOf(call).positional[0]);
    }
    for (const { node } of optionUses(file, FILTER_OPTIONS)) {
      const p = node.parent;
      if (p?.type === "assignment" && p.childForFieldName("left")?.id === node.id) check(p.childForFieldName("right"));
    }
    for (const kw of optionUpdateKeywords(file, FILTER_OPTIONS)) check(kw.value);
  },
});
