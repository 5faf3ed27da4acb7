// H7-12: mitmproxy 7 removed eventsequence.Events (the frozenset of hook names) in favour of
// mitmproxy.hooks.all_hooks, and eventsequence.iterate(f) yields Hook objects instead of
// (name, argument) pairs.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { inImportStatement } from "../../src/syntax.js";

const MESSAGE = "mitmproxy.eventsequence changed in mitmproxy 7; use mitmproxy.hooks.all_hooks and Hook objects.";
const EVENTS = "mitmproxy.eventsequence.Events";
const ITERATE = "mitmproxy.eventsequence.iterate";

export default defineTransform({
  id: "v7/eventsequence",
  catalog: ["H7-12"],
  title: "eventsequence.Events → hooks.all_hooks.keys(); eventsequence.iterate reported",
  safety: "safe",
  description:
    "mitmproxy 7 removed eventsequence.Events; hooks.all_hooks maps every event name to its Hook class. Where Events is " +
    "only tested for membership (`name in Events`) or iterated (`for name in Events`) it becomes hooks.all_hooks.keys() " +
    "and `from mitmproxy import hooks` is added; other uses are reported. eventsequence.iterate(f) now yields Hook " +
    "instances (.name, .args()) instead of (name, argument) pairs, so its uses are always reported.",
  needs: ["eventsequence", "Events"],
  run(file) {
    let rewrote = false;
    for (const node of outermost(file, EVENTS)) {
      if (!isMembershipOrIteration(node)) {
        file.report(node, "H7-12", `${MESSAGE} eventsequence.Events is used here other than in an 'in' test or a for loop; use hooks.all_hooks (a dict of name → Hook class) by hand.`);
        continue;
      }
      const hooks = file.imports.reach("mitmproxy.hooks", node, { asModule: !file.imports.isFree("hooks") });
      if (!hooks) {
        file.report(node, "H7-12", `${MESSAGE} The name 'hooks' is taken here; write mitmproxy.hooks.all_hooks.keys() by hand.`);
        continue;
      }
      rewrote = file.replace(node, `${hooks}.all_hooks.keys()`) || rewrote;
    }
    for (const node of outermost(file, ITERATE)) {
      file.report(
        node,
        "H7-12",
        `${MESSAGE} eventsequence.iterate(f) yields Hook instances since mitmproxy 7, not (name, argument) pairs: use event.name and event.args() (or pass the events to addons.trigger).`,
      );
    }
    if (rewrote) {
      for (const imp of file.imports.all()) {
        if (imp.qualified === EVENTS || imp.qualified === "mitmproxy.eventsequence") file.imports.removeIfUnused(imp.local, imp.scope);
      }
    }
  },
});

/** The outermost names / attribute chains that stand for `qualified` (import sites excluded). */
function outermost(file: SourceFile, qualified: string): Node[] {
  const out: Node[] = [];
  for (const node of file.nodes(["identifier", "attribute"])) {
    const p = node.parent;
    if (p?.type === "attribute" && p.childForFieldName("object")?.id === node.id) continue; // part of a longer chain
    if (p?.type === "attribute" && p.childForFieldName("attribute")?.id === node.id) continue; // the name part of a chain
    if (inImportStatement(node)) continue;
    if (file.imports.resolve(node) === qualified) out.push(node);
  }
  return out;
}

function isMembershipOrIteration(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (p.type === "comparison_operator") {
    const operands = p.namedChildren;
    const ops = p.children.filter((c) => !c.isNamed).map((c) => c.type);
    return operands.length === 2 && operands[1].id === node.id && (ops.join(" ") === "in" || ops.join(" ") === "not in");
  }
  if (p.type === "for_statement" || p.type === "for_in_clause") return p.childForFieldName("right")?.id === node.id;
  return false;
}
