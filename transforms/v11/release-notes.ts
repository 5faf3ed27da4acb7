// E11-01, E11-04, E11-05, E11-06: runtime and option changes of mitmproxy 11.x. E11-04 (stricter
// validation of inbound headers) has no addon code pattern and is never reported.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { optionUpdateKeywords, optionUses, reportOptionCollisions } from "../shared/options.js";
import { reportRemovedStdlib } from "../shared/python-removals.js";

export default defineTransform({
  id: "v11/release-notes",
  catalog: ["E11-01", "E11-04", "E11-05", "E11-06"],
  title: "report stdlib names removed in Python 3.12, body filters in modify_headers, 11.x option changes",
  safety: "safe",
  description:
    "mitmproxy 11.1 requires Python 3.12, which removed distutils, imp, asynchat, asyncore, smtpd, " +
    "ssl.wrap_socket, ssl.match_hostname and configparser.SafeConfigParser (E11-01). 11.0.1 changed how " +
    "modify_headers interacts with stream_large_bodies: rules whose filter reads the body (~b, ~bq, ~bs) may no " +
    "longer apply (E11-05). 11.0 added the options keep_alt_svc_header, request_client_cert and show_ignored_hosts " +
    "(11.1: web_password), which an addon option may clash with, and removed experimental_transparent_http3 " +
    "(E11-06). 11.0.1's stricter validation of inbound headers (E11-04) has no addon code pattern.",
  needs: [
    "distutils", /\bimp\b/, "asyncore", "asynchat", "smtpd", /\bssl\b/, "SafeConfigParser", "modify_headers", "experimental_transparent_http3",
    // option names that an add_option call would collide with
    "keep_alt_svc_header", "request_client_cert", "show_ignored_hosts", "web_password",
  ],
  run(file) {
    reportRemovedStdlib(file, "E11-01", "3.12", "mitmproxy 11.1 requires Python ≥3.12, and", {
      modules: {
        distutils: "use setuptools or packaging",
        imp: "use importlib",
        asynchat: "use asyncio",
        asyncore: "use asyncio",
        smtpd: "use aiosmtpd",
      },
      members: {
        "ssl.wrap_socket": "use ssl.SSLContext.wrap_socket",
        "ssl.match_hostname": "let SSLContext check host names (check_hostname=True)",
        "configparser.SafeConfigParser": "use configparser.ConfigParser",
      },
    });
    const bodyFilter = (value: Node) =>
      value.descendantsOfType("string_content").some((c) => /~b[qs]?\b/.test(c.text));
    const e05 =
      "mitmproxy 11.0.1 changed how modify_headers interacts with stream_large_bodies: rules whose filter references the " +
      "message body (~b, ~bq, ~bs) may no longer apply (CHANGELOG 11.0.1). Match on headers or the URL instead.";
    for (const { node } of optionUses(file, ["modify_headers"])) {
      const p = node.parent;
      if (p?.type === "assignment" && p.childForFieldName("left")?.id === node.id && bodyFilter(p.childForFieldName("right")!)) {
        file.report(node, "E11-05", e05);
      }
    }
    for (const kw of optionUpdateKeywords(file, ["modify_headers"])) if (bodyFilter(kw.value)) file.report(kw.node, "E11-05", e05);
    reportOptionCollisions(file, "E11-06", "11", {
      keep_alt_svc_header: "11.0.0",
      request_client_cert: "11.0.0",
      show_ignored_hosts: "11.0.0",
      web_password: "11.1.0",
    });
    const removed = "the experimental_transparent_http3 option (10.4) was removed in mitmproxy 11.0; remove this use.";
    for (const { node } of optionUses(file, ["experimental_transparent_http3"])) file.report(node, "E11-06", removed);
    for (const kw of optionUpdateKeywords(file, ["experimental_transparent_http3"])) file.report(kw.node, "E11-06", removed);
  },
});
