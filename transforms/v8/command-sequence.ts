// D8-01: from mitmproxy 8.1.0 the command type registry and the option parser compare
// annotations with collections.abc.Sequence[...]; typing.Sequence[X] is not equal to it, so
// commands annotated with typing.Sequence are silently not registered.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { applyMoves } from "../../src/moves.js";
import { argumentsOf, attributeName } from "../../src/syntax.js";
import { decoratorsOf } from "../../src/nodes.js";

const COMMAND = "mitmproxy.command.command";
const TYPING_SEQUENCE = "typing.Sequence";

export default defineTransform({
  id: "v8/command-sequence",
  catalog: ["D8-01"],
  title: "typing.Sequence in @command.command and add_option types → collections.abc.Sequence",
  safety: "safe",
  description:
    "From mitmproxy 8.1.0 the command argument types (Sequence[str], Sequence[flow.Flow]) and the option " +
    "parser are keyed on collections.abc.Sequence[...], and typing.Sequence[X] does not compare equal to it: a " +
    "command annotated with typing.Sequence is dropped with only a warning (\"unknown type\"), and `--set` " +
    "fails for such an option. When a @command.command signature or an add_option typespec uses " +
    "typing.Sequence, the file's typing.Sequence is replaced by collections.abc.Sequence (imports included; " +
    "the two are interchangeable on Python ≥3.9, which mitmproxy 8.1 requires).",
  needs: ["Sequence"],
  run(file) {
    const places = [...commandAnnotations(file), ...optionTypespecs(file)];
    const uses = places.flatMap((n) => sequenceUses(file, n));
    if (uses.length === 0) return;
    const { wildcards } = applyMoves(file, [{ from: TYPING_SEQUENCE, to: "collections.abc.Sequence" }]);
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "D8-01",
        "commands and options must use collections.abc.Sequence since mitmproxy 8.1 (typing.Sequence[X] is not equal to it); " +
          "this star import provides typing.Sequence: add `from collections.abc import Sequence` after it.",
      );
    }
  },
});

/** Parameter and return annotations of functions decorated with @command.command(...). */
function commandAnnotations(file: SourceFile): Node[] {
  const out: Node[] = [];
  for (const def of file.nodes("function_definition")) {
    const isCommand = decoratorsOf(def).some(
      (d) => d.type === "call" && file.imports.resolve(d.childForFieldName("function")) === COMMAND,
    );
    if (!isCommand) continue;
    for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
      const t = p.childForFieldName("type");
      if (t) out.push(t);
    }
    const ret = def.childForFieldName("return_type");
    if (ret) out.push(ret);
  }
  return out;
}

/** The typespec argument of every `<x>.add_option(name, typespec, …)` call. */
function optionTypespecs(file: SourceFile): Node[] {
  const out: Node[] = [];
  for (const call of file.nodes("call")) {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute" || attributeName(fn) !== "add_option") continue;
    const args = argumentsOf(call);
    const t = args.positional[1] ?? args.keywords.get("typespec")?.childForFieldName("value");
    if (t) out.push(t);
  }
  return out;
}

/** Names and attributes inside `node` that resolve to typing.Sequence. */
function sequenceUses(file: SourceFile, node: Node): Node[] {
  const candidates = [node, ...node.descendantsOfType(["identifier", "attribute"])];
  return candidates.filter((n) => (n.type === "identifier" || n.type === "attribute") && file.imports.resolve(n) === TYPING_SEQUENCE);
}
