// V7-01: mitmproxy 6 chose a content view for a message through the class attribute
// content_types; mitmproxy 7 asks every view for render_priority() and ignores content_types.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf } from "../../src/addons.js";
import { bodyStatements, isBytesLiteral } from "../../src/syntax.js";
import { viewClasses } from "../shared/contentviews.js";

const MESSAGE =
  "mitmproxy 7 ignores content_types; views are chosen by render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata), which should return 1 for the view's content types and 0 otherwise.";

export default defineTransform({
  id: "v7/contentview-priority",
  catalog: ["V7-01"],
  title: "content_types = [\"a/b\"] → def render_priority(...): return 1 if content_type in (\"a/b\",) else 0",
  safety: "safe",
  description:
    "In mitmproxy 6 a content view declared the MIME types it handles in the class attribute content_types; " +
    "mitmproxy 7 silently ignores it and calls render_priority() on every view instead. In a subclass of " +
    "contentviews.View, a content_types list or tuple of string literals is replaced in place by a render_priority " +
    "method that returns 1 for those types and 0 otherwise (as the built-in views do). Lists that are not plain " +
    "literals, or a content_types that the file also reads elsewhere, are reported.",
  needs: ["content_types"],
  run(file) {
    const declarations: { cls: Node; stmt: Node; assignment: Node }[] = [];
    for (const cls of viewClasses(file)) {
      for (const stmt of bodyStatements(cls)) {
        const assignment = stmt.type === "expression_statement" ? stmt.namedChild(0) : null;
        if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "content_types") continue;
        declarations.push({ cls, stmt, assignment });
      }
    }
    // Any other mention of content_types (self.content_types, View.content_types, …) reads it.
    const declared = new Set(declarations.map((d) => d.assignment.childForFieldName("left")!.id));
    const readElsewhere = file.nodes("identifier").some((i) => i.text === "content_types" && !declared.has(i.id));
    for (const d of declarations) rewrite(file, d.cls, d.stmt, d.assignment, readElsewhere);
  },
});

function rewrite(file: SourceFile, cls: Node, stmt: Node, assignment: Node, readElsewhere: boolean): void {
  const value = assignment.childForFieldName("right");
  const report = (why: string) => file.report(stmt, "V7-01", `${MESSAGE} ${why}`);
  if (assignment.childForFieldName("type")) return report("The annotated attribute was not rewritten.");
  if (!value || (value.type !== "list" && value.type !== "tuple")) return report("content_types is not a list of string literals.");
  const items = value.namedChildren.filter((c) => c.type !== "comment");
  if (items.length === 0) return; // never selected in mitmproxy 6 either; the attribute is harmless
  if (!items.every((i) => i.type === "string" && !isBytesLiteral(i) && !i.namedChildren.some((c) => c.type === "interpolation"))) {
    return report("content_types is not a list of string literals.");
  }
  if (methodsOf(cls).some((m) => m.childForFieldName("name")!.text === "render_priority")) {
    return report("The class already defines render_priority(); fold the content types into it.");
  }
  if (stmt.descendantsOfType("comment").length > 0) return report("The list contains comments that would be lost.");
  const lineStart = file.lineStart(stmt.startIndex);
  const after = file.text.slice(stmt.endIndex, file.lineEnd(stmt.endIndex));
  if (file.text.slice(lineStart, stmt.startIndex).trim() !== "" || !/^[ \t]*\r?\n?$/.test(after)) {
    return report("The statement shares its line with other code.");
  }
  if (readElsewhere) return report("content_types is also used elsewhere in this file; move that logic into render_priority().");
  const types = items.map((i) => i.text).join(", ") + (items.length === 1 ? "," : "");
  const method =
    "def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):\n" +
    `    return 1 if content_type in (${types}) else 0`;
  // A method stands apart from the class attributes before it and the code after it.
  const nl = file.layout.newline;
  const prevLine = file.text.slice(file.lineStart(Math.max(0, lineStart - 1)), lineStart).trim();
  const nextLine = file.text.slice(file.lineEnd(stmt.endIndex), file.lineEnd(file.lineEnd(stmt.endIndex))).trim();
  const before = prevLine !== "" && !prevLine.endsWith(":") ? nl : "";
  const spaceAfter = nextLine !== "" ? nl : "";
  file.replace({ start: lineStart, end: stmt.endIndex }, before + file.code(method, file.indentAt(stmt.startIndex)) + spaceAfter);
}
