// W7-10, W7-11, W7-12: WebSocketMessage in mitmproxy 7: content is always bytes (text lives in
// .text), kill() became drop() and killed became dropped.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, attributeNode, callOf, isBytesLiteral, objectOf } from "../../src/syntax.js";
import { isWsMessage, wsFlowIds } from "../shared/websocket.js";
import { unparenthesized } from "../../src/nodes.js";

const CONTENT =
  "WebSocketMessage.content is always bytes since mitmproxy 7; use message.text for text messages.";

/** str methods that bytes lack: calling one on .content shows the code expects a str. */
const STR_ONLY_METHODS = new Set(["encode", "format", "format_map", "casefold", "isnumeric", "isdecimal", "isidentifier", "isprintable"]);

export default defineTransform({
  id: "v7/websocket-message",
  catalog: ["W7-10", "W7-11", "W7-12"],
  title: "WebSocket messages: kill() → drop(), killed → dropped, str content → .text",
  safety: "safe",
  description:
    "In the websocket hooks, messages taken from flow.messages[...] (or flow.websocket.messages[...], a local " +
    "assigned from one, or a loop over them) changed in mitmproxy 7: kill() is now drop() (kill() is a deprecated " +
    "alias), the killed attribute is now dropped (no alias), and content is always bytes. Assigning a str literal " +
    "or f-string to content becomes an assignment to .text, and `\"x\" in message.content` reads .text; other " +
    "uses of content as a str are reported.",
  needs: ["websocket_start", "websocket_message", "websocket_end"],
  run(file) {
    const flows = wsFlowIds(file);
    if (flows.size === 0) return;
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr);
      if (name !== "kill" && name !== "killed" && name !== "content") continue;
      if (!isWsMessage(file, objectOf(attr)!, flows)) continue;
      if (name === "kill") {
        const call = callOf(attr);
        if (call && argumentsOf(call).positional.length === 0 && argumentsOf(call).keywords.size === 0) {
          file.replace(attributeNode(attr)!, "drop"); // W7-11
        }
      } else if (name === "killed") {
        file.replace(attributeNode(attr)!, "dropped"); // W7-12
      } else {
        content(file, attr);
      }
    }
  },
});

/** W7-10: `<message>.content` used as a str. */
function content(file: SourceFile, attr: Node): void {
  const p = attr.parent!;
  // message.content = "text" / f"text" → message.text = …
  if (p.type === "assignment" && p.childForFieldName("left")?.id === attr.id) {
    const value = p.childForFieldName("right");
    if (value && isStrLiteral(value)) {
      file.replace(attributeNode(attr)!, "text");
      return;
    }
    if (value && isStrExpression(file, value)) file.report(attr, "W7-10", `${CONTENT} A str is assigned to .content here.`);
    return;
  }
  if (p.type === "augmented_assignment" && p.childForFieldName("left")?.id === attr.id) {
    const value = p.childForFieldName("right");
    if (value && isStrExpression(file, value)) file.report(attr, "W7-10", `${CONTENT} A str is appended to .content here.`);
    return;
  }
  // message.content[0] == "{": a character of a str, an int of bytes
  const sliced = p.type === "subscript" && p.childForFieldName("value")?.id === attr.id;
  const expr = sliced ? p : attr;
  const q = expr.parent!;
  if (q.type === "comparison_operator") {
    const operands = q.namedChildren.filter((c) => c.type !== "comment");
    const ops = q.children.filter((c) => !c.isNamed).map((c) => c.type);
    const others = operands.filter((o) => o.id !== expr.id);
    // "needle" in message.content → "needle" in message.text
    const containment = !sliced && operands.length === 2 && operands[1].id === attr.id && (ops[0] === "in" || ops[0] === "not in");
    if (containment && isStrLiteral(operands[0])) {
      file.replace(attributeNode(attr)!, "text");
      return;
    }
    // `word in message.content` searched text messages in mitmproxy 6; with bytes content a str
    // needle raises TypeError. Unless the needle is visibly bytes, say so.
    if (containment && !isBytesLike(operands[0])) {
      file.report(attr, "W7-10", `${CONTENT} It is searched for ${operands[0].text} here: if that is a str, search message.text instead.`);
      return;
    }
    if (!others.some((o) => isStrExpression(file, o))) return;
    file.report(attr, "W7-10", `${CONTENT} It is compared with a str here.`);
    return;
  }
  if (q.type === "binary_operator" && isStrExpression(file, q.childForFieldName(q.childForFieldName("left")?.id === expr.id ? "right" : "left"))) {
    file.report(attr, "W7-10", `${CONTENT} It is combined with a str here.`);
    return;
  }
  // message.content.startswith("x"), .encode(), …
  const method = q.type === "attribute" && q.childForFieldName("object")?.id === expr.id ? q : null;
  const call = method ? callOf(method) : null;
  if (method && call) {
    const args = argumentsOf(call);
    const strArg = [...args.positional, ...[...args.keywords.values()].map((k) => k.childForFieldName("value")!)].some((a) => isStrExpression(file, a));
    if (strArg || STR_ONLY_METHODS.has(attributeName(method)!)) {
      const m = attributeName(method)!;
      const why = strArg ? `.${m}() is called with a str argument here` : `.${m}() is a str method`;
      file.report(attr, "W7-10", `${CONTENT} ${why}.`);
    }
    return;
  }
  // re.sub(r"^Hello", "HAPPY", message.content) and the like
  if (q.type === "argument_list") {
    const outer = q.parent!;
    const fn = outer.childForFieldName("function");
    const name = fn ? file.imports.resolve(fn) : null;
    if (name?.startsWith("re.") && argumentsOf(outer).positional.some((a) => a.id !== expr.id && isStrExpression(file, a))) {
      file.report(attr, "W7-10", `${CONTENT} ${name}() is called with a str pattern on it here; use a bytes pattern (rb"…") or message.text.`);
    }
  }
}

/** A bytes literal, or something encoded to bytes (`x.encode()`). */
function isBytesLike(node: Node): boolean {
  const n = unparenthesized(node);
  if (isBytesLiteral(n)) return true;
  if (n.type === "concatenated_string") return n.namedChildren.some((c) => c.type === "string" && isBytesLiteral(c));
  const fn = n.type === "call" ? n.childForFieldName("function") : null;
  return fn?.type === "attribute" && attributeName(fn) === "encode";
}

/** A str literal (not bytes) or an f-string. */
function isStrLiteral(node: Node): boolean {
  const n = unparenthesized(node);
  if (n.type === "concatenated_string") return n.namedChildren.every((c) => c.type !== "string" || !isBytesLiteral(c));
  return n.type === "string" && !isBytesLiteral(n);
}

/** An expression that is certainly a str: a str literal, or built from one with +, %, .format() or .join(). */
function isStrExpression(file: SourceFile, node: Node | null): boolean {
  if (!node) return false;
  const n = unparenthesized(node);
  if (isStrLiteral(n)) return true;
  if (n.type === "binary_operator") {
    const op = n.childForFieldName("operator")?.text;
    if (op === "+") return isStrExpression(file, n.childForFieldName("left")) || isStrExpression(file, n.childForFieldName("right"));
    if (op === "%") return isStrExpression(file, n.childForFieldName("left"));
    return false;
  }
  if (n.type === "call") {
    const fn = n.childForFieldName("function");
    if (fn?.type === "identifier" && fn.text === "str" && file.scopes.resolveIdentifier(fn) === null) return true;
    if (fn?.type === "attribute" && ["format", "join"].includes(attributeName(fn)!)) return isStrLiteral(objectOf(fn)!);
  }
  return false;
}
