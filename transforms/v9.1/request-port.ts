// N10-06: since mitmproxy 10.0 assigning Request.port also rewrites the Host header.
import { defineTransform } from "../../src/transform.js";
import { attributeName, isAssignmentTarget } from "../../src/syntax.js";

export default defineTransform({
  id: "v9.1/request-port",
  catalog: ["N10-06"],
  title: "report assignments to <x>.request.port (now also updates the Host header)",
  safety: "safe",
  description:
    "Since mitmproxy 10.0 setting Request.port also updates the Host header when one is present (it was " +
    "left alone before). Addons that redirect by port, or set the Host header themselves, may send a different " +
    "Host than before; assignments to `<x>.request.port` are reported.",
  needs: [/\.port\b/],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) !== "port") continue;
      const obj = attr.childForFieldName("object");
      if (obj?.type !== "attribute" || attributeName(obj) !== "request" || !isAssignmentTarget(attr)) continue;
      file.report(
        attr,
        "N10-06",
        "setting request.port also updates the Host header since mitmproxy 10.0 (it did not before). If the Host header " +
          "must keep its old value, save it before and restore it after this assignment.",
      );
    }
  },
});
