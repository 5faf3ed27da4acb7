// DEP12-15: the option server_replay_nopop was renamed server_replay_reuse in mitmproxy 10; the old
// name is a deprecated alias option at 12.2.3.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, attributeNode, objectOf } from "../../src/syntax.js";

const OPTIONS = "mitmproxy.ctx.options";
const OLD = "server_replay_nopop";
const NEW = "server_replay_reuse";

export default defineTransform({
  id: "v12/server-replay-reuse",
  catalog: ["DEP12-15"],
  title: "ctx.options.server_replay_nopop → ctx.options.server_replay_reuse",
  safety: "safe",
  description:
    "mitmproxy 10 renamed the option server_replay_nopop to server_replay_reuse and keeps the old name as a " +
    "deprecated alias option (MIGRATIONS.md N10-03, §9); reading the old name does not see a value set under the " +
    "new one. Renamed: ctx.options.server_replay_nopop (reads and writes), ctx.options.update(server_replay_nopop=…), " +
    "and string literals that are exactly the option name (e.g. `\"server_replay_nopop\" in updated`) or a " +
    "`server_replay_nopop=…` setting (--set arguments, ctx.options.set(…)). Other text is left alone.",
  needs: [OLD],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) === OLD && file.imports.resolve(objectOf(attr)) === OPTIONS) file.replace(attributeNode(attr)!, NEW);
    }
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== `${OPTIONS}.update`) continue;
      const kw = argumentsOf(call).keywords.get(OLD);
      if (kw) file.replace(kw.childForFieldName("name")!, NEW);
    }
    for (const content of file.nodes("string_content")) {
      const text = content.text;
      const whole = text === OLD && isWholeString(content);
      const setting = text.indexOf(`${OLD}=`);
      const bounded = setting >= 0 && (setting === 0 || /[\s"'-]/.test(text[setting - 1]));
      if (!whole && !bounded) continue;
      const start = content.startIndex + (whole ? 0 : setting);
      file.replace({ start, end: start + OLD.length }, NEW, { inString: true });
    }
  },
});

function isWholeString(content: Node): boolean {
  const s = content.parent;
  return s?.type === "string" && s.namedChildren.filter((c) => c.type === "string_content").length === 1;
}
