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
  /** Text range of the code inside the scope (a function: parameters and body; a class: body). */
  start: number;
  end: number;
  /** A function's parameter list range: defaults and annotations there belong to the parent. */
  paramsStart?: number;
  paramsEnd?: number;
  kind: "module" | "function" | "class" | "comprehension";
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
}

const COMPREHENSION_TYPES = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

export class Scopes {
  private readonly byNode = new Map<number, Scope>();
  /** Scopes other than the module, ordered by start (nested ranges). */
  private readonly ordered: Scope[] = [];
  readonly module: Scope;

  constructor(private readonly root: Node) {
    this.module = this.newScope(root, "module", null);
    this.buildAll(root);
  }

  /** The scope a node's names are looked up in first. */
  scopeOf(node: Node): Scope {
    // A binary search over the scopes' text ranges (no walk up the parents).
    const start = node.startIndex;
    const end = node.endIndex;
    const s = this.innermost(start, end);
    if (s.paramsStart === undefined || start < s.paramsStart || end > s.paramsEnd!) return s;
    // Inside a parameter list: names are the function's, defaults and annotations the parent's.
    return isParameterName(node) ? s : (s.parent ?? this.module);
  }

  /** The innermost scope whose range contains [start, end). */
  private innermost(start: number, end: number): Scope {
    const list = this.ordered;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let s: Scope | null = list[lo - 1] ?? this.module; s; s = s.parent) {
      if (s.start <= start && end <= s.end) return s;
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
    for (const ref of this.namesIndex(name)) {
      if (ref.startIndex < scope.node.startIndex || ref.endIndex > scope.node.endIndex) continue;
      if (this.resolveIdentifier(ref) === scope) out.push(ref);
    }
    return out;
  }

  private names?: Map<string, Node[]>;
  private checked = new Set<string>();

  /**
   * The identifiers named `name` that are name uses (isReference). Identifiers are grouped by
   * text once; whether one is a name use (which asks for its parent) is decided only for the
   * names someone looks up.
   */
  private namesIndex(name: string): Node[] {
    if (!this.names) {
      this.names = new Map();
      for (const node of this.root.descendantsOfType("identifier")) {
        const text = node.text;
        let list = this.names.get(text);
        if (!list) this.names.set(text, (list = []));
        list.push(node);
      }
    }
    const list = this.names.get(name) ?? [];
    if (!this.checked.has(name)) {
      this.checked.add(name);
      const refs = list.filter((r) => isReference(r));
      this.names.set(name, refs);
      return refs;
    }
    return list;
  }

  /** Every scope of the file, the module first. */
  all(): Scope[] {
    return [this.module, ...this.ordered];
  }

  /** Builds every scope and binding from the file's node index (one lookup for all the types). */
  private buildAll(root: Node): void {
    const module = this.module;
    // The scopes and the binding sites together, in document order.
    const all = root.descendantsOfType(SCOPE_AND_BINDING_TYPES);
    const scopeSet = new Set(SCOPE_TYPES);
    const bindingSet = new Set(BINDING_TYPES);
    const scopeNodes = all.filter((n) => scopeSet.has(n.type));
    const scopes = scopeNodes.map((n) => this.newScope(n, kindOf(n), null));
    // Parents from nesting: ranges sorted by start (outer first on ties) form a stack.
    const sorted = [...scopes].sort((x, y) => x.start - y.start || y.end - x.end);
    const stack: Scope[] = [];
    for (const sc of sorted) {
      while (stack.length && !(stack[stack.length - 1].start <= sc.start && sc.end <= stack[stack.length - 1].end)) stack.pop();
      sc.parent = stack[stack.length - 1] ?? module;
      stack.push(sc);
      this.ordered.push(sc);
    }
    const scopeAt = (n: Node) => this.innermost(n.startIndex, n.endIndex);
    const binder = (sc: Scope) => (b: Binding) => {
      const list = sc.bindings.get(b.name);
      if (list) list.push(b);
      else sc.bindings.set(b.name, [b]);
    };
    const bindAt = (n: Node) => binder(scopeAt(n));

    for (const sc of scopes) {
      if (sc.kind !== "function") continue;
      const params = sc.node.childForFieldName("parameters");
      if (params) for (const p of params.namedChildren) bindParameter(p, binder(sc));
    }
    for (const n of all) {
      if (!bindingSet.has(n.type)) continue;
      switch (n.type) {
        case "function_definition":
        case "class_definition": {
          const name = n.childForFieldName("name");
          if (name) bindAt(name)({ name: name.text, kind: "definition", node: name });
          break;
        }
        case "import_statement":
        case "import_from_statement":
          bindImport(n, bindAt(n));
          break;
        case "global_statement":
        case "nonlocal_statement": {
          const sc = scopeAt(n);
          for (const id of n.namedChildren) {
            if (id.type === "identifier") (n.type === "global_statement" ? sc.globals : sc.nonlocals).add(id.text);
          }
          break;
        }
        case "assignment": {
          const left = n.childForFieldName("left");
          if (!left) break;
          if (left.type === "identifier") {
            // `a = b = value` nests: the right side of the outer assignment is another assignment.
            let value = n.childForFieldName("right");
            while (value?.type === "assignment") value = value.childForFieldName("right");
            bindAt(left)({ name: left.text, kind: "assignment", node: left, value: value ?? undefined });
          } else bindTargets(left, "assignment", bindAt(left));
          break;
        }
        case "augmented_assignment":
        case "for_statement":
        case "for_in_clause": {
          const left = n.childForFieldName("left");
          if (left) bindTargets(left, "other", bindAt(left));
          break;
        }
        case "as_pattern_target":
          bindTargets(n, "other", bindAt(n));
          break;
        case "named_expression": {
          const name = n.childForFieldName("name");
          if (name) bindAt(name)({ name: name.text, kind: "other", node: name });
          break;
        }
      }
    }
  }

  private newScope(node: Node, kind: Scope["kind"], parent: Scope | null): Scope {
    const scope: Scope = {
      node,
      start: node.startIndex,
      end: node.endIndex,
      kind,
      parent,
      bindings: new Map(),
      globals: new Set(),
      nonlocals: new Set(),
    };
    if (kind === "function") {
      const params = node.childForFieldName("parameters");
      const body = node.childForFieldName("body");
      scope.start = params?.startIndex ?? body?.startIndex ?? node.startIndex;
      if (params) {
        scope.paramsStart = params.startIndex;
        scope.paramsEnd = params.endIndex;
      }
    } else if (kind === "class") {
      const body = node.childForFieldName("body");
      if (body) scope.start = body.startIndex;
    }
    this.byNode.set(node.id, scope);
    return scope;
  }
}

const SCOPE_TYPES = ["function_definition", "lambda", "class_definition", ...COMPREHENSION_TYPES];
const BINDING_TYPES = [
  "function_definition",
  "class_definition",
  "import_statement",
  "import_from_statement",
  "global_statement",
  "nonlocal_statement",
  "assignment",
  "augmented_assignment",
  "for_statement",
  "for_in_clause",
  "as_pattern_target",
  "named_expression",
];

const SCOPE_AND_BINDING_TYPES = [...new Set([...SCOPE_TYPES, ...BINDING_TYPES])];

function kindOf(n: Node): Scope["kind"] {
  if (n.type === "class_definition") return "class";
  if (COMPREHENSION_TYPES.has(n.type)) return "comprehension";
  return "function";
}

function isParameterName(n: Node): boolean {
  if (n.type !== "identifier") return false;
  const p = n.parent;
  if (!p) return false;
  switch (p.type) {
    case "parameters":
    case "lambda_parameters":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      return true;
    case "typed_parameter":
      return p.namedChild(0)?.id === n.id;
    case "default_parameter":
    case "typed_default_parameter":
      return p.childForFieldName("name")?.id === n.id;
  }
  return false;
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

