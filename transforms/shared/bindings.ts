// Small questions about names that several v7 transforms ask: "is this identifier the hook's
// flow parameter?", "where does this local come from?".
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import type { Binding } from "../../src/scope.js";
import type { HookFunction } from "../../src/addons.js";
import { parameterName } from "../../src/addons.js";
import { parameterAt, parameterUses } from "../../src/refactor.js";

/** The only binding an identifier (used as a reference) has in its scope, or null. */
export function soleBinding(file: SourceFile, ident: Node): Binding | null {
  if (ident.type !== "identifier") return null;
  const scope = file.scopes.resolveIdentifier(ident);
  const bs = scope?.bindings.get(ident.text);
  return bs && bs.length === 1 ? bs[0] : null;
}

/** The first parameter of a hook (after self for a method) and its uses, when it is never rebound. */
export interface HookParam {
  hook: HookFunction;
  /** The parameter node (identifier, typed_parameter, …). */
  param: Node;
  name: string;
  /** Identifiers in the hook (nested functions included) that refer to the parameter. */
  uses: Node[];
}

export function firstParam(file: SourceFile, hook: HookFunction): HookParam | null {
  const isMethod = hook.owner !== null && !isStatic(hook.def);
  const param = parameterAt(hook.def, 0, isMethod);
  const ident = param ? parameterName(param) : null;
  if (!param || !ident) return null;
  const scope = file.scopes.scopeFor(hook.def);
  const bindings = scope?.bindings.get(ident.text) ?? [];
  if (bindings.length !== 1 || bindings[0].kind !== "parameter") return null;
  return { hook, param, name: ident.text, uses: parameterUses(file, hook.def, ident.text) };
}

function isStatic(def: Node): boolean {
  const p = def.parent;
  return p?.type === "decorated_definition" && p.namedChildren.some((d) => d.type === "decorator" && d.text === "@staticmethod");
}

/** `for <target> in <iterable>` binding: the iterable, when `b` is the whole loop target. */
export function loopIterable(b: Binding): Node | null {
  const p = b.node.parent;
  if ((p?.type === "for_statement" || p?.type === "for_in_clause") && p.childForFieldName("left")?.id === b.node.id) {
    return p.childForFieldName("right");
  }
  return null;
}

/**
 * For a name used inside the body of `for <name> in <iterable>:` (and not rebound in that body),
 * the iterable. This finds the loop even when the function has several loops over the same name.
 */
export function enclosingLoopIterable(file: SourceFile, ident: Node): Node | null {
  for (let p = ident.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda" || p.type === "class_definition") return null;
    if (p.type !== "for_statement") continue;
    const left = p.childForFieldName("left");
    const body = p.childForFieldName("body");
    if (left?.type !== "identifier" || left.text !== ident.text || !body || !within(body, ident)) continue;
    const scope = file.scopes.resolveIdentifier(ident);
    const rebound = (scope?.bindings.get(ident.text) ?? []).some((b) => b.node.id !== left.id && within(body, b.node));
    return rebound ? null : p.childForFieldName("right");
  }
  return null;
}

function within(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
