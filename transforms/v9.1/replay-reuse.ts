// N10-03: the option server_replay_nopop was renamed server_replay_reuse in mitmproxy 10.0; the
// old name is a deprecated alias option, and reading it misses a value set under the new name.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { optionUpdateKeywords, optionUses } from "../shared/options.js";

const OLD = "server_replay_nopop";
const NEW = "server_replay_reuse";
/** The option name as a whole token of a string: the whole string, `name=value`, or after --set. */
const IN_STRING = new RegExp(`(?<![\\w-])${OLD}(?![\\w-])`, "g");

export default defineTransform({
  id: "v9.1/replay-reuse",
  catalog: ["N10-03"],
  title: "server_replay_nopop → server_replay_reuse (ctx.options, options.update, --set strings)",
  safety: "safe",
  description:
    "mitmproxy 10.0 renamed the option server_replay_nopop to server_replay_reuse and kept the old name as a " +
    "deprecated alias option (reading the old name misses a value set under the new one). `ctx.options." +
    "server_replay_nopop`, `ctx.options.update(server_replay_nopop=…)` and the option name inside string " +
    "literals where it stands as an option (the whole string as in `\"server_replay_nopop\" in updated`, " +
    "`server_replay_nopop=true`, or after --set) are renamed.",
  needs: [OLD],
  run(file) {
    for (const { node } of optionUses(file, [OLD])) file.replace(node.childForFieldName("attribute")!, NEW);
    for (const kw of optionUpdateKeywords(file, [OLD])) file.replace(kw.node.childForFieldName("name")!, NEW);
    for (const content of file.nodes("string_content")) renameInString(file, content);
  },
});

function renameInString(file: SourceFile, content: Node): void {
  const text = content.text;
  const whole = content.parent?.namedChildren.filter((c) => c.type === "string_content").length === 1 && text === OLD;
  for (const m of text.matchAll(IN_STRING)) {
    const at = m.index!;
    const after = text.slice(at + OLD.length);
    const before = text.slice(0, at);
    if (whole || after.startsWith("=") || /--set[\s=]+$/.test(before)) {
      const start = content.startIndex + at;
      file.replace({ start, end: start + OLD.length }, NEW, { inString: true });
    }
  }
}
