// mitmproxy's @concurrent decorator (mitmproxy.script.concurrent), through any import form.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { decoratorsOf } from "../../src/nodes.js";

const NAMES = ["mitmproxy.script.concurrent", "mitmproxy.script.concurrent.concurrent"];

/** The @concurrent decorator of a function definition, if it has one. */
export function concurrentDecorator(file: SourceFile, def: Node): Node | null {
  return decoratorsOf(def).find((d) => NAMES.includes(file.imports.resolve(d) ?? "")) ?? null;
}
