// U12-02: mitmproxy.net.dns.types.to_str(type=…) — the parameter is called type_ since mitmproxy 12.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";

const TO_STR = "mitmproxy.net.dns.types.to_str";

export default defineTransform({
  id: "v12/dns-type-keyword",
  catalog: ["U12-02"],
  title: "dns.types.to_str(type=x) → dns.types.to_str(type_=x)",
  safety: "safe",
  description:
    "mitmproxy 12 renamed the parameter of mitmproxy.net.dns.types.to_str() from `type` to `type_`, so a " +
    "call that names it raises TypeError. The keyword is renamed; positional calls already work and are " +
    "left alone.",
  // to_str lives in mitmproxy.net.dns.types: reaching it names "dns".
  needs: ["dns"],
  run(file) {
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== TO_STR) continue;
      const kw = argumentsOf(call).keywords.get("type");
      if (kw) file.replace(kw.childForFieldName("name")!, "type_");
    }
  },
});
