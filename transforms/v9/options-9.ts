// O9-02, O9-03, O9-04: option changes of mitmproxy 9: listen_port defaults to None (the port is
// per mode), the 8.1 dns_* options were replaced by a "dns" mode, rawudp/udp_hosts were added.
import { defineTransform } from "../../src/transform.js";
import { isAssignmentTarget } from "../../src/syntax.js";
import { optionUpdateKeywords, optionUses, reportOptionCollisions } from "../shared/options.js";

const DNS_OPTIONS = ["dns_server", "dns_listen_host", "dns_listen_port", "dns_mode"];

export default defineTransform({
  id: "v9/options-9",
  catalog: ["O9-02", "O9-03", "O9-04"],
  title: "report ctx.options.listen_port reads, options.LISTEN_PORT, the removed dns_* options, rawudp/udp_hosts clashes",
  safety: "safe",
  description:
    "In mitmproxy 9 listen_port defaults to None because each mode has its own port, and " +
    "mitmproxy.options.LISTEN_PORT is gone: reads are reported (the actual addresses come from the proxyserver " +
    "addon). The dns_server, dns_listen_host, dns_listen_port and dns_mode options of 8.1 were removed in favour " +
    "of a \"dns\" entry in mode: uses are reported. Addon options named rawudp or udp_hosts now clash with " +
    "mitmproxy's own.",
  needs: ["listen_port", "LISTEN_PORT", "dns_", "rawudp", "udp_hosts"],
  run(file) {
    for (const { node, name } of optionUses(file, ["listen_port", ...DNS_OPTIONS])) {
      if (name === "listen_port") {
        if (isAssignmentTarget(node)) continue;
        file.report(
          node,
          "O9-02",
          "listen_port defaults to None since mitmproxy 9 (each mode has its own port). Read the actual addresses from " +
            "ctx.master.addons.get(\"proxyserver\").listen_addrs(), or give the port explicitly (e.g. mode regular@8080).",
        );
      } else {
        file.report(node, "O9-03", `the ${name} option was removed in mitmproxy 9; add a "dns" (or "dns@PORT") entry to the mode option instead.`);
      }
    }
    for (const kw of optionUpdateKeywords(file, DNS_OPTIONS)) {
      file.report(kw.node, "O9-03", `the ${kw.name} option was removed in mitmproxy 9; add a "dns" (or "dns@PORT") entry to the mode option instead.`);
    }
    for (const attr of file.nodes("attribute")) {
      if (file.imports.resolve(attr) === "mitmproxy.options.LISTEN_PORT") {
        file.report(attr, "O9-02", "mitmproxy.options.LISTEN_PORT was removed in mitmproxy 9 (listen_port defaults to None); use the port number itself.");
      }
    }
    for (const stmt of file.nodes("import_from_statement")) {
      if (stmt.childForFieldName("module_name")?.text !== "mitmproxy.options") continue;
      for (const item of stmt.childrenForFieldName("name")) {
        const name = item.type === "aliased_import" ? item.childForFieldName("name")!.text : item.text;
        if (name === "LISTEN_PORT") {
          file.report(item, "O9-02", "mitmproxy.options.LISTEN_PORT was removed in mitmproxy 9 (listen_port defaults to None); use the port number itself.");
        }
      }
    }
    reportOptionCollisions(file, "O9-04", "9", { rawudp: "9.0.0", udp_hosts: "9.0.0" });
  },
});
