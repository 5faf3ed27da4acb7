// Content views across the mitmproxy 11 → 12 change: which classes are old-style Views, which
// are v12 Contentviews, and the Metadata field names both APIs share.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";

/** The deprecated v7–v11 base class, as it may be imported. */
export const VIEW = ["mitmproxy.contentviews.View", "mitmproxy.contentviews.base.View"];
/** The v12 protocol classes a view may subclass. */
export const CONTENTVIEW = ["mitmproxy.contentviews.Contentview", "mitmproxy.contentviews.InteractiveContentview"];
/** Fields of mitmproxy.contentviews.Metadata (v12.2.3:mitmproxy/contentviews/_api.py). */
export const METADATA_FIELDS = [
  "flow",
  "content_type",
  "http_message",
  "tcp_message",
  "udp_message",
  "websocket_message",
  "dns_message",
  "protobuf_definitions",
  "original_data",
];

/** The superclass expressions of a class (keyword arguments such as metaclass= excluded). */
export function superclasses(cls: Node): Node[] {
  return (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter((n) => n.type !== "comment");
}

/** Is this class a direct subclass of contentviews.View? */
export function isLegacyView(file: SourceFile, cls: Node): boolean {
  return superclasses(cls).some((b) => VIEW.includes(file.imports.resolve(b) ?? ""));
}

/** Is this class a direct subclass of the v12 Contentview (or InteractiveContentview)? */
export function isContentview(file: SourceFile, cls: Node): boolean {
  return superclasses(cls).some((b) => CONTENTVIEW.includes(file.imports.resolve(b) ?? ""));
}

/** The old-style View class whose body contains `node`, if any. */
export function enclosingLegacyView(file: SourceFile, node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "class_definition" && isLegacyView(file, p)) return p;
  }
  return null;
}

/** The module-level class definition called `name`, if there is exactly one. */
export function moduleClass(file: SourceFile, name: string): Node | null {
  const bindings = file.scopes.module.bindings.get(name);
  if (!bindings || bindings.length !== 1 || bindings[0].kind !== "definition") return null;
  const def = bindings[0].node.parent;
  return def?.type === "class_definition" ? def : null;
}
