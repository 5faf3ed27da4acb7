// U12-01: mitmproxy.net.http.url.unparse(scheme, host, port, path) — path lost its default "" in 12.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";

const UNPARSE = "mitmproxy.net.http.url.unparse";

export default defineTransform({
  id: "v12/url-unparse",
  catalog: ["U12-01"],
  title: 'url.unparse(scheme, host, port) → url.unparse(scheme, host, port, "")',
  safety: "safe",
  description:
    "mitmproxy 12 made the path parameter of mitmproxy.net.http.url.unparse() required; until 11 it " +
    'defaulted to "". Calls with exactly three positional arguments and no path keyword get an explicit ' +
    '"" (the old default, so the result is unchanged), as `path=""` when the others are passed by keyword. Calls that pass arguments through *args/**kwargs ' +
    "are reported.",
  needs: ["unparse"],
  run(file) {
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== UNPARSE) continue;
      const args = argumentsOf(call);
      if (!args.node || args.keywords.has("path")) continue;
      if (args.splat) {
        file.report(
          call,
          "U12-01",
          'url.unparse() requires the path argument since mitmproxy 12 (it defaulted to ""); this call passes its arguments through * or ** — make sure a path is always given',
        );
        continue;
      }
      if (args.positional.length + args.keywords.size !== 3) continue;
      if (args.keywords.size === 0) file.insert(args.positional[2].endIndex, ', ""');
      else {
        const last = [...args.positional, ...args.keywords.values()].sort((a, b) => b.endIndex - a.endIndex)[0];
        file.insert(last.endIndex, ', path=""');
      }
    }
  },
});
