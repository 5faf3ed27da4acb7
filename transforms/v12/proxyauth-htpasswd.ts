// U12-07: from 12.2.0 the proxyauth option's htpasswd files may only hold bcrypt or SHA-1 hashes.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, objectOf, stringValue } from "../../src/syntax.js";

const OPTIONS = "mitmproxy.ctx.options";
const MESSAGE =
  "since mitmproxy 12.2 an htpasswd file given to proxyauth may only contain bcrypt ($2y$/$2b$) or SHA-1 ({SHA}) " +
  "hashes (the passlib formats such as MD5-crypt $apr1$ are gone); regenerate it with `htpasswd -B`";

export default defineTransform({
  id: "v12/proxyauth-htpasswd",
  catalog: ["U12-07"],
  title: "proxyauth = \"@htpasswd\" (only bcrypt and SHA-1 hashes from 12.2; reported)",
  safety: "safe",
  description:
    "mitmproxy 12.2.0 dropped passlib: an htpasswd file named by the proxyauth option (\"@path\") may only " +
    "contain bcrypt or SHA-1 entries. The tool cannot read the file, so it reports the places where the " +
    "addon sets proxyauth to an \"@…\" string literal (ctx.options.proxyauth = …, ctx.options.update(proxyauth=…), " +
    "ctx.options.set(\"proxyauth=@…\")). A pure configuration change otherwise: nothing else is flagged.",
  needs: ["proxyauth"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) !== "proxyauth" || file.imports.resolve(objectOf(attr)) !== OPTIONS) continue;
      const assign = attr.parent;
      if (assign?.type !== "assignment" || assign.childForFieldName("left")?.id !== attr.id) continue;
      if (isHtpasswd(assign.childForFieldName("right"))) file.report(assign, "U12-07", MESSAGE);
    }
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function");
      const q = file.imports.resolve(fn);
      if (q === `${OPTIONS}.update`) {
        const kw = argumentsOf(call).keywords.get("proxyauth");
        if (kw && isHtpasswd(kw.childForFieldName("value"))) file.report(kw, "U12-07", MESSAGE);
      } else if (q === `${OPTIONS}.set`) {
        for (const arg of argumentsOf(call).positional) {
          if (/^proxyauth=@/.test(stringValue(arg) ?? "")) file.report(arg, "U12-07", MESSAGE);
        }
      }
    }
  },
});

function isHtpasswd(value: Node | null): boolean {
  return (stringValue(value) ?? "").startsWith("@");
}
