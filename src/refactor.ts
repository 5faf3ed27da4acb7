// Renaming functions and parameters, the shared mechanics behind hook migrations.
import type { Node } from "./parser.js";
import type { SourceFile } from "./source.js";
import { parametersOf } from "./addons.js";
import { attributeNode } from "./syntax.js";

/**
 * Renames a function; for a method, also renames `super().<old>(…)` calls in its class, so
 * an override that chains to its base keeps chaining.
 */
export function renameFunction(file: SourceFile, def: Node, newName: string): boolean {
  const name = def.childForFieldName("name")!;
  const old = name.text;
  if (old === newName) return true;
  if (!file.replace(name, newName)) return false;
  const cls = def.parent?.parent?.type === "class_definition" ? def.parent.parent : def.parent?.parent?.parent?.type === "class_definition" ? def.parent.parent.parent : null;
  if (cls) {
    for (const call of file.nodesWithin("call", cls)) {
      const fn = call.childForFieldName("function");
      if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== old) continue;
      const obj = fn.childForFieldName("object");
      if (obj?.type === "call" && obj.childForFieldName("function")?.text === "super") {
        file.replace(attributeNode(fn)!, newName);
      }
    }
  }
  return true;
}

/** The parameter at `index` among the function's parameters (after `self` for methods). */
export function parameterAt(def: Node, index: number, isMethod: boolean): Node | null {
  const params = parametersOf(def).filter((p) => p.type !== "keyword_separator" && p.type !== "positional_separator");
  return params[index + (isMethod ? 1 : 0)] ?? null;
}

/** Uses of a parameter inside its function (nested functions that do not rebind it included). */
export function parameterUses(file: SourceFile, def: Node, name: string): Node[] {
  const scope = file.scopes.scopeFor(def);
  if (!scope) return [];
  return file.scopes.references(scope, name).filter((n) => !isParameterDeclaration(n));
}

/** Is `name` unused and unbound in the function (so a parameter can take it)? */
export function isFreeIn(file: SourceFile, def: Node, name: string): boolean {
  for (const id of file.nodesWithin("identifier", def)) {
    if (id.text !== name) continue;
    const p = id.parent;
    if (p?.type === "attribute" && p.childForFieldName("attribute")?.id === id.id) continue; // x.name
    if (p?.type === "keyword_argument" && p.childForFieldName("name")?.id === id.id) continue; // f(name=…)
    if (p?.type === "function_definition" && p.id === def.id) continue; // the function's own name
    return false;
  }
  return true;
}

/** The annotation node of a parameter (`x: T` → T), if any. */
export function parameterAnnotation(param: Node): Node | null {
  if (param.type === "typed_parameter" || param.type === "typed_default_parameter") return param.childForFieldName("type");
  return null;
}

function isParameterDeclaration(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  if (p.type === "parameters" || p.type === "lambda_parameters") return true;
  if (p.type === "typed_parameter") return true;
  if ((p.type === "default_parameter" || p.type === "typed_default_parameter") && p.childForFieldName("name")?.id === n.id) return true;
  return false;
}
