// U12-06: since 12.0.1 script addons run before the built-in DNS resolver (a65273c76), so in
// dns_request the response that v11 scripts could read there is not there yet.
import { defineTransform } from "../../src/transform.js";
import { parameterAt, parameterUses } from "../../src/refactor.js";
import { parameterName } from "../../src/addons.js";
import { attributeName, isAssignmentTarget, parentAttribute } from "../../src/syntax.js";

export default defineTransform({
  id: "v12/dns-hook-order",
  catalog: ["U12-06"],
  title: "dns_request reading flow.response (resolution now happens after addons; reported)",
  safety: "safe",
  description:
    "mitmproxy 12.0.1 loads script addons before the built-in DnsResolver (a65273c76, \"user-provided addons " +
    "now trigger before DNS resolution has taken place\"). In v11 a script's dns_request could read the " +
    "resolver's answer in flow.response; in 12 it is not set yet there (inference from the addon order, not " +
    "executed). The first read of flow.response inside each dns_request hook is reported; assignments (answering the " +
    "query yourself) keep working and are left alone. A pure behaviour change otherwise: nothing else is flagged.",
  needs: ["dns_request"],
  run(file) {
    for (const hook of file.addons.hooksNamed("dns_request")) {
      const param = parameterAt(hook.def, 0, hook.owner !== null);
      const name = param && parameterName(param);
      if (!name) continue;
      for (const use of parameterUses(file, hook.def, name.text)) {
        const attr = parentAttribute(use);
        if (!attr || attributeName(attr) !== "response" || isAssignmentTarget(attr)) continue;
        file.report(
          attr,
          "U12-06",
          "since mitmproxy 12.0.1 addons see dns_request before mitmproxy resolves the query, so flow.response is " +
            "not set here yet (in 11 it already held the resolver's answer); read the answer in dns_response(flow) instead",
        );
        break; // once per hook
      }
    }
  },
});
