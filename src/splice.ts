// The tree of an edited text without re-parsing the file. A pass edits a few names and
// statements of a file; tree-sitter's incremental parse of a whole small file costs nearly as
// much as a full one, and copying its result into JavaScript objects costs as much again. Most
// edits can be placed in the old tree instead:
//
// - a name replaced by another name (`clientconnect` → `client_connected`, `.address` →
//   `.peername`): the same token, only longer or shorter;
// - an edit inside a primary expression in an operand's place (`ctx.log` → `logging` as a
//   callee's object, `layer.client_conn.address` → `client.peername` on an assignment's right):
//   the new expression is parsed alone (a dotted name's nodes are made, not parsed);
// - edits inside one or more consecutive statements of a block or module (an import rewritten,
//   statements inserted after one or at a line's start): only those statements are parsed, alone;
// - edits inside the header of a compound statement: the header is parsed alone, with `pass` as
//   its body, and the old body is kept.
// All the pieces of a pass are parsed in one text.
//
// Why the statements alone parse as they would in the file: Python's grammar is context-free at
// statement level. A run of statements that ends with a simple statement, starts a line (only
// indentation before it) and is followed on its line by nothing but a comment leaves the parser
// where the old run left it (between two statements of the same block, same indentation), so
// everything after it parses as before; a block's statements are parsed inside `if 1:` at their
// own indentation. A header ends at its colon, whatever body follows. A primary expression binds
// tighter than anything around it, except inside the grammar's ambiguous constructs (AMBIGUOUS).
// Anything else (a syntax error in the new text, a change that spans a header and its body, an
// edit in a string, `;` after a statement, a comment at an edge) returns null, and the caller
// re-parses the file with tree-sitter. MITM_CODEMOD_VERIFY_TREES=1 (the tests) compares every spliced tree with a full parse.
import { lineStartAt } from "./lines.js";
import { lowerBound } from "./search.js";
import { Node, Tree, type ChildrenSplice, type SpanDelta, type TextChange } from "./tree.js";

/** tree-sitter-python's simple statements: each ends its line (or a `;`). */
const SIMPLE_STATEMENTS = new Set([
  "future_import_statement",
  "import_statement",
  "import_from_statement",
  "print_statement",
  "assert_statement",
  "expression_statement",
  "return_statement",
  "delete_statement",
  "raise_statement",
  "pass_statement",
  "break_statement",
  "continue_statement",
  "global_statement",
  "nonlocal_statement",
  "exec_statement",
  "type_alias_statement",
]);

/** Compound statements whose header (everything before their first block) parses alone with `pass` as the body. */
const HEADER_STATEMENTS = new Set(["function_definition", "class_definition", "if_statement", "for_statement", "while_statement", "with_statement"]);

/** The clauses of a compound statement that hold a block. */
const CLAUSES = new Set(["elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause"]);

/**
 * Words the grammar treats as keywords somewhere (hard and soft keywords, print/exec statements,
 * `__future__` imports): a name that becomes one of them may change the statement around it.
 */
const KEYWORDS = new Set(
  (
    "False None True and as assert async await break case class continue def del elif else except exec finally for from " +
    "global if import in is lambda match nonlocal not or pass print raise return try type while with yield _ __future__"
  ).split(" "),
);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const isPlainName = (s: string) => NAME.test(s) && !KEYWORDS.has(s);

interface Unit {
  kind: "name" | "expression" | "run" | "header";
  /** The old text's span that the unit's new text replaces: the changes are inside it (edges included). */
  start: number;
  end: number;
  /** run: the block or module; header: the compound statement; name, expression: the node replaced. */
  node: Node;
  /** run: the children [from, to) of node; header: [0, index of the first block). */
  from: number;
  to: number;
  /** The length difference of the unit's changes. */
  delta: number;
  /** run: the indentation of its first statement; header: of its body when that starts a line ("" otherwise). */
  indent: string;
}

/** MITM_CODEMOD_PROFILE=1: why changes were not spliced (printed at exit by the pipeline). */
export const spliceMisses = process.env.MITM_CODEMOD_PROFILE ? new Map<string, number>() : null;

function miss(reason: string): null {
  spliceMisses?.set(reason, (spliceMisses.get(reason) ?? 0) + 1);
  return null;
}

/** How the caller parses a text into a (throw-away) tree. */
export type ParseText = (text: string) => Tree;

/**
 * The nodes of the tree of `text` (= old.text with `changes`: old coordinates, sorted, disjoint)
 * placed in `old`, or null when a change is not one the rules above can place. On success `old`
 * is dead (its nodes are moved into the result); on null it is untouched.
 */
export function spliceTree(old: Tree, changes: readonly TextChange[], text: string, parseText: ParseText): Tree | null {
  const root = old.rootNode;
  if (changes.length === 0) return null;
  if (root.hasError) return miss("a tree with an error");
  const units: Unit[] = [];
  let delta = 0;
  for (const c of changes) {
    const change = c.newLength - (c.oldEnd - c.start);
    const unit = unitOf(old, c, text.slice(c.start + delta, c.start + delta + c.newLength));
    if (!unit) return null;
    unit.delta = change;
    units.push(unit);
    delta += change;
  }
  const merged = mergeUnits(units);
  if (!merged) return null;

  // Each unit's span in the new text, and the pieces to parse: one text for all of them.
  let pieces = "";
  /** newStart: the unit's place in `text`; pieceAt: where its piece starts in `pieces`; at: where its text starts there. */
  const placed: { unit: Unit; newStart: number; pieceAt: number; at: number; wrapped: boolean; made?: Node }[] = [];
  /** Is there a piece to parse (not only names and dotted names)? */
  let parsed = false;
  let before = 0;
  for (const u of merged) {
    const newStart = u.start + before;
    const newEnd = u.end + before + u.delta;
    before += u.delta;
    const replacement = text.slice(newStart, newEnd);
    if (u.kind === "name") {
      if (!isPlainName(replacement)) return miss("a name became other text");
      continue;
    }
    if (u.kind === "expression") {
      // A dotted name (`logging`, `flow.websocket`) needs no parse: its nodes are known.
      const parts = replacement.split(".");
      if (parts.every(isPlainName)) {
        placed.push({ unit: u, newStart, pieceAt: pieces.length, at: 0, wrapped: false, made: dottedName(parts) });
        continue;
      }
    }
    parsed = true;
    if (pieces.length > 0) pieces += "\n";
    if (u.kind === "expression") {
      // Alone on a line: an expression statement.
      placed.push({ unit: u, newStart, pieceAt: pieces.length, at: pieces.length, wrapped: false });
      pieces += replacement;
      continue;
    }
    if (u.kind === "header") {
      // The header (up to its body's line) and `pass` as its body, at the body's indentation.
      placed.push({ unit: u, newStart, pieceAt: pieces.length, at: pieces.length, wrapped: false });
      pieces += replacement + u.indent + "pass";
      continue;
    }
    // A block's statements are parsed inside `if 1:` (the run's text starts at a line's start
    // or, for a block's first statement, may start right after the colon of its header).
    const wrapped = u.node.type !== "module";
    const pieceAt = pieces.length;
    if (wrapped) pieces += startsLine(old.text, u.start, true) ? "if 1:\n" : "if 1:";
    placed.push({ unit: u, newStart, pieceAt, at: pieces.length, wrapped });
    pieces += replacement;
  }

  const splices: ChildrenSplice[] = [];
  if (placed.length > 0) {
    const module = parsed ? parseText(pieces).rootNode : null;
    if (module?.hasError) return miss("the new text does not parse");
    const tops = module?.children ?? [];
    for (let k = 0; k < placed.length; k++) {
      const { unit, newStart, pieceAt, at, wrapped, made } = placed[k];
      if (made) {
        splices.push({ parent: unit.node.parent!, from: unit.node.index, to: unit.node.index + 1, nodes: [made], shift: newStart, field: unit.node.field });
        continue;
      }
      const length = unit.end - unit.start + unit.delta;
      const pieceEnd = k + 1 < placed.length ? placed[k + 1].pieceAt : pieces.length;
      // The top nodes of this piece (each piece starts a line at column 0).
      const first = lowerBound(tops, (n) => n.startIndex < pieceAt);
      let last = first;
      while (last < tops.length && tops[last].startIndex < pieceEnd) last++;
      const own = tops.slice(first, last);
      let nodes: readonly Node[];
      if (unit.kind === "expression") {
        const statement = own.length === 1 ? own[0] : null;
        const expression = statement?.type === "expression_statement" && statement.children.length === 1 ? statement.children[0] : null;
        if (!expression || !PRIMARY_EXPRESSIONS.has(expression.type) || expression.startIndex !== at || expression.endIndex !== at + length) {
          return miss("expression: not one primary expression");
        }
        splices.push({ parent: unit.node.parent!, from: unit.node.index, to: unit.node.index + 1, nodes: [expression], shift: newStart - at, field: unit.node.field });
        continue;
      }
      if (unit.kind === "header") {
        const statement = own.length === 1 ? own[0] : null;
        if (!statement || statement.type !== unit.node.type || statement.startIndex !== at) return miss("header: not one statement of its type");
        const blockAt = statement.children.findIndex((c) => c.type === "block");
        const block = statement.children[blockAt];
        const bodyAt = at + length + unit.indent.length;
        if (blockAt !== statement.children.length - 1 || block.startIndex !== bodyAt || block.endIndex !== bodyAt + 4) return miss("header: body not where expected");
        nodes = statement.children.slice(0, blockAt);
        if (nodes.some((n) => n.type === "comment")) return miss("header: a comment");
      } else {
        let list: readonly Node[] = own;
        if (wrapped) {
          const wrapper = own.length === 1 && own[0].type === "if_statement" ? own[0] : null;
          const block = wrapper?.children[wrapper.children.length - 1];
          if (!wrapper || !block || block.type !== "block" || wrapper.children.length !== 4 || wrapper.startIndex !== pieceAt) return miss("run: not one block");
          list = block.children;
        }
        if (list.length === 0) return miss("run: no statement");
        const head = list[0];
        const tail = list[list.length - 1];
        // The first statement at the old indentation, on a line of its own; after the last one
        // only the blank space the old text had (a line end if it had one).
        if (head.type === "comment" || !pieces.startsWith(unit.indent, head.startIndex - unit.indent.length) || !startsLine(pieces, head.startIndex - unit.indent.length, true)) {
          return miss("run: not at its indentation");
        }
        // Blank lines may come first, but not before a module's first statement (where the module starts).
        const lead = head.startIndex - unit.indent.length;
        if (!isBlank(pieces, at, lead) || (unit.from === 0 && unit.node.type === "module" && lead !== at)) return miss("run: not at its place");
        if (!SIMPLE_STATEMENTS.has(tail.type) && !closesCompound(old.text, unit.end, unit.indent)) return miss("run: ends with a compound statement");
        // Then blank space that ends a line where the old one did (the next statement keeps its column).
        const trailing = pieces.slice(tail.endIndex, at + length);
        const oldEndsLine = unit.end > 0 && old.text.charCodeAt(unit.end - 1) === 10;
        const blankLineNext = /^\r?\n/.test(old.text.slice(unit.end, unit.end + 2));
        const endsLineAsBefore = oldEndsLine ? trailing.endsWith("\n") || (blankLineNext && !trailing.includes("\n")) : !trailing.includes("\n");
        if (!isBlank(trailing, 0, trailing.length) || !endsLineAsBefore) return miss("run: more after its last statement");
        nodes = list;
      }
      splices.push({ parent: unit.node, from: unit.from, to: unit.to, nodes, shift: newStart - at, field: undefined });
    }
  }
  const spans: SpanDelta[] = merged.map((u) => ({ start: u.start, end: u.end, delta: u.delta }));
  return Tree.spliced(old, text, changes, spans, splices);
}

/**
 * The nodes tree-sitter-python makes of names joined by dots (plain names, no keyword): an
 * identifier, or attributes whose object is the name before the last dot; at offset 0.
 */
function dottedName(parts: readonly string[]): Node {
  let at = parts[0].length;
  const tree = Tree.made(parts.join("."), (t) => new Node(t, "identifier", true, 0, at));
  let node = tree.rootNode;
  for (let i = 1; i < parts.length; i++) {
    const dot = new Node(tree, ".", false, at, at + 1);
    const name = new Node(tree, "identifier", true, at + 1, at + 1 + parts[i].length);
    at += 1 + parts[i].length;
    const attribute = new Node(tree, "attribute", true, 0, at);
    node.field = "object";
    name.field = "attribute";
    attribute.children = [node, dot, name];
    attribute.children.forEach((c, index) => {
      c.parent = attribute;
      c.index = index;
    });
    node = attribute;
  }
  return node;
}

/** Only spaces or tabs from the start of its line up to `offset` (none when `exactly`). */
function startsLine(text: string, offset: number, exactly = false): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return true;
    if (exactly || (ch !== 32 && ch !== 9)) return false;
  }
  return true;
}

const isBlank = (text: string, from: number, to: number) => /^\s*$/.test(text.slice(from, to));

/** After `offset` its line holds only spaces, tabs and a comment (the node `comment`, when given, is that comment). */
function endsLine(text: string, offset: number, next: Node | undefined): boolean {
  let i = offset;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === text.length || text.charCodeAt(i) === 10 || (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)) return true;
  // A comment on the line must be the next child of the block (where tree-sitter puts it after a simple statement).
  return text.charCodeAt(i) === 35 && next !== undefined && next.type === "comment" && next.startIndex === i;
}

/**
 * Expressions that bind tighter than any operator (an operand, a callee, an object whose
 * attribute is read): one of them in place of another keeps every token around it where it was.
 */
const PRIMARY_EXPRESSIONS = new Set(["identifier", "attribute", "subscript", "call", "parenthesized_expression", "list", "dictionary", "set", "tuple", "string"]);

/** The fields of a node, by its type, that hold an expression (an operand, not a name or a target). */
const EXPRESSION_FIELDS: Record<string, readonly (string | null)[]> = {
  call: ["function"],
  attribute: ["object"],
  subscript: ["value", "subscript"],
  keyword_argument: ["value"],
  assignment: ["right"],
  augmented_assignment: ["right"],
  binary_operator: ["left", "right"],
  boolean_operator: ["left", "right"],
  not_operator: ["argument"],
  unary_operator: ["argument"],
  pair: ["key", "value"],
  for_statement: ["right"],
  if_statement: ["condition"],
  elif_clause: ["condition"],
  while_statement: ["condition"],
  // Children without a field: every named child is an operand.
  argument_list: [null],
  comparison_operator: [null],
  conditional_expression: [null],
  return_statement: [null],
  list: [null],
  tuple: [null],
  set: [null],
  parenthesized_expression: [null],
  await: [null],
};

/**
 * Where tree-sitter-python's grammar is ambiguous (its GLR conflicts: types, patterns,
 * assignment targets, `with` items, soft-keyword statements), the kind of a node can depend on
 * what it holds (`A[B]` is a generic type, `A[b.c]` a subscript): an expression inside one of
 * these is not replaced alone; its statement is parsed again instead.
 */
const AMBIGUOUS = new Set([
  "type",
  "generic_type",
  "type_parameter",
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "list_splat_pattern",
  "dict_pattern",
  "as_pattern",
  "case_clause",
  "case_pattern",
  "with_item",
  "with_clause",
  "named_expression",
  "print_statement",
  "exec_statement",
  "type_alias_statement",
  "match_statement",
]);
const TARGETS = new Set(["assignment", "augmented_assignment", "for_statement", "for_in_clause"]);

/**
 * The smallest primary expression in an operand's place that holds [s, e] (not inside a string,
 * whose interpolations the tokenizer reads differently), or null.
 */
function expressionAround(tree: Tree, s: number, e: number, replacement: string): Node | null {
  let n: Node | null = tree.rootNode.descendantForIndex(s, e);
  let found: Node | null = null;
  /** Is `found` inside a subscript's index? That is an expression even in a target (`d[k.x] = v`). */
  let indexed = false;
  for (; n && n.parent; n = n.parent) {
    const t = n.type;
    if (t === "string" || t === "concatenated_string" || AMBIGUOUS.has(t)) return null;
    if (n.field === "left" && TARGETS.has(n.parent.type) && !indexed) return null;
    if (t === "block") break;
    if (!found) {
      if (n.startIndex > s || n.endIndex < e || !PRIMARY_EXPRESSIONS.has(t)) continue;
      const fields = EXPRESSION_FIELDS[n.parent.type];
      if (!fields || !fields.includes(n.field)) continue;
      found = n;
    }
    if (n.field === "subscript" && n.parent.type === "subscript") indexed = true;
  }
  if (!found) return null;
  // Not when the new text starts as no primary expression does (a keyword: None, not, lambda…; a sign).
  const text = tree.text;
  const head = (text.slice(found.startIndex, s) + replacement + text.slice(e, found.endIndex)).trimStart();
  const word = /^[A-Za-z_]\w*/.exec(head)?.[0];
  if ((word !== undefined && KEYWORDS.has(word)) || /^[-+~*@]/.test(head)) return null;
  return found;
}

/** Does [.., e] end within `node` or the blank rest of its last line (its line end included)? */
function reaches(text: string, node: Node, e: number): boolean {
  if (e <= node.endIndex) return true;
  const nl = text.indexOf("\n", node.endIndex);
  return isBlank(text, node.endIndex, e) && (nl < 0 || nl >= e - 1);
}

/** The unit that can take one change (old coordinates; `replacement` is its new text), or null. */
function unitOf(tree: Tree, c: TextChange, replacement: string): Unit | null {
  const text = tree.text;
  let s = c.start;
  let e = c.oldEnd;
  if (e > s && isPlainName(replacement)) {
    const n = tree.rootNode.descendantForIndex(s, e);
    if (n && n.type === "identifier" && n.startIndex === s && n.endIndex === e && n.children.length === 0 && isPlainName(n.text)) {
      return { kind: "name", start: s, end: e, node: n, from: 0, to: 0, delta: 0, indent: "" };
    }
  }
  // Where the statements are, the text the change keeps at its edges does not matter
  // (`…ctx\n` → `…ALERT\n` changes a statement, not the line after it).
  let r = replacement.length;
  while (e > s && r > 0 && text.charCodeAt(e - 1) === replacement.charCodeAt(r - 1)) (e--, r--);
  let l = 0;
  while (s < e && l < r && text.charCodeAt(s) === replacement.charCodeAt(l)) (s++, l++);
  const deletes = isBlank(replacement, l, r);

  const expression = expressionAround(tree, s, e, replacement.slice(l, r));
  if (expression) return { kind: "expression", start: expression.startIndex, end: expression.endIndex, node: expression, from: 0, to: 0, delta: 0, indent: "" };

  let parent = tree.rootNode;
  /** Where a block's first run may start: right after its header's colon. */
  let blockFrom = -1;
  for (;;) {
    const kids = parent.children;
    let from = lowerBound(kids, (k) => k.endIndex < s);
    let to = from;
    while (to < kids.length && kids[to].startIndex <= e) to++;
    // A change in the blank space before a statement's line (statements inserted there) goes with the statement before.
    if (from > 0 && from < kids.length && s >= kids[from - 1].endIndex && e <= lineStartAt(text, kids[from].startIndex) && isBlank(text, kids[from - 1].endIndex, s)) {
      // Statements inserted at a line's start: a run of no old statement (the others are not parsed again).
      const prev = kids[from - 1];
      if (s === e && text.charCodeAt(s - 1) === 10 && prev.type !== "comment" && startsLine(text, prev.startIndex)) {
        return { kind: "run", start: s, end: s, node: parent, from, to: from, delta: 0, indent: text.slice(lineStartAt(text, prev.startIndex), prev.startIndex) };
      }
      return runUnit(text, parent, from - 1, from, s, e, -1);
    }
    const only = to - from === 1 ? kids[from] : null;
    if (only && only.startIndex <= s && reaches(text, only, e) && !SIMPLE_STATEMENTS.has(only.type) && only.type !== "comment") {
      // Inside one compound statement: its header, or a block of it.
      const statement = only.type === "decorated_definition" ? only.childForFieldName("definition") : only;
      if (!statement || s < statement.startIndex) return miss("in a decorator");
      const blockAt = statement.children.findIndex((k) => k.type === "block");
      if (blockAt < 0) return miss("a compound statement without a block");
      const body = statement.children[blockAt];
      const colon = statement.children[blockAt - 1];
      // A change of the blank space before the body belongs to the body (a first statement deleted with its line).
      const inBody = s >= body.startIndex || (colon !== undefined && s >= colon.endIndex && isBlank(text, s, body.startIndex));
      if (!inBody) {
        if (e > body.startIndex || !HEADER_STATEMENTS.has(statement.type)) return miss("a change across a header and its body");
        if (statement.children.slice(0, blockAt).some((k) => k.type === "comment")) return miss("a header with a comment");
        // The header's text runs up to its body's line (or its body, on the same line).
        const bodyLine = lineStartAt(text, body.startIndex);
        const end = bodyLine > colon.endIndex && isBlank(text, colon.endIndex, bodyLine) ? bodyLine : body.startIndex;
        if (e > end) return miss("a change across a header and its body");
        return { kind: "header", start: statement.startIndex, end, node: statement, from: 0, to: blockAt, delta: 0, indent: text.slice(end, body.startIndex) };
      }
      let inner: Node | null = null;
      for (const k of statement.children) {
        const block = k.type === "block" ? k : CLAUSES.has(k.type) ? (k.children.find((b) => b.type === "block") ?? null) : null;
        if (block && (block.startIndex <= s || (block === body && s >= colon.endIndex)) && reaches(text, block, e)) {
          inner = block;
          break;
        }
      }
      if (!inner) return miss("a change in a clause's header");
      blockFrom = inner === body ? colon.endIndex : -1;
      parent = inner;
      continue;
    }
    // A run of the block's (or module's) statements; a change in the space between two takes both.
    if (from === to) {
      if (from === kids.length || s < lineStartAt(text, kids[from].startIndex)) from = Math.max(0, from - 1);
      to = Math.min(kids.length, to + 1);
    } else {
      if (s < lineStartAt(text, kids[from].startIndex) && from > 0) from--;
      if (e > kids[to - 1].endIndex && to < kids.length) to++;
    }
    // Statements deleted whole: the run takes a neighbour, so that it still holds a statement.
    if (deletes && from < to && s <= kids[from].startIndex && e >= kids[to - 1].endIndex) {
      if (to < kids.length) to++;
      else if (from > 0) from--;
    }
    if (from === to) return miss("no statement around the change");
    return runUnit(text, parent, from, to, s, e, from === 0 ? blockFrom : -1);
  }
}

function runUnit(text: string, parent: Node, from: number, to: number, s: number, e: number, blockFrom: number): Unit | null {
  if (parent.type !== "module" && parent.type !== "block") return miss("not in a block");
  const kids = parent.children;
  const first = kids[from];
  const last = kids[to - 1];
  if (first.type === "comment" || last.type === "comment") return miss("a run with a comment first or last");
  if (!startsLine(text, first.startIndex) || (parent.type === "module" && lineStartAt(text, first.startIndex) !== first.startIndex)) return miss("a run that does not start its line");
  if (!endsLine(text, last.endIndex, kids[to])) return miss("a run followed by more on its last line");
  let start = lineStartAt(text, first.startIndex);
  if (s < start && blockFrom >= 0 && s >= blockFrom) start = s;
  // Blank space after the last statement may be part of the change: blank lines, or the rest of its line.
  const lineEnd = text.indexOf("\n", last.endIndex);
  const end = e > last.endIndex && isBlank(text, last.endIndex, e) && (text.charCodeAt(e - 1) === 10 || lineEnd < 0 || lineEnd >= e) ? e : last.endIndex;
  if (s < start || e > end) return miss("a change beyond the run");
  const indent = text.slice(lineStartAt(text, first.startIndex), first.startIndex);
  if (!SIMPLE_STATEMENTS.has(last.type) && !closesCompound(text, end, indent)) return miss("a run that ends with a compound statement");
  return { kind: "run", start, end, node: parent, from, to, delta: 0, indent };
}

/**
 * Does the text after `end` close any compound statement a run ends with, the same way
 * whatever that statement holds? Blank up to a line that starts a statement at the run's
 * indentation or less (or the end of the text): not a comment, whose place tree-sitter
 * decides by what comes before it.
 */
function closesCompound(text: string, end: number, indent: string): boolean {
  let i = end;
  if (i > 0 && text.charCodeAt(i - 1) !== 10) {
    const nl = text.indexOf("\n", i);
    if (!isBlank(text, i, nl < 0 ? text.length : nl)) return false;
    if (nl < 0) return true;
    i = nl + 1;
  }
  for (;;) {
    let j = i;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j === text.length) return true;
    const ch = text.charCodeAt(j);
    if (ch === 10 || (ch === 13 && text.charCodeAt(j + 1) === 10)) {
      i = text.indexOf("\n", j) + 1;
      continue;
    }
    return ch !== 35 && j - i <= indent.length && indent.startsWith(text.slice(i, j));
  }
}

/**
 * Units sorted by position, one per region: a unit inside another (a name in a rewritten
 * statement) is taken into it, overlapping runs of one block are joined. Null when two overlap
 * otherwise.
 */
function mergeUnits(units: Unit[]): Unit[] | null {
  // At one place, an insertion (an empty span) comes before the unit that starts there.
  const sorted = [...units].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || b.end - a.end);
  const out: Unit[] = [];
  for (const u of sorted) {
    const prev = out[out.length - 1];
    if (!prev || u.start >= prev.end) {
      out.push({ ...u });
      continue;
    }
    if (u.end <= prev.end && prev.kind !== "name") {
      prev.delta += u.delta;
      continue;
    }
    if (prev.kind === "run" && u.kind === "run" && prev.node === u.node) {
      prev.to = Math.max(prev.to, u.to);
      prev.end = Math.max(prev.end, u.end);
      prev.delta += u.delta;
      continue;
    }
    return miss("overlapping units");
  }
  return out;
}
