// mitmproxy options as addons see them: `ctx.options.<name>` (through any import form or
// alias of ctx/ctx.options), `loader.add_option("<name>", …)`, and `ctx.options.update(name=…)`.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { argumentsOf, attributeName, stringValue } from "../../src/syntax.js";

export const CTX_OPTIONS = "mitmproxy.ctx.options";

export interface OptionUse {
  /** The `ctx.options.<name>` attribute node. */
  node: Node;
  name: string;
}

/** Every `ctx.options.<name>` attribute in the file. */
export function optionUses(file: SourceFile, names?: ReadonlySet<string> | readonly string[]): OptionUse[] {
  const wanted = names ? new Set(names) : null;
  const out: OptionUse[] = [];
  for (const attr of file.nodes("attribute")) {
    const name = attributeName(attr);
    if (!name || (wanted && !wanted.has(name))) continue;
    if (file.imports.resolve(attr.childForFieldName("object")) !== CTX_OPTIONS) continue;
    out.push({ node: attr, name });
  }
  return out;
}

export interface OptionKeyword {
  /** The keyword_argument node `name=value` of `ctx.options.update(...)`. */
  node: Node;
  name: string;
  value: Node;
}

/** Keyword arguments of `ctx.options.update(name=value, …)` calls. */
export function optionUpdateKeywords(file: SourceFile, names?: readonly string[]): OptionKeyword[] {
  const out: OptionKeyword[] = [];
  for (const call of file.nodes("call")) {
    if (file.imports.resolve(call.childForFieldName("function")) !== `${CTX_OPTIONS}.update`) continue;
    for (const [name, kw] of argumentsOf(call).keywords) {
      if (names && !names.includes(name)) continue;
      out.push({ node: kw, name, value: kw.childForFieldName("value")! });
    }
  }
  return out;
}

export interface AddedOption {
  call: Node;
  /** The string literal that names the option. */
  nameNode: Node;
  name: string;
  /** The typespec argument, if given. */
  typespec: Node | null;
}

/** Calls `<x>.add_option("<name>", typespec, …)` with a literal name (Loader and OptManager alike). */
export function addOptionCalls(file: SourceFile): AddedOption[] {
  const out: AddedOption[] = [];
  for (const call of file.nodes("call")) {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute" || attributeName(fn) !== "add_option") continue;
    const args = argumentsOf(call);
    const nameNode = args.positional[0] ?? args.keywords.get("name")?.childForFieldName("value") ?? null;
    const name = stringValue(nameNode);
    if (!nameNode || name === null) continue;
    const typespec = args.positional[1] ?? args.keywords.get("typespec")?.childForFieldName("value") ?? null;
    out.push({ call, nameNode, name, typespec });
  }
  return out;
}

/**
 * Reports addon options whose names mitmproxy itself started to use in a release: the addon's
 * add_option then overrides the built-in option (mitmproxy only logs "Over-riding existing option").
 */
export function reportOptionCollisions(
  file: SourceFile,
  id: string,
  release: string,
  added: Readonly<Record<string, string>>,
): void {
  for (const opt of addOptionCalls(file)) {
    const since = added[opt.name];
    if (!since) continue;
    file.report(
      opt.nameNode,
      id,
      `mitmproxy ${release} added a built-in option named '${opt.name}' (${since}); this add_option overrides it ` +
        `(mitmproxy only logs "Over-riding existing option"), so the addon and mitmproxy would share one value. ` +
        `Rename the addon's option.`,
    );
  }
}
