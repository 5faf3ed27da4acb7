// Python name scopes, enough to answer "which binding does this identifier refer to?"
// without type information: module, function, lambda, class and comprehension scopes,
// `global`/`nonlocal`, and the rule that methods do not see their class's names.
import type { Node } from "./parser.js";

export type BindingKind =
  | "import"
  | "parameter"
  | "assignment"
  | "definition" // def / class name
  | "other"; // for-loop target, with/except alias, walrus, augmented assignment, del…

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier that is bound. */
  node: Node;
  /** For "assignment": the right-hand side when the target is a plain name (`x = <value>`). */
  value?: Node;
  /** For "import": the import statement. */
  statement?: Node;
}

export interface Scope {
  node: Node;
  kind: "module" | "function" | "class" | "comprehension";
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
}

const FUNCTION_TYPES = new Set(["function_definition", "lambda"]);
const COMPREHENSION_TYPES = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

export function isScopeNode(node: Node): boolean {
  return (
    node.type === "module" ||
    FUNCTION_TYPES.has(node.type) ||
    node.type === "class_definition" ||
    COMPREHENSION_TYPES.has(node.type)
  );
}

export class Scopes {
  private readonly byNode = new Map<number, Scope>();
  private identifiers?: Node[];
  readonly module: Scope;

  constructor(private readonly root: Node) {
    this.module = this.build(root, null);
  }

  /** The scope a node's names are looked up in first. */
  scopeOf(node: Node): Scope {
    for (let n: Node | null = node.parent; n; n = n.parent) {
      if (!isScopeNode(n)) continue;
      // A function's name, decorators, defaults and annotations belong to the enclosing scope;
      // only its parameters and body are inside it.
      if (FUNCTION_TYPES.has(n.type) && !insideFunctionProper(n, node)) continue;
      if (n.type === "class_definition" && !within(n.childForFieldName("body"), node)) continue;
      const s = this.byNode.get(n.id);
      if (s) return s;
    }
    return this.module;
  }

  /** Scope object of a scope node (module, def, lambda, class, comprehension). */
  scopeFor(node: Node): Scope | undefined {
    return this.byNode.get(node.id);
  }

  /** The scope whose binding of `name` a reference from `from` sees (null: builtin/unbound). */
  lookup(name: string, from: Scope): Scope | null {
    let s: Scope | null = from;
    let first = true;
    while (s) {
      if (s.globals.has(name)) return this.module.bindings.has(name) ? this.module : null;
      // Class scopes are visible only to code directly in the class body.
      if ((s.kind !== "class" || first) && s.bindings.has(name) && !s.nonlocals.has(name)) return s;
      first = false;
      s = s.parent;
    }
    return null;
  }

  /** The binding scope of an identifier used as a reference. */
  resolveIdentifier(ident: Node): Scope | null {
    return this.lookup(ident.text, this.scopeOf(ident));
  }

  /**
   * Every identifier under `scope.node` that refers to `name` as bound in `scope`
   * (uses in nested functions that do not rebind it included; binding sites excluded).
   */
  references(scope: Scope, name: string): Node[] {
    const out: Node[] = [];
    this.identifiers ??= this.root.descendantsOfType("identifier");
    const { startIndex, endIndex } = scope.node;
    for (const ident of this.identifiers) {
      if (ident.startIndex < startIndex || ident.endIndex > endIndex) continue;
      if (ident.text !== name || !isReference(ident)) continue;
      if (this.resolveIdentifier(ident) === scope) out.push(ident);
    }
    return out;
  }

  private build(node: Node, parent: Scope | null): Scope {
    const kind: Scope["kind"] =
      node.type === "module"
        ? "module"
        : node.type === "class_definition"
          ? "class"
          : COMPREHENSION_TYPES.has(node.type)
            ? "comprehension"
            : "function";
    const scope: Scope = {
      node,
      kind,
      parent,
      bindings: new Map(),
      globals: new Set(),
      nonlocals: new Set(),
    };
    this.byNode.set(node.id, scope);
    const bind = (b: Binding) => {
      const list = scope.bindings.get(b.name);
      if (list) list.push(b);
      else scope.bindings.set(b.name, [b]);
    };

    if (kind === "function") {
      const params = node.childForFieldName("parameters");
      if (params) for (const p of params.namedChildren) bindParameter(p, bind);
      const body = node.childForFieldName("body");
      if (body) this.walk(body, scope, bind);
    } else if (kind === "class") {
      const body = node.childForFieldName("body");
      if (body) this.walk(body, scope, bind);
    } else if (kind === "comprehension") {
      for (const child of node.namedChildren) {
        if (child.type === "for_in_clause") {
          const left = child.childForFieldName("left");
          if (left) bindTargets(left, "other", bind);
        }
      }
      for (const child of node.namedChildren) this.walk(child, scope, bind);
    } else {
      this.walk(node, scope, bind);
    }
    return scope;
  }

  /** Records bindings found in `node` for `scope`, creating nested scopes as they appear. */
  private walk(node: Node, scope: Scope, bind: (b: Binding) => void): void {
    const visit = (n: Node): void => {
      switch (n.type) {
        case "function_definition":
        case "class_definition": {
          const name = n.childForFieldName("name");
          if (name) bind({ name: name.text, kind: "definition", node: name });
          // Decorators, defaults, base classes and annotations are evaluated in this scope.
          for (const child of n.namedChildren) {
            if (child.type === "block" || child === name) continue;
            if (child.type === "parameters") {
              for (const p of child.namedChildren) {
                const dv = p.childForFieldName("value");
                if (dv) visit(dv);
              }
              continue;
            }
            visit(child);
          }
          this.build(n, scope);
          return;
        }
        case "lambda":
          this.build(n, scope);
          return;
        case "list_comprehension":
        case "set_comprehension":
        case "dictionary_comprehension":
        case "generator_expression":
          this.build(n, scope);
          return;
        case "import_statement":
        case "import_from_statement":
        case "future_import_statement":
          bindImport(n, bind);
          return;
        case "global_statement":
          for (const id of n.namedChildren) if (id.type === "identifier") scope.globals.add(id.text);
          return;
        case "nonlocal_statement":
          for (const id of n.namedChildren) if (id.type === "identifier") scope.nonlocals.add(id.text);
          return;
        case "assignment": {
          const left = n.childForFieldName("left");
          const right = n.childForFieldName("right");
          if (left?.type === "identifier") {
            // `a = b = value` nests: the right side of the outer assignment is another assignment.
            let value = right;
            while (value?.type === "assignment") value = value.childForFieldName("right");
            bind({ name: left.text, kind: "assignment", node: left, value: value ?? undefined });
          } else if (left) bindTargets(left, "assignment", bind);
          break;
        }
        case "augmented_assignment": {
          const left = n.childForFieldName("left");
          if (left) bindTargets(left, "other", bind);
          break;
        }
        case "for_statement": {
          const left = n.childForFieldName("left");
          if (left) bindTargets(left, "other", bind);
          break;
        }
        case "as_pattern_target":
          bindTargets(n, "other", bind);
          return;
        case "named_expression": {
          const name = n.childForFieldName("name");
          if (name) bind({ name: name.text, kind: "other", node: name });
          break;
        }
        case "delete_statement":
          break;
      }
      for (const child of n.namedChildren) visit(child);
    };
    visit(node);
  }
}

function within(outer: Node | null, inner: Node): boolean {
  return !!outer && outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

function insideFunctionProper(fn: Node, node: Node): boolean {
  const body = fn.childForFieldName("body");
  if (within(body, node)) return true;
  const params = fn.childForFieldName("parameters");
  if (!params || !within(params, node)) return false;
  // Parameter names are inside; default values and annotations are not.
  for (let n: Node | null = node; n && n.id !== params.id; n = n.parent) {
    const p = n.parent;
    if (!p) break;
    if (
      (p.type === "default_parameter" || p.type === "typed_default_parameter") &&
      p.childForFieldName("value")?.id === n.id
    )
      return false;
    if (n.type === "type") return false;
  }
  return true;
}

function bindParameter(p: Node, bind: (b: Binding) => void): void {
  let ident: Node | null = null;
  switch (p.type) {
    case "identifier":
      ident = p;
      break;
    case "default_parameter":
    case "typed_default_parameter":
      ident = p.childForFieldName("name");
      break;
    case "typed_parameter":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      ident = p.namedChildren.find((c) => c.type === "identifier") ?? null;
      if (!ident && p.type === "typed_parameter") {
        const inner = p.namedChild(0);
        if (inner) return bindParameter(inner, bind);
      }
      break;
  }
  if (ident) bind({ name: ident.text, kind: "parameter", node: ident });
}

/** Binds the names of an assignment-like target (tuples, lists, starred; not attributes). */
function bindTargets(target: Node, kind: BindingKind, bind: (b: Binding) => void): void {
  switch (target.type) {
    case "identifier":
      bind({ name: target.text, kind, node: target });
      return;
    case "attribute":
    case "subscript":
      return;
    default:
      for (const child of target.namedChildren) bindTargets(child, kind, bind);
  }
}

function bindImport(stmt: Node, bind: (b: Binding) => void): void {
  if (stmt.type === "future_import_statement") return;
  const names = stmt.childrenForFieldName("name");
  for (const n of names) {
    if (n.type === "aliased_import") {
      const alias = n.childForFieldName("alias");
      if (alias) bind({ name: alias.text, kind: "import", node: alias, statement: stmt });
    } else if (n.type === "dotted_name") {
      // `import a.b.c` binds `a`; `from m import a` binds `a`.
      const first = n.namedChild(0);
      if (first) bind({ name: first.text, kind: "import", node: first, statement: stmt });
    }
  }
}

/** False for identifiers that are not name references: attribute names, keyword names, bindings. */
export function isReference(ident: Node): boolean {
  const p = ident.parent;
  if (!p) return false;
  switch (p.type) {
    case "attribute":
      return p.childForFieldName("object")?.id === ident.id;
    case "keyword_argument":
      return p.childForFieldName("name")?.id !== ident.id;
    case "function_definition":
    case "class_definition":
      return p.childForFieldName("name")?.id !== ident.id;
    case "parameters":
    case "lambda_parameters":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      return !isInParameters(p);
    case "default_parameter":
    case "typed_default_parameter":
      return p.childForFieldName("name")?.id !== ident.id;
    case "typed_parameter":
      return false;
    case "dotted_name":
    case "aliased_import":
    case "import_prefix":
    case "relative_import":
      return false;
    case "global_statement":
    case "nonlocal_statement":
      return false;
    case "keyword_pattern":
      return false;
  }
  return true;
}

function isInParameters(n: Node): boolean {
  for (let p: Node | null = n; p; p = p.parent) {
    if (p.type === "parameters" || p.type === "lambda_parameters") return true;
    if (p.type !== "list_splat_pattern" && p.type !== "dictionary_splat_pattern") return false;
  }
  return false;
}
