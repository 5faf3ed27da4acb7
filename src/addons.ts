// Which files are addons, and which functions in them are event hooks.
//
// A file is an addon only with evidence: it imports one of the product's modules, it has a
// module-level `addons = [...]` list, or it defines module-level functions with names that
// only hooks have. A function is a hook when it has a hook's name and arity and is either
// a method of an addon class or a module-level function of an addon script, and the script
// never calls it itself (a helper `def log(msg)` that the script calls is not a hook).
import type { Node } from "./parser.js";
import type { SourceFile } from "./source.js";

export interface AddonKnowledge {
  /** Top-level module names whose import marks a file as an addon, e.g. ["mitmproxy"]. */
  modules: readonly string[];
  /** Every hook name of every supported version → its number of arguments. */
  hooks: Readonly<Record<string, number>>;
  /** Hook names that mark a module-level function as a hook (and the file as an addon) on their own. */
  distinctiveHooks: readonly string[];
  /** Hook names that helpers often have too: hooks only in a class or script that has other hooks. */
  weakHooks: readonly string[];
  /** Plain words that a file must contain to be worth parsing at all (the pre-filter). */
  evidenceWords: readonly string[];
}

export interface HookFunction {
  name: string;
  /** The function_definition node. */
  def: Node;
  /** The class of a method, or null for a module-level function. */
  owner: Node | null;
}

export class AddonModel {
  private _isAddon?: boolean;
  private _classes?: Set<number>;
  private _hooks?: HookFunction[];

  constructor(
    private readonly file: SourceFile,
    private readonly k: AddonKnowledge,
  ) {}

  /** Does this file show evidence of being an addon? Files without it are never changed. */
  get isAddonFile(): boolean {
    if (this._isAddon === undefined) {
      this._isAddon =
        this.file.isAddon ??
        (this.k.modules.some((m) => this.file.imports.importsFrom(m)) ||
          this.addonsList() !== null ||
          this.moduleFunctions().some((f) => this.k.distinctiveHooks.includes(nameOf(f))));
    }
    return this._isAddon;
  }

  /** Every event hook of the file (module-level functions and methods of addon classes). */
  hooks(): HookFunction[] {
    if (this._hooks) return this._hooks;
    const out: HookFunction[] = [];
    if (this.isAddonFile) {
      const fns = this.moduleFunctions();
      const hookNamed = fns.filter((f) => this.hasHookShape(f));
      for (const f of hookNamed) {
        const name = nameOf(f);
        if (this.k.weakHooks.includes(name) && hookNamed.length < 2) continue;
        if (this.isCalledAsFunction(name)) continue;
        out.push({ name, def: f, owner: null });
      }
      for (const cls of this.file.nodes("class_definition")) {
        if (!this.isAddonClass(cls)) continue;
        for (const m of methodsOf(cls)) {
          const name = nameOf(m);
          if (!this.hasHookShape(m, true)) continue;
          if (this.isCalledAsMethod(cls, name)) continue;
          out.push({ name, def: m, owner: cls });
        }
      }
    }
    this._hooks = out;
    return out;
  }

  /** Hooks with one of the given names. */
  hooksNamed(...names: string[]): HookFunction[] {
    return this.hooks().filter((h) => names.includes(h.name));
  }

  /** Is `fn` (a function_definition) a hook? */
  isHook(fn: Node): boolean {
    return this.hooks().some((h) => h.def.id === fn.id);
  }

  /** The hook whose body contains `node`, if any (nested functions excluded). */
  enclosingHook(node: Node): HookFunction | null {
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === "function_definition") return this.hooks().find((h) => h.def.id === p!.id) ?? null;
      if (p.type === "lambda" || p.type === "class_definition") return null;
    }
    return null;
  }

  isAddonClass(cls: Node): boolean {
    return (this._classes ??= this.findAddonClasses()).has(cls.id);
  }

  /** The module-level `addons = [...]` list, if any. */
  addonsList(): Node | null {
    for (const stmt of this.file.root.namedChildren) {
      if (stmt.type !== "expression_statement") continue;
      const a = stmt.namedChild(0);
      if (a?.type !== "assignment" || a.childForFieldName("left")?.text !== "addons") continue;
      const right = a.childForFieldName("right");
      if (right && (right.type === "list" || right.type === "tuple")) return right;
    }
    return null;
  }

  // ---- internals -----------------------------------------------------------------------

  private moduleFunctions(): Node[] {
    const out: Node[] = [];
    for (const stmt of this.file.root.namedChildren) {
      const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
      if (def?.type === "function_definition") out.push(def);
    }
    return out;
  }

  private hasHookShape(fn: Node, isMethod = false): boolean {
    const arity = this.k.hooks[nameOf(fn)];
    if (arity === undefined) return false;
    const { required, total, varargs } = positionalParams(fn);
    const offset = isMethod && !isStaticMethod(fn) ? 1 : 0;
    return required - offset <= arity && (total - offset >= arity || varargs);
  }

  private calledNames?: Set<string>;
  private selfCalls?: Map<number, Set<string>>;

  /** Is a module-level function `name` called by the script itself (`name(...)`)? */
  private isCalledAsFunction(name: string): boolean {
    if (!this.calledNames) {
      this.calledNames = new Set();
      for (const call of this.file.nodes("call")) {
        const f = call.childForFieldName("function");
        if (f?.type === "identifier" && this.file.scopes.resolveIdentifier(f) === this.file.scopes.module) this.calledNames.add(f.text);
      }
    }
    return this.calledNames.has(name);
  }

  /** Is method `name` called through `self.name(...)` / `cls.name(...)` inside the class? */
  private isCalledAsMethod(cls: Node, name: string): boolean {
    if (!this.selfCalls) {
      this.selfCalls = new Map();
      for (const call of this.file.nodes("call")) {
        const f = call.childForFieldName("function");
        if (f?.type !== "attribute") continue;
        const obj = f.childForFieldName("object");
        if (obj?.type !== "identifier" || (obj.text !== "self" && obj.text !== "cls")) continue;
        // The innermost class containing the call.
        let owner: Node | null = null;
        for (let p = call.parent; p; p = p.parent) {
          if (p.type === "class_definition") {
            owner = p;
            break;
          }
        }
        if (!owner) continue;
        let set = this.selfCalls.get(owner.id);
        if (!set) this.selfCalls.set(owner.id, (set = new Set()));
        set.add(f.childForFieldName("attribute")!.text);
      }
    }
    return this.selfCalls.get(cls.id)?.has(name) ?? false;
  }

  private findAddonClasses(): Set<number> {
    const classes = new Map<string, Node>();
    for (const stmt of this.file.root.namedChildren) {
      const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
      if (def?.type === "class_definition") classes.set(nameOf(def), def);
    }
    const addon = new Set<number>();
    const mark = (cls: Node | undefined) => {
      if (!cls || addon.has(cls.id)) return;
      addon.add(cls.id);
      // A hook defined in a base class in this file is a hook of the addon too.
      for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
        if (base.type === "identifier") mark(classes.get(base.text));
      }
    };
    // 1. Instantiated in `addons = [...]`, directly or through a module-level name.
    const list = this.addonsList();
    if (list) {
      for (const item of list.namedChildren) {
        let expr: Node | null = item;
        if (expr.type === "identifier") expr = this.moduleValueOf(expr.text);
        if (expr?.type !== "call") continue;
        const f = expr.childForFieldName("function");
        if (f?.type === "identifier") mark(classes.get(f.text));
      }
    }
    // 1b. Registered at run time: `<master>.addons.add(Cls())` (embedding code, addons that load others).
    for (const call of this.file.nodes("call")) {
      const f = call.childForFieldName("function");
      if (f?.type !== "attribute" || f.childForFieldName("attribute")?.text !== "add") continue;
      const obj = f.childForFieldName("object");
      if (obj?.type !== "attribute" || obj.childForFieldName("attribute")?.text !== "addons") continue;
      for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
        let expr: Node | null = arg;
        if (expr.type === "identifier") expr = this.moduleValueOf(expr.text);
        const fn = expr?.type === "call" ? expr.childForFieldName("function") : null;
        if (fn?.type === "identifier") mark(classes.get(fn.text));
      }
    }
    // 2. Shaped like an addon: a hook name that only hooks have, or two hook-shaped methods.
    for (const cls of classes.values()) {
      const hookMethods = methodsOf(cls).filter(
        (m) => this.hasHookShape(m, true) && !this.k.weakHooks.includes(nameOf(m)),
      );
      if (hookMethods.length >= 2 || hookMethods.some((m) => this.k.distinctiveHooks.includes(nameOf(m)))) mark(cls);
    }
    // 3. Subclasses of addon classes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const cls of classes.values()) {
        if (addon.has(cls.id)) continue;
        const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
        if (bases.some((b) => b.type === "identifier" && classes.has(b.text) && addon.has(classes.get(b.text)!.id))) {
          mark(cls);
          changed = true;
        }
      }
    }
    return addon;
  }

  private moduleValueOf(name: string): Node | null {
    const bindings = this.file.scopes.module.bindings.get(name);
    if (!bindings || bindings.length !== 1 || bindings[0].kind !== "assignment") return null;
    return bindings[0].value ?? null;
  }
}

export function nameOf(def: Node): string {
  return def.childForFieldName("name")?.text ?? "";
}

export function methodsOf(cls: Node): Node[] {
  const out: Node[] = [];
  for (const stmt of cls.childForFieldName("body")?.namedChildren ?? []) {
    const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (def?.type === "function_definition") out.push(def);
  }
  return out;
}

function isStaticMethod(fn: Node): boolean {
  const p = fn.parent;
  if (p?.type !== "decorated_definition") return false;
  return p.namedChildren.some((d) => d.type === "decorator" && d.text === "@staticmethod");
}

/** The parameter nodes of a function, in order. */
export function parametersOf(fn: Node): Node[] {
  return fn.childForFieldName("parameters")?.namedChildren ?? [];
}

/** The identifier a parameter binds (null for `*`, `/` and the like). */
export function parameterName(p: Node): Node | null {
  switch (p.type) {
    case "identifier":
      return p;
    case "default_parameter":
    case "typed_default_parameter":
      return p.childForFieldName("name");
    case "typed_parameter":
      return p.namedChildren.find((c) => c.type === "identifier") ?? null;
  }
  return null;
}

function positionalParams(fn: Node): { required: number; total: number; varargs: boolean } {
  let required = 0;
  let total = 0;
  let varargs = false;
  for (const p of parametersOf(fn)) {
    if (p.type === "list_splat_pattern" || p.type === "keyword_separator") {
      varargs ||= p.type === "list_splat_pattern";
      break; // what follows is keyword-only
    }
    if (p.type === "dictionary_splat_pattern" || p.type === "positional_separator") continue;
    if (p.type === "typed_parameter" && p.namedChild(0)?.type === "list_splat_pattern") {
      varargs = true;
      break;
    }
    total++;
    if (p.type === "identifier" || p.type === "typed_parameter") required++;
  }
  return { required, total, varargs };
}
