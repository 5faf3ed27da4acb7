// M8-02: mitmproxy.utils.human.SIZE_TABLE was removed in mitmproxy 8 (SIZE_UNITS stays).
import { defineTransform } from "../../src/transform.js";

const NAME = "mitmproxy.utils.human.SIZE_TABLE";

export default defineTransform({
  id: "v8/size-table",
  catalog: ["M8-02"],
  title: "report mitmproxy.utils.human.SIZE_TABLE (removed)",
  safety: "safe",
  description:
    "mitmproxy 8 removed mitmproxy.utils.human.SIZE_TABLE; the SIZE_UNITS dict remains, and " +
    "human.parse_size() / human.pretty_size() cover the usual needs. Every import or use is reported.",
  needs: ["SIZE_TABLE"],
  run(file) {
    const msg =
      "mitmproxy.utils.human.SIZE_TABLE was removed in mitmproxy 8; use human.parse_size()/human.pretty_size(), or the SIZE_UNITS dict (unit → factor).";
    for (const stmt of file.nodes("import_from_statement")) {
      if (stmt.childForFieldName("module_name")?.text !== "mitmproxy.utils.human") continue;
      for (const item of stmt.childrenForFieldName("name")) {
        const name = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
        if (name === "SIZE_TABLE") file.report(item, "M8-02", msg);
      }
    }
    for (const attr of file.nodes("attribute")) {
      if (file.imports.resolve(attr) === NAME) file.report(attr, "M8-02", msg);
    }
  },
});
