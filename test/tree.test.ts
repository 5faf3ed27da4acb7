// src/tree.ts copies each tree-sitter tree into JavaScript objects once; every transform reads
// the copy. These tests compare the copy with the native tree node by node, over every
// snapshot input and over broken and unusual inputs (ERROR and MISSING nodes, CRLF, non-ASCII
// text, an empty file), so that a difference in any answer the transforms rely on fails here.
import { describe, expect, it } from "vitest";
import Parser from "tree-sitter";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { checks, EMPTY_NODE_TYPES, HIDDEN_START_TYPES, NAMED_TOKENS, parse, reparse, TEXT_BETWEEN_CHILDREN, type Node } from "../src/parser.js";
import { snapshotCases } from "./snapshot-cases.js";
import { prng, randomChanges } from "./helpers.js";
import { differences, expectWellFormed, native } from "./tree-compare.js";

function same(a: Node | null, b: Parser.SyntaxNode | null): boolean {
  if (!a || !b) return a === b;
  return a.type === b.type && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

const UNUSUAL: Record<string, string> = {
  empty: "",
  "only a comment": "# nothing here",
  crlf: "def request(flow):\r\n    flow.request.host = 'ä.example'\r\n",
  "non-ASCII and astral": 's = "ünïcødé 🎉"\nx = {"k": "🎉"}  # 🎉\nprint(s, x)\n',
  "missing colon": "def f(x)\n    return x\n",
  "missing paren": "print((1, 2)\n",
  "error in class": "class A:\n    def f(self):\n        return )\n    x = 1\n",
  "empty block": "def f():\n",
  "leading blank lines": "\n\n\nimport os\n\n\n",
  "unterminated string": 'x = "abc\n',
  "unterminated docstring": '"""Block ads.\n\nimport re\n',
  // tree-sitter-python inserts a MISSING (zero-width) ")" here.
  "missing close paren": "def request(:\n    pass\n\n\ndef response(flow):\n    return flow\n",
  // Anonymous nodes whose text is not their type: aliases of two tokens, spaced as written.
  "spaced not in / is not": "if a not  in b or c is \\\n  not d:\n    pass\nx = [y for y in z if y not\tin w]\n",
  // Nodes whose starts the copy reads from the text (src/tree.ts, nodeStart), next to what it
  // must not skip: string content that starts with blanks, a format spec's text, backslash
  // continuations (a node in some places, blank space in others), Unicode blank space, tabs,
  // form feeds and vertical tabs, and a match statement's block (it starts at the line end).
  "leaf starts": [
    'x = "  lead" + f"{ y !r:>{w}} {z:%H:%M}" + b"\\x00 "',
    "if a and \\",
    "        b:\tpass",
    "t = (1 +\\",
    "     2)\f",
    "\u00a0u = 1\u3000+\u00a0v",
    "\vw = [1,\t2 ,3]",
    "match cmd:",
    "    case [x, *rest] if x:",
    "        pass",
    "    case {'k': v}:  # a comment",
    "        pass",
    "",
  ].join("\n"),
  // Every kind of node that fills a field, and keyword-like identifiers.
  fields: "async def f(a: int = 1, *, b=2) -> None:\n    print = exec = match = type = 1\n    return (lambda x: x)(a)[1:2] if a else not b\n",
};

const inputs: [string, string][] = [
  ...snapshotCases().map((c): [string, string] => [`${c.transform}/${c.name}`, c.input]),
  ...Object.entries(UNUSUAL),
];

describe("the JavaScript copy of a tree-sitter tree", () => {
  it.each(inputs)("matches the native tree node by node: %s", (_name, text) => {
    const orig = native.parse(text).rootNode;
    const copy = parse(text).rootNode;
    expect(differences(copy, orig)).toEqual([]);
  });

  it.each(inputs)("answers descendantsOfType and descendantForIndex as tree-sitter does: %s", (_name, text) => {
    const orig = native.parse(text).rootNode;
    const copy = parse(text).rootNode;
    for (const types of [["call"], ["identifier", "attribute"], ["comment", "string"], ["ERROR"]]) {
      const ours = copy.descendantsOfType(types).map((n) => `${n.type}@${n.startIndex}`);
      const theirs = orig.descendantsOfType(types).map((n) => `${n.type}@${n.startIndex}`);
      expect(ours).toEqual(theirs);
      // Below the root, the search walks the subtree.
      for (const fn of copy.descendantsOfType("function_definition").slice(0, 3)) {
        const o = orig.descendantForIndex(fn.startIndex, fn.endIndex);
        expect(fn.descendantsOfType(types).map((n) => n.startIndex)).toEqual(o.descendantsOfType(types).map((n) => n.startIndex));
      }
    }
    // Every offset of short inputs, a sample of long ones, as a point and as a range.
    const step = Math.max(1, Math.floor(text.length / 400));
    for (let i = 0; i <= text.length; i += step) {
      expect(same(copy.descendantForIndex(i, i), orig.descendantForIndex(i, i)), `offset ${i}`).toBe(true);
      const end = Math.min(text.length, i + 7);
      expect(same(copy.descendantForIndex(i, end), orig.descendantForIndex(i, end)), `range ${i}-${end}`).toBe(true);
    }
  });

  it.each(inputs)("answers headIs as text.split(\".\", 1)[0] === name: %s", (_name, text) => {
    const root = parse(text).rootNode;
    for (const node of root.descendantsOfType(["attribute", "identifier", "call", "subscript"])) {
      const head = node.text.split(".", 1)[0];
      const names = [head, head.slice(0, -1), `${head}x`, node.text, "ctx", "self"].filter((n) => n !== "" && !n.includes("."));
      for (const name of names) expect(node.headIs(name), `${node.text} / ${name}`).toBe(head === name);
    }
  });

  it("answers for a huge file: more nodes of a type than a function call takes arguments", () => {
    const n = 300_000;
    const root = parse(`x = [${"a, ".repeat(n)}]\n`).rootNode;
    expect(root.descendantsOfType(["identifier", "integer"]).length).toBe(n + 1);
    expect(root.descendantsOfType("identifier").length).toBe(n + 1);
  });

  it("gives each node one id, in document order, and links siblings", () => {
    const root = parse("import os\n\ndef f(a, b):\n    return a + b\n").rootNode;
    const all = root.descendantsOfType(["module", "import_statement", "function_definition", "identifier", "return_statement"]);
    const ids = all.map((n) => n.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const params = root.descendantsOfType("parameters")[0];
    expect(params.namedChildren.map((n) => n.text)).toEqual(["a", "b"]);
    expect(params.namedChildren[1].previousSibling?.text).toBe(",");
    expect(params.namedChildren[0].nextNamedSibling?.text).toBe("b");
    expect(params.parent?.type).toBe("function_definition");
  });
});

/** grammar.json's rule shapes (the part read here). */
interface Rule {
  type: string;
  name?: string;
  value?: string;
  named?: boolean;
  content?: Rule;
  members?: Rule[];
}

describe("what the copy assumes of the grammar", () => {
  const grammarJson = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../node_modules/tree-sitter-python/src/grammar.json"), "utf8"),
  ) as { rules: Record<string, Rule> };
  // parser.c numbers the terminal symbols first (`sym_identifier = 1`, …), below TOKEN_COUNT.
  const parserC = fs.readFileSync(path.resolve(__dirname, "../node_modules/tree-sitter-python/src/parser.c"), "utf8");
  const tokenCount = Number(/#define TOKEN_COUNT (\d+)/.exec(parserC)![1]);
  /** Every ALIAS rule of the grammar, wherever it is nested. */
  const aliasRules = (): Rule[] => {
    const found: Rule[] = [];
    const visit = (r: Rule | undefined) => {
      if (!r) return;
      if (r.type === "ALIAS") found.push(r);
      visit(r.content);
      r.members?.forEach(visit);
    };
    Object.values(grammarJson.rules).forEach(visit);
    return found;
  };

  it("knows tree-sitter-python's named tokens: the nodes it never asks for children", () => {
    const tokens = new Set<string>();
    for (const m of parserC.matchAll(/^ {2}sym_([a-z][a-z0-9_]*) = (\d+),$/gm)) if (Number(m[2]) < tokenCount) tokens.add(m[1]);
    expect([...tokens].sort()).toEqual([...NAMED_TOKENS].sort());
    // A named alias to one of these names must itself alias a token (a choice of keywords
    // aliased to identifier does), or that node could have children.
    const TOKEN = new Set(["TOKEN", "IMMEDIATE_TOKEN", "PATTERN", "STRING"]);
    const isToken = (r: Rule): boolean => TOKEN.has(r.type) || (r.type === "CHOICE" && r.members!.every(isToken));
    const aliasesToTokens = aliasRules().filter((r) => r.named && tokens.has(r.value!));
    expect(aliasesToTokens.length).toBeGreaterThan(0);
    for (const a of aliasesToTokens) expect(isToken(a.content!), JSON.stringify(a)).toBe(true);
  });

  it("knows the hidden tokens that have text: node starts are read from the text only outside them", () => {
    // parser.c gives every symbol's metadata; the terminals (numbered below TOKEN_COUNT) that are
    // not visible never become nodes. _newline, _indent and _dedent are empty (the scanner marks
    // their end before it reads the blank space and comments that follow); the other two have
    // text, and only TEXT_BETWEEN_CHILDREN node types can hold them.
    const ids = new Map([...parserC.matchAll(/^ {2}((?:aux_)?sym_\w+) = (\d+),$/gm)].map((m) => [m[1], Number(m[2])]));
    const hidden = [...parserC.matchAll(/\[((?:aux_)?sym_\w+)\] = \{\s*\.visible = false,/g)].map((m) => m[1]).filter((n) => ids.get(n)! < tokenCount);
    expect(hidden.sort()).toEqual(["aux_sym_format_specifier_token1", "sym__dedent", "sym__indent", "sym__newline", "sym__string_content"]);
    const rulesUsing = (name: string) =>
      Object.entries(grammarJson.rules)
        .filter(([, r]) => JSON.stringify(r).includes(`"name":"${name}"`))
        .map(([k]) => k);
    expect(rulesUsing("_string_content")).toEqual(["string_content"]);
    for (const t of ["string_content", "format_specifier"]) expect(TEXT_BETWEEN_CHILDREN).toContain(t);
  });

  // The scanner's empty tokens, and the hidden tokens with text (see the test above).
  const emptyTokens = new Set(["_newline", "_indent", "_dedent"]);
  const textTokens = new Set(["_string_content"]);
  /** The rules that can match no text: blank, a repeat, an empty token, or made only of such (a fixed point). */
  const nullableRules = (): Set<string> => {
    const nullable = new Set<string>();
    for (let before = -1; before !== nullable.size; ) {
      before = nullable.size;
      for (const [name, rule] of Object.entries(grammarJson.rules)) if (canBeEmpty(rule, nullable)) nullable.add(name);
    }
    return nullable;
  };
  const canBeEmpty = (r: Rule, nullable: ReadonlySet<string>): boolean => {
    switch (r.type) {
      case "BLANK":
      case "REPEAT":
        return true;
      case "STRING":
        return r.value === "";
      case "PATTERN":
        return false;
      case "SYMBOL":
        return emptyTokens.has(r.name!) || nullable.has(r.name!);
      case "SEQ":
        return r.members!.every((m) => canBeEmpty(m, nullable));
      case "CHOICE":
        return r.members!.some((m) => canBeEmpty(m, nullable));
      default:
        return canBeEmpty(r.content!, nullable);
    }
  };

  it("knows the node types that can be empty: after them the cursor is always asked for a next sibling", () => {
    // An alias of a rule that can be empty is a visible empty node of the alias's name.
    const nullable = nullableRules();
    const visible = new Set<string>();
    for (const name of nullable) if (!name.startsWith("_")) visible.add(name);
    for (const r of aliasRules()) if (r.named && canBeEmpty(r.content!, nullable)) visible.add(r.value!);
    expect([...visible].sort()).toEqual([...EMPTY_NODE_TYPES].sort());
  });

  it("knows the node types that can start with a hidden token: their starts are asked of the cursor", () => {
    // What a rule can start with (through the rules that can be empty): a visible node or token,
    // or one of the hidden tokens; a hidden rule's start is its content's, a visible rule or
    // alias starts a node of its own. Solved to a fixed point.
    const nullable = nullableRules();
    const first = new Map<string, Set<string>>();
    const startsOf = (r: Rule): Set<string> => {
      switch (r.type) {
        case "BLANK":
          return new Set();
        case "STRING":
        case "PATTERN":
        case "TOKEN":
        case "IMMEDIATE_TOKEN":
          return new Set(["visible"]);
        case "SYMBOL": {
          const name = r.name!;
          if (emptyTokens.has(name) || textTokens.has(name)) return new Set([name]);
          if (!(name in grammarJson.rules) || !name.startsWith("_")) return new Set(["visible"]);
          return new Set(first.get(name) ?? []);
        }
        case "ALIAS":
          return r.value!.startsWith("_") ? startsOf(r.content!) : new Set(["visible"]);
        case "SEQ": {
          const out = new Set<string>();
          for (const m of r.members!) {
            for (const x of startsOf(m)) out.add(x);
            if (!canBeEmpty(m, nullable)) break;
          }
          return out;
        }
        case "CHOICE":
          return new Set(r.members!.flatMap((m) => [...startsOf(m)]));
        default:
          return startsOf(r.content!);
      }
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, rule] of Object.entries(grammarJson.rules)) {
        const next = startsOf(rule);
        if (next.size !== (first.get(name)?.size ?? 0)) changed = true;
        first.set(name, next);
      }
    }
    // A visible node type (a rule, or an alias of a rule, by the alias's name) that can start hidden.
    const hiddenStart = new Set<string>();
    const visibleStarts = (name: string, starts: Set<string>) => {
      if (!name.startsWith("_") && [...starts].some((x) => x !== "visible")) hiddenStart.add(name);
    };
    for (const [name, starts] of first) visibleStarts(name, starts);
    for (const r of aliasRules()) {
      if (!r.named) continue;
      const content = r.content!;
      const inner = content.type === "SYMBOL" && content.name!.startsWith("_") && content.name! in grammarJson.rules ? first.get(content.name!)! : startsOf(content);
      visibleStarts(r.value!, inner);
    }
    expect([...hiddenStart].sort()).toEqual([...HIDDEN_START_TYPES].sort());
  });

  it("copies a sample of the Python standard library exactly (fields and leaves included)", () => {
    const stdlib = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).stdout.trim();
    const files = fs
      .readdirSync(stdlib)
      .filter((f) => f.endsWith(".py"))
      .sort()
      .filter((_, i) => i % 8 === 0);
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) {
      const text = fs.readFileSync(path.join(stdlib, f), "utf8");
      expect(differences(parse(text).rootNode, native.parse(text).rootNode), f).toEqual([]);
    }
  });
});

const SNIPPETS = ["", "x", "logging", ")", "(", ":", "\n", "\n    ", "\r\n", '"', "é🎉", "# c\n", "def g():\n    pass\n", ",", "\t"];

describe("re-parsing a changed text (incremental, reusing the old copy)", () => {
  it.each(inputs)("gives the tree a full parse gives: %s", (name, text) => {
    const rnd = prng(name.length * 7919 + text.length);
    let tree = parse(text);
    const saved = checks.verifyTrees;
    checks.verifyTrees = false; // compared below, with the native tree, instead
    try {
      for (let round = 0; round < 4; round++) {
        // Mostly short replacements or insertions: what transforms do.
        const { changes, text: next } = randomChanges(tree.text, rnd, 1 + Math.floor(rnd() * 4), SNIPPETS, 12);
        if (changes.length === 0) continue;
        const old = tree;
        tree = reparse(old, changes, next);
        expect(differences(tree.rootNode, native.parse(next).rootNode), JSON.stringify(next)).toEqual([]);
        expectWellFormed(tree, next);
      }
    } finally {
      checks.verifyTrees = saved;
    }
  });
});
