// CV12-11: format_text/format_dict/format_pairs/KEY_MAX/TViewResult/TViewLine left the
// mitmproxy.contentviews namespace in 12 (they remain in mitmproxy.contentviews.base); the other
// module-level helpers are gone.
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";
import { parentAttribute } from "../../src/syntax.js";
import { enclosingLegacyView } from "../shared/contentview-classes.js";

const CV = "mitmproxy.contentviews";
const MOVED = ["format_text", "format_dict", "format_pairs", "KEY_MAX", "TViewResult", "TViewLine"];
const MOVES: Move[] = MOVED.map((n) => ({ from: `${CV}.${n}`, to: `${CV}.base.${n}` }));
/** Gone without a replacement in mitmproxy.contentviews.base (v11.1.3 vs v12.2.3 __init__.py). */
const GONE: Record<string, string> = {
  get_content_view: "pick a view with contentviews.registry.get_view(data, metadata) and call its prettify(data, metadata), which returns a str",
  get_message_content_view: "pick a view with contentviews.registry.get_view(data, metadata) and call its prettify(data, metadata), which returns a str",
  views: "contentviews.registry maps lower-cased view names to Contentview objects",
  safe_to_print: "a Contentview returns a str; mitmproxy escapes control characters itself",
};

export default defineTransform({
  id: "v12/contentview-helpers",
  catalog: ["CV12-11"],
  title: "contentviews.format_text/format_dict/TViewResult/… → mitmproxy.contentviews.base.…",
  safety: "safe",
  description:
    "mitmproxy 12 dropped format_text, format_dict, format_pairs, KEY_MAX, TViewResult and TViewLine from the " +
    "mitmproxy.contentviews namespace (AttributeError; a `-> contentviews.TViewResult` annotation fails when the " +
    "script is imported); they still exist, deprecated, in mitmproxy.contentviews.base. Uses outside old-style " +
    "View classes are re-pointed there through every import form (a View class that v12/contentview-class could " +
    "not convert is left exactly as it is). get_content_view, get_message_content_view, views and safe_to_print " +
    "have no counterpart in mitmproxy.contentviews.base (MIGRATIONS.md lists get_content_view as moved, but it is " +
    "not in base at 12.2.3), so their uses are reported.",
  needs: ["contentviews"],
  run(file) {
    // (uses inside a View class that v12/contentview-class converts in this pass are its own)
    const { wildcards } = applyMoves(file, MOVES, { skip: (use) => enclosingLegacyView(file, use) !== null });
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "CV12-11",
        "format_text, format_dict, format_pairs, KEY_MAX, TViewResult and TViewLine are no longer in mitmproxy.contentviews " +
          "(mitmproxy 12); this star import no longer provides them: import them from mitmproxy.contentviews.base by name",
      );
    }
    for (const node of file.nodes(["attribute", "identifier"])) {
      if (parentAttribute(node) || node.parent?.type === "dotted_name" || node.parent?.type === "aliased_import") continue;
      if (node.type === "identifier" && node.parent?.type === "attribute") continue;
      const q = file.imports.resolve(node);
      const name = q?.startsWith(CV + ".") ? q.slice(CV.length + 1).split(".")[0] : null;
      if (!name || !(name in GONE) || q !== `${CV}.${name}`) continue;
      file.report(node, "CV12-11", `contentviews.${name} was removed in mitmproxy 12 (it is not in mitmproxy.contentviews.base either); ${GONE[name]}`);
    }
  },
});
