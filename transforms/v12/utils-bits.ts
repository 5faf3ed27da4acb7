// U12-05: mitmproxy.utils.bits (getbit, setbit) was deleted in mitmproxy 12.2.2.
import { defineTransform } from "../../src/transform.js";
import { importedModules } from "../../src/imports.js";
import { parentAttribute } from "../../src/syntax.js";

const BITS = "mitmproxy.utils.bits";
const MESSAGE =
  "mitmproxy.utils.bits (getbit, setbit) was removed in mitmproxy 12.2.2; inline the bit operations: " +
  "getbit(b, i) → bool(b & (1 << i)), setbit(b, i, v) → (b | (1 << i)) if v else (b & ~(1 << i))";

export default defineTransform({
  id: "v12/utils-bits",
  catalog: ["U12-05"],
  title: "mitmproxy.utils.bits.getbit/setbit (removed; reported)",
  safety: "safe",
  description:
    "mitmproxy 12.2.2 deleted the module mitmproxy.utils.bits, so importing it aborts the whole script. " +
    "Every import of it is reported (or, when only a parent package is imported, every use of " +
    "mitmproxy.utils.bits) with the one-line equivalents of getbit and setbit; the catalogue marks the " +
    "row MANUAL.",
  needs: ["bits"],
  run(file) {
    let reported = false;
    for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
      if (importedModules(stmt).some((m) => m === BITS || m.startsWith(BITS + "."))) {
        file.report(stmt, "U12-05", MESSAGE);
        reported = true;
      }
    }
    if (reported) return;
    // `import mitmproxy.utils` … `mitmproxy.utils.bits.getbit(x, 1)`
    for (const attr of file.nodes("attribute")) {
      if (file.imports.resolve(attr) !== BITS) continue;
      const outer = parentAttribute(attr) ?? attr;
      file.report(outer, "U12-05", MESSAGE);
    }
  },
});
