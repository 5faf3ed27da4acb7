// Content view classes: subclasses of mitmproxy.contentviews.View (directly, or through
// another view class of the same file).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";

const VIEW = new Set(["mitmproxy.contentviews.View", "mitmproxy.contentviews.base.View"]);

export function viewClasses(file: SourceFile): Node[] {
  const classes = file.nodes("class_definition");
  const views = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const cls of classes) {
      if (views.has(cls.id)) continue;
      const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
      const isView = bases.some((b) => {
        if (VIEW.has(file.imports.resolve(b) ?? "")) return true;
        return b.type === "identifier" && classes.some((c) => views.has(c.id) && c.childForFieldName("name")!.text === b.text);
      });
      if (isView) {
        views.add(cls.id);
        changed = true;
      }
    }
  }
  return classes.filter((c) => views.has(c.id));
}
