// src/splice.ts places the edits of a pass in the old tree instead of re-parsing the file.
// These tests check the spliced tree against tree-sitter's own parse of the new text, node by
// node: edits that must be spliced (and are), edits that must not be (the file is parsed
// again), and realistic edits over every snapshot input, several rounds in a row, so that the
// incremental parse that follows splices (from edits still pending on the native tree) is
// tested too.
import { describe, expect, it } from "vitest";
import { checks, parse, reparse, reparseCounts, type Tree } from "../src/parser.js";
import type { TextChange } from "../src/tree.js";
import { snapshotCases } from "./snapshot-cases.js";
import { prng } from "./helpers.js";
import { differences, expectWellFormed, native } from "./tree-compare.js";

/** Replacements of [start, end) spans of `text` (any order, disjoint) as sorted changes and the new text. */
function applyEdits(text: string, edits: [number, number, string][]): { changes: TextChange[]; next: string } {
  const sorted = [...edits].sort((a, b) => a[0] - b[0]);
  let next = "";
  let pos = 0;
  const changes: TextChange[] = [];
  for (const [start, end, replacement] of sorted) {
    next += text.slice(pos, start) + replacement;
    pos = end;
    changes.push({ start, oldEnd: end, newLength: replacement.length });
  }
  return { changes, next: next + text.slice(pos) };
}

/** Each [find, replacement]: the first occurrence of `find` (after the previous one's) replaced. */
function edits(text: string, pairs: [string, string][]): [number, number, string][] {
  let from = 0;
  return pairs.map(([find, replacement]) => {
    const at = text.indexOf(find, from);
    if (at < 0) throw new Error(`not in the text: ${find}`);
    from = at + find.length;
    return [at, at + find.length, replacement];
  });
}

/** Re-parses with the edits; says whether the tree was spliced, and checks it against tree-sitter node by node. */
function reparseChecked(tree: Tree, list: [number, number, string][]): { tree: Tree; spliced: boolean } {
  const { changes, next } = applyEdits(tree.text, list);
  const before = reparseCounts.spliced;
  const saved = checks.verifyTrees;
  checks.verifyTrees = false; // compared here, with more detail
  let out: Tree;
  try {
    out = reparse(tree, changes, next);
  } finally {
    checks.verifyTrees = saved;
  }
  expect(differences(out.rootNode, native.parse(next).rootNode), JSON.stringify(next)).toEqual([]);
  expectWellFormed(out, next);
  return { tree: out, spliced: reparseCounts.spliced > before };
}

const ADDON = `"""An addon."""
import logging

from mitmproxy import ctx


class Counter:
    def __init__(self):
        self.count = 0  # seen so far

    @staticmethod
    def clientconnect(layer):
        ctx.log.info("client: %s" % (layer.client_conn.address,))
        host, port = layer.client_conn.address

    def websocket_message(self, flow):
        for m in flow.messages:
            if "spam" in m.content:
                m.kill()
            elif m.from_client:
                ctx.log.debug("from client")
        ctx.log.warn("done")


addons = [Counter()]
`;

describe("splicing the edits of a pass into the old tree", () => {
  const must: [string, string, [string, string][]][] = [
    ["a name renamed", ADDON, [["clientconnect", "client_connected"]]],
    ["names renamed in a header and in a statement", ADDON, [["layer)", "client)"], ["layer.client_conn.address,", "client.peername,"]]],
    ["a statement rewritten", ADDON, [['ctx.log.info("client', 'logging.info("client']]],
    ["the last statement of a block rewritten", ADDON, [['ctx.log.warn("done")', 'logging.warning("done")']]],
    ["an import replaced by two, its line end included", ADDON, [["from mitmproxy import ctx\n", "import logging\nfrom mitmproxy.log import ALERT\n"]]],
    ["statements inserted after one", ADDON, [["self.count = 0", "self.count = 0\n        self.seen = set()\n        self.other = None"]]],
    ["a block's first statement deleted with its line", ADDON, [['\n        ctx.log.info("client: %s" % (layer.client_conn.address,))', ""]]],
    ["a block's last statement deleted with its line", ADDON, [['        host, port = layer.client_conn.address\n', ""]]],
    ["a statement deleted with the next line's indentation", ADDON, [['ctx.log.info("client: %s" % (layer.client_conn.address,))\n        ', ""]]],
    ["a header's expression rewritten, the body kept", ADDON, [["in flow.messages:", "in flow.websocket.messages:"]]],
    ["a decorated method's header rewritten", ADDON, [["def clientconnect(layer):", "def client_connected(self, client):"]]],
    ["a function inserted in the blank lines before a class", ADDON, [["\n\nclass Counter", "\n\ndef helper():\n    return 1\n\n\nclass Counter"]]],
    ["a class's base added", ADDON, [["class Counter:", "class Counter(Base):"]]],
    ["an elif condition", ADDON, [["elif m.from_client", "elif m.is_text"]]],
    ["a callee replaced by another (an expression alone)", ADDON, [["ctx.log.warn", "logging.warning"]]],
    ["an attribute's object replaced", ADDON, [["ctx.log.debug", "logging.debug"]]],
    // Dotted names are made without a parse (src/splice.ts dottedName): one name, two dots, in several places.
    ["operands replaced by dotted names", "x = y + f(z)[w]\n", [["y", "a.b.c"], ["z", "q"], ["w", "u.v"]]],
    ["statements inserted at two line starts of one gap", "import os\n\n\nx = 1\n", [["\n\n\nx", "\nimport re\n\nimport sys\n\nx"]]],
    // A[B] is a generic type, A[b.c] a subscript: the whole header is parsed again, not the expression.
    ["an annotation's type argument replaced", "def f(flows: typing.Sequence[flow.Flow]):\n    pass\n", [["flow.Flow", "Flow"]]],
    ["a statement in an elif block", ADDON, [['ctx.log.debug("from client")', 'logging.debug("from client")']]],
    ["CRLF line ends", ADDON.replaceAll("\n", "\r\n"), [["from mitmproxy import ctx\r\n", "import logging\r\n"], ['ctx.log.warn("done")', 'logging.warning("done")']]],
    ["non-ASCII text before and in the edit", 'x = "é🎉"\nctx.log.info("ü🎉 %s" % x)\n', [['ctx.log.info("ü🎉', 'logging.info("ü🎉🎉']]],
    ["tab indentation", ADDON.replaceAll("    ", "\t"), [['ctx.log.warn("done")', 'logging.warning("done")']]],
    ["a statement followed by a comment", ADDON, [["self.count = 0", "self.count = 1"]]],
    // Not a name for a name (the grammar has print statements): the statement is parsed alone instead.
    ["a name that becomes a keyword of the grammar", ADDON, [["host", "print"]]],
    ["a name that becomes a constant of the grammar", "x = y\n", [["y", "None"]]],
    ["a called name that becomes print", 'log("a")\n', [["log", "print"]]],
    ["a function renamed to a soft keyword", ADDON, [["clientconnect", "match"]]],
    ["a block's only statement replaced by two", "def f():\n    return 1\n", [["return 1", "x = 1\n    return x"]]],
    // A subscript's index is an expression even in a target: its operands are replaced alone.
    ["operands in a target's index replaced", "seen[c.address[0]] = seen.get(c.address[0], 0) + 1\n", [["c.address[0]]", "data.server.address[0]]"], ["c.address[0],", "data.server.address[0],"]]],
    ["an augmented target's index replaced by a call", "d[k] += 1\n", [["k]", "key(x)]"]]],
    ["a for loop target's index replaced", "for t[i.j] in y:\n    pass\n", [["i.j", "a"]]],
    ["a target's object replaced", "c.x = 1\n", [["c.x", "data.server.x"]]],
    ["a walrus in a target's index", "d[(n := 1)] = 2\n", [["n :=", "m :="]]],
  ];
  it.each(must)("%s", (_name, input, pairs) => {
    const r = reparseChecked(parse(input), edits(input, pairs));
    expect(r.spliced).toBe(true);
  });

  const mustNot: [string, string, [string, string][]][] = [
    ["a change across a header and its body", ADDON, [['messages:\n            if "spam" in m.content', 'messages():\n            if "spam" in m.text']]],
    ["a statement put on its header's line", ADDON, [['messages:\n            if "spam"', 'messages: pass\n            if "spam"']]],
    ["a statement made unparsable", ADDON, [['ctx.log.warn("done")', 'ctx.log.warn("done"']]],
    ["a statement whose line goes on after a semicolon", "x = 1; y = 2\n", [["x = 1", "x = 3"]]],
    ["a comment edited", ADDON, [["# seen so far", "# counted"]]],
    ["a statement dedented out of its block", ADDON, [['        ctx.log.warn("done")', 'ctx.log.warn("done")']]],
  ];
  it.each(mustNot)("not spliced, parsed again: %s", (_name, input, pairs) => {
    const r = reparseChecked(parse(input), edits(input, pairs));
    expect(r.spliced).toBe(false);
  });

  it("gives new nodes ids between their neighbours', and renumbers the tree when a place has no room left", () => {
    const ids = (t: Tree) => [...t.byType.values()].flat().map((n) => n.id);
    let r = reparseChecked(parse(ADDON), edits(ADDON, [["addons = [", "extra = 1\naddons = ["]]));
    expect(r.spliced).toBe(true);
    // Ids are spaced out in a fresh copy; the inserted statement's nodes took ids in a gap.
    expect(ids(r.tree).some((id) => id % 128 !== 0)).toBe(true);
    // Hundreds of nodes inserted at one place: more than the gap holds, so every node is numbered again.
    const many = Array.from({ length: 60 }, (_, i) => `more_${i} = f(${i})\n`).join("");
    r = reparseChecked(r.tree, edits(r.tree.text, [["extra = 1\n", `extra = 1\n${many}`]]));
    expect(r.spliced).toBe(true);
    expect(ids(r.tree).every((id) => id % 128 === 0)).toBe(true);
  });

  it("parses incrementally after splices, from the edits pending on the native tree", () => {
    let tree = parse(ADDON);
    let r = reparseChecked(tree, edits(tree.text, [["clientconnect", "client_connected"]]));
    expect(r.spliced).toBe(true);
    r = reparseChecked(r.tree, edits(r.tree.text, [['ctx.log.warn("done")', 'logging.warning("done")']]));
    expect(r.spliced).toBe(true);
    r = reparseChecked(r.tree, edits(r.tree.text, [["# seen so far", "# counted"]]));
    expect(r.spliced).toBe(false);
    tree = r.tree;
    expect(tree.pendingEdits).toEqual([]);
  });
});

/** Realistic edits of one round: names renamed, statements rewritten, inserted, deleted, headers changed. */
function realisticEdits(tree: Tree, rnd: () => number, round: number): [number, number, string][] {
  const text = tree.text;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  const statements = [...tree.byType.values()]
    .flat()
    .filter((n) => n.type.endsWith("_statement") && !["if_statement", "for_statement", "while_statement", "try_statement", "with_statement", "match_statement"].includes(n.type))
    .filter((n) => n.parent && (n.parent.type === "block" || n.parent.type === "module"));
  const lineStart = (o: number) => text.lastIndexOf("\n", o - 1) + 1;
  const indentOf = (n: Node) => text.slice(lineStart(n.startIndex), n.startIndex);
  const out: [number, number, string][] = [];
  const free = (s: number, e: number) => out.every(([a, b]) => e < a - 1 || s > b + 1);
  const add = (s: number, e: number, r: string) => {
    if (free(s, e)) out.push([s, e, r]);
  };
  for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
    const op = Math.floor(rnd() * 6);
    const stmt = pick(statements);
    if (op === 0) {
      const id = pick(tree.byType.get("identifier") ?? []);
      if (id && /^[A-Za-z_]\w*$/.test(id.text) && !["print", "exec", "match", "type", "case", "_"].includes(id.text)) add(id.startIndex, id.endIndex, `${id.text}_r${round}`);
    } else if (op === 1 && stmt) {
      add(stmt.startIndex, stmt.endIndex, `rewritten_${round}_${k} = compute(1, "two")`);
    } else if (op === 2 && stmt && !/[;\\]/.test(text.slice(stmt.endIndex, text.indexOf("\n", stmt.endIndex) + 1 || text.length))) {
      add(stmt.endIndex, stmt.endIndex, `\n${indentOf(stmt)}inserted_${round}_${k}()`);
    } else if (op === 3 && stmt && stmt.parent!.namedChildren.length > 1 && /^[ \t]*$/.test(indentOf(stmt))) {
      const nl = text.indexOf("\n", stmt.endIndex);
      add(lineStart(stmt.startIndex), nl < 0 ? text.length : nl + 1, "");
    } else if (op === 4) {
      const header = pick((tree.byType.get("if_statement") ?? []).concat(tree.byType.get("while_statement") ?? []));
      const condition = header?.childForFieldName("condition");
      if (condition) add(condition.startIndex, condition.endIndex, `(${condition.text}) and ok_${round}`);
    } else if (op === 5 && stmt && /^[ \t]*$/.test(indentOf(stmt))) {
      const at = lineStart(stmt.startIndex);
      add(at, at, `${indentOf(stmt)}gap_${round}_${k} = 0\n`);
    }
  }
  return out;
}

describe("splicing realistic edits of every snapshot input", () => {
  const cases = snapshotCases().map((c): [string, string] => [`${c.transform}/${c.name}`, c.input]);
  let spliced = 0;
  let total = 0;
  it.each(cases)("gives the tree a full parse gives, round after round: %s", (name, input) => {
    const rnd = prng(name.length * 104729 + input.length);
    let tree = parse(input);
    if (tree.rootNode.hasError) return;
    for (let round = 0; round < 4; round++) {
      const list = realisticEdits(tree, rnd, round);
      if (list.length === 0) continue;
      const r = reparseChecked(tree, list);
      total++;
      if (r.spliced) spliced++;
      tree = r.tree;
      if (tree.rootNode.hasError) break;
    }
  });
  it("spliced most of those re-parses", () => {
    console.log(`realistic edits: ${spliced} of ${total} re-parses spliced`);
    expect(total).toBeGreaterThan(300);
    // Not all: a deletion can leave a block empty, an edit can meet a `;` or a comment.
    expect(spliced / total).toBeGreaterThan(0.85);
  });
});
