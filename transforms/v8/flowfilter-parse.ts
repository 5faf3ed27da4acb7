// F8-01: flowfilter.parse() returned None for an empty or invalid expression up to
// mitmproxy 7; since 8 it raises ValueError. The common `x = flowfilter.parse(opt)` with an
// option that defaults to "" relied on None meaning "match everything".
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, enclosingFunction, stringValue } from "../../src/syntax.js";
import { comparisonParts, isNameChain, parentSkippingParens, unparenthesized } from "../../src/nodes.js";

const PARSE = "mitmproxy.flowfilter.parse";
const MESSAGE = "flowfilter.parse() raises ValueError on empty/invalid filters since mitmproxy 8 instead of returning None.";

export default defineTransform({
  id: "v8/flowfilter-parse",
  catalog: ["F8-01"],
  title: "x = flowfilter.parse(opt) → x = flowfilter.parse(opt) if opt else None",
  safety: "safe",
  description:
    "Up to mitmproxy 7 flowfilter.parse() returned None for an empty or invalid expression, and " +
    "flowfilter.match(None, flow) is True, so `self.filter = flowfilter.parse(ctx.options.x)` with an empty " +
    "option meant \"match everything\". Since mitmproxy 8 parse() raises ValueError. When the argument is a " +
    "plain name or attribute and the result is assigned, the call is guarded: `flowfilter.parse(x) if x else " +
    "None`. Calls whose result is checked for None as an error (`if not self.filter: raise …`) and other " +
    "shapes are reported.",
  needs: ["parse"],
  run(file) {
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== PARSE) continue;
      const args = argumentsOf(call);
      const arg = args.positional.length === 1 && args.keywords.size === 0 && !args.splat ? args.positional[0] : null;
      if (arg) {
        const lit = stringValue(arg);
        if (lit !== null && lit !== "") continue; // a fixed expression: never empty
        if (isGuarded(call, arg)) continue;
      }
      const { parent, child } = parentSkippingParens(call);
      const isAssigned = parent?.type === "assignment" && parent.childForFieldName("right")?.id === child.id;
      if (!arg || !isNameChain(arg) || !isAssigned) {
        file.report(
          call,
          "F8-01",
          `${MESSAGE} Parse only non-empty expressions (e.g. \`flowfilter.parse(x) if x else None\`) and catch ValueError for invalid ones.`,
        );
        continue;
      }
      const target = parent!.childForFieldName("left")!;
      const check = errorCheck(file, call, target.text);
      if (check) {
        file.report(
          check,
          "F8-01",
          `${MESSAGE} This check for a None result no longer catches invalid filters: wrap the parse() call in ` +
            `try/except ValueError (and decide what an empty option should mean).`,
        );
        continue;
      }
      file.replace(call, `${call.text} if ${arg.text} else None`);
    }
  },
});

/** Already safe: `parse(x) if x else …`, or inside `if x:` / `if … and x:`. */
function isGuarded(call: Node, arg: Node): boolean {
  const { parent, child } = parentSkippingParens(call);
  if (parent?.type === "conditional_expression" && parent.namedChild(0)?.id === child.id) {
    if (conditionTests(parent.namedChild(1), arg.text)) return true;
  }
  for (let n: Node | null = call.parent; n; n = n.parent) {
    if (n.type === "function_definition" || n.type === "class_definition" || n.type === "lambda") break;
    if (n.type === "if_statement" && conditionTests(n.childForFieldName("condition"), arg.text)) {
      const consequence = n.childForFieldName("consequence");
      if (consequence && consequence.startIndex <= call.startIndex && call.endIndex <= consequence.endIndex) return true;
    }
  }
  return false;
}

/** Does `cond` being true imply that the expression `text` is truthy? */
function conditionTests(cond: Node | null, text: string): boolean {
  if (!cond) return false;
  const c = unparenthesized(cond);
  if (c.text === text) return true;
  if (c.type === "boolean_operator" && c.children.some((t) => t.type === "and")) {
    return conditionTests(c.childForFieldName("left"), text) || conditionTests(c.childForFieldName("right"), text);
  }
  return false;
}

/** An `if not T` / `T is None` / `T == None` test of the parse result in the same function. */
function errorCheck(file: SourceFile, call: Node, target: string): Node | null {
  const scope = enclosingFunction(call) ?? file.root;
  for (const n of scope.descendantsOfType(["not_operator", "comparison_operator"])) {
    if (n.endIndex <= call.endIndex) continue;
    if (n.type === "not_operator") {
      const arg = n.childForFieldName("argument");
      if (arg && unparenthesized(arg).text === target) return n;
      continue;
    }
    const parts = comparisonParts(n);
    if (!parts || parts.operands.length !== 2) continue;
    const [a, b] = parts.operands;
    const op = parts.operators[0];
    if ((op === "is" || op === "==") && ((a.text === target && b.type === "none") || (b.text === target && a.type === "none"))) return n;
  }
  return null;
}
