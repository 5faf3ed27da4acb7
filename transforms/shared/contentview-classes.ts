// Content view classes across the mitmproxy 11 → 12 change: which classes are old-style Views
// and which are v12 Contentviews (directly, or through another class of the same file), and the
// Metadata field names both APIs share.
// (Step 7 has a similar helper, transforms/shared/contentviews.ts, on its branch; to be unified.)
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
  return (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter(
    (n) => n.type !== "comment" && n.type !== "keyword_argument",
  );
}

/** The module-level class definition called `name`, if there is exactly one. */
export function moduleClass(file: SourceFile, name: string): Node | null {
  const bindings = file.scopes.module.bindings.get(name);
  if (!bindings || bindings.length !== 1 || bindings[0].kind !== "definition") return null;
  const def = bindings[0].node.parent;
  return def?.type === "class_definition" ? def : null;
}

/** The module-level class of this file that a base-class expression names, if any. */
export function localBase(file: SourceFile, base: Node): Node | null {
  if (base.type !== "identifier" || file.scopes.resolveIdentifier(base) !== file.scopes.module) return null;
  return moduleClass(file, base.text);
}

/** Which content view API a class implements: "legacy" (View) or "v12" (Contentview), else null. */
export function viewKind(file: SourceFile, cls: Node, seen = new Set<number>()): "legacy" | "v12" | null {
  if (seen.has(cls.id)) return null;
  seen.add(cls.id);
  for (const b of superclasses(cls)) {
    const q = file.imports.resolve(b) ?? "";
    if (VIEW.includes(q)) return "legacy";
    if (CONTENTVIEW.includes(q)) return "v12";
    const local = localBase(file, b);
    const kind = local && viewKind(file, local, seen);
    if (kind) return kind;
  }
  return null;
}

/** Does this class subclass contentviews.View itself (not through another class of the file)? */
export function isDirectLegacyView(file: SourceFile, cls: Node): boolean {
  return superclasses(cls).some((b) => VIEW.includes(file.imports.resolve(b) ?? ""));
}

/**
 * Classes that v12/contentview-class converts in the current pass (a SourceFile is one pass):
 * the transforms after it in step 12 treat them as the Contentviews they are becoming, so
 * that registering a view does not wait for the next pass.
 */
const converted = new WeakMap<SourceFile, Set<number>>();

export function markConverted(file: SourceFile, cls: Node): void {
  let set = converted.get(file);
  if (!set) converted.set(file, (set = new Set()));
  set.add(cls.id);
}

function isConverted(file: SourceFile, cls: Node): boolean {
  return converted.get(file)?.has(cls.id) ?? false;
}

/** An old-style View that stays one (not being converted in this pass). */
export function isLegacyView(file: SourceFile, cls: Node): boolean {
  return !isConverted(file, cls) && viewKind(file, cls) === "legacy";
}

/** A v12 Contentview, or a View class being converted to one in this pass. */
export function isContentview(file: SourceFile, cls: Node): boolean {
  return isConverted(file, cls) || viewKind(file, cls) === "v12";
}

/** The old-style View class whose body contains `node`, if any. */
export function enclosingLegacyView(file: SourceFile, node: Node): Node | null {
  // As the tree stands: code inside a class being converted in this pass is that conversion's.
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "class_definition" && viewKind(file, p) === "legacy") return p;
  }
  return null;
}
