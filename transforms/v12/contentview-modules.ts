// CV12-10: the built-in contentview modules (mitmproxy.contentviews.json, .grpc, …) were deleted or
// made private in mitmproxy 12.
import { defineTransform } from "../../src/transform.js";
import { importedModules } from "../../src/imports.js";

const CV = "mitmproxy.contentviews";
/** The view modules of v11.1.3 (git ls-tree v11.1.3 mitmproxy/contentviews/). */
const MODULES = [
  "auto", "css", "dns", "graphql", "grpc", "hex", "http3", "image", "javascript", "json", "mqtt", "msgpack",
  "multipart", "protobuf", "query", "raw", "urlencoded", "wbxml", "xml_html",
];
const MESSAGE = "built-in contentview modules were removed/renamed in mitmproxy 12; reimplement as a Contentview.";

function hint(module: string): string {
  if (module === "grpc" || module === "protobuf") {
    return `(mitmproxy.contentviews.${module} is gone: Protobuf and gRPC are shown by a built-in view configured with the protobuf_definitions option)`;
  }
  return `(mitmproxy.contentviews.${module} is gone; subclass contentviews.Contentview, and reach the built-in views through contentviews.registry, e.g. contentviews.registry["json"])`;
}

/** The view module a dotted name is in, if any. */
function viewModule(q: string | null): string | null {
  if (!q?.startsWith(CV + ".")) return null;
  const m = q.slice(CV.length + 1).split(".")[0];
  return MODULES.includes(m) ? m : null;
}

export default defineTransform({
  id: "v12/contentview-modules",
  catalog: ["CV12-10"],
  title: "mitmproxy.contentviews.json/grpc/… (removed; reported)",
  safety: "safe",
  description:
    "mitmproxy 12 deleted mitmproxy.contentviews.{auto, raw, hex, json, msgpack, protobuf, grpc} and renamed the " +
    "other view modules to private _view_* modules, so importing them (typically to subclass ViewJSON, " +
    "ViewGrpcProtobuf or ViewConfig) aborts the script, and contentviews.css & co. are now view objects rather " +
    "than modules. Every import of such a module and every reference into one is reported; the catalogue marks " +
    "the row MANUAL.",
  needs: ["contentviews"],
  run(file) {
    const reported = new Set<string>();
    for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
      const mods = importedModules(stmt).map(viewModule).filter((m): m is string => m !== null);
      if (mods.length === 0) continue;
      mods.forEach((m) => reported.add(m));
      file.report(stmt, "CV12-10", `${MESSAGE} ${hint(mods[0])}`);
    }
    for (const attr of file.nodes("attribute")) {
      const q = file.imports.resolve(attr);
      const m = viewModule(q);
      if (!m || q !== `${CV}.${m}` || reported.has(m)) continue;
      file.report(attr, "CV12-10", `${MESSAGE} ${hint(m)}`);
    }
  },
});
