// The planned steps on one file: for each step, run its transforms, apply their edits,
// re-parse, and repeat until a pass makes no edit (a fixed point). Every applied pass is
// verified to introduce no syntax error; if one does, the whole file is left unchanged.
import type { AddonKnowledge } from "./addons.js";
import { EditConflictError, type EditSet } from "./edits.js";
import { countSyntaxErrors, parse, reparse, reparseCounts, type TextChange, type Tree } from "./parser.js";
import { SourceFile, TreeFacts, detectLayout, type Finding } from "./source.js";
import { ChangeMap, type Region } from "./change-map.js";
import { spliceMisses } from "./splice.js";
import type { Step, Transform } from "./transform.js";

/** MITM_CODEMOD_PROFILE=1: time spent in each transform, printed to stderr at exit (for tuning). */
const profile = process.env.MITM_CODEMOD_PROFILE ? new Map<string, { ms: number; runs: number; skipped: number }>() : null;
if (profile) {
  process.on("exit", () => {
    const rows = [...profile].sort((a, b) => b[1].ms - a[1].ms);
    for (const [id, p] of rows) process.stderr.write(`${p.ms.toFixed(1).padStart(9)} ms ${String(p.runs).padStart(7)} runs ${String(p.skipped).padStart(7)} skipped  ${id}\n`);
    process.stderr.write(`re-parses: ${reparseCounts.spliced} spliced, ${reparseCounts.parsed} parsed by tree-sitter\n`);
    for (const [why, n] of spliceMisses ?? []) process.stderr.write(`${String(n).padStart(7)} not spliced: ${why}\n`);
  });
}

/** Passes per step before the engine gives up: a transform that keeps editing is a bug. */
export const MAX_PASSES = 12;

export interface Change {
  transform: string;
  /** The replaced text's span in the final output. */
  start: number;
  end: number;
}

export interface InternalError {
  transform: string;
  message: string;
}

export interface PipelineResult {
  output: string;
  changed: boolean;
  /** Findings positioned in `output`. */
  findings: Finding[];
  changes: Change[];
  /** Edits of unsafe transforms not made because --unsafe-fixes was not given. */
  heldBack: number;
  /** The changed spans: input offsets and output offsets (for the diff). */
  regions: readonly Region[];
  /**
   * The tree of `output` (without an error). Once a pass has edited, the input tree is not
   * usable any more: a re-parse takes over its nodes (src/tree.ts).
   */
  tree: Tree;
  error?: InternalError;
}

export interface PipelineOptions {
  /** Which transforms run (after --only/--skip). */
  selected: (t: Transform) => boolean;
  unsafeFixes: boolean;
  knowledge: AddonKnowledge;
  /** Treat the file as an addon without evidence (tests measure the transforms' own precision). */
  assumeAddon?: boolean;
}

const escapeRegExp = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Per word list: one regular expression that finds any of its strings (built on first use). */
const anyOf = new WeakMap<readonly (string | RegExp)[], RegExp | null>();

/**
 * Does the text contain one of the words? (The pre-filter, before parsing.) The strings are
 * searched for with one regular expression, not one includes() each: the pre-filter of the
 * evidence words (46 of them) over 35 MB of Python took 470 ms that way, 60 ms this way.
 */
export function mayMatch(text: string, words: readonly (string | RegExp)[] | null): boolean {
  if (!words) return true;
  let any = anyOf.get(words);
  if (any === undefined) {
    const strings = words.filter((w): w is string => typeof w === "string");
    // An empty string is in every text, as includes("") says.
    any = strings.length > 0 ? new RegExp(strings.map(escapeRegExp).join("|")) : null;
    anyOf.set(words, any);
  }
  if (any?.test(text)) return true;
  for (const w of words) if (typeof w !== "string" && w.test(text)) return true;
  return false;
}

/**
 * mayMatch for all the transforms of a run over one text: one scan of the text finds every
 * word any of them needs (a regular expression of all the words, tried at every position
 * where one starts), instead of a scan per word; about 15 µs instead of 130 µs per text of a
 * generated addon. Word patterns (RegExps) are tried once per text, when first asked about.
 */
export class WordSearch {
  private readonly any: RegExp | null;
  /** The length of the longest word: a match starting this far before a change may reach into it. */
  private readonly longest: number;
  /** For each word, the words it contains (itself included): found with it. */
  private readonly contained = new Map<string, string[]>();
  private text: string | null = null;
  /** Where a word starts in the text, in order, and the longest word that starts there. */
  private starts: number[] = [];
  private words: string[] = [];
  /** The words found (made from `words` when first asked). */
  private found: Set<string> | null = null;
  private readonly patterns = new Map<RegExp, boolean>();

  constructor(words: Iterable<string>) {
    const list = [...new Set(words)].filter((w) => w !== "").sort((a, b) => b.length - a.length);
    for (const w of list) this.contained.set(w, list.filter((v) => w.includes(v)));
    this.any = list.length > 0 ? new RegExp(list.map(escapeRegExp).join("|"), "g") : null;
    this.longest = list.length > 0 ? list[0].length : 0;
  }

  mayMatch(text: string, needs: readonly (string | RegExp)[]): boolean {
    if (text !== this.text) this.scan(text);
    const found = (this.found ??= this.collect());
    for (const w of needs) {
      if (typeof w === "string") {
        if (found.has(w)) return true;
        continue;
      }
      let hit = this.patterns.get(w);
      if (hit === undefined) this.patterns.set(w, (hit = w.test(text)));
      if (hit) return true;
    }
    return false;
  }

  /**
   * The searched text became `text` by `changes` (old coordinates, sorted, disjoint): only the
   * places where a word could start over a change are searched again (a pass changes a few
   * spans of a file; the search of a whole addon took about 30 µs per pass).
   */
  update(before: string, changes: readonly TextChange[], text: string): void {
    if (this.text !== before) return; // not searched: a search of the whole text comes when asked
    const starts: number[] = [];
    const words: string[] = [];
    let k = 0;
    let delta = 0;
    let searchedTo = 0;
    for (const c of changes) {
      const from = Math.max(0, c.start - this.longest + 1);
      for (; k < this.starts.length && this.starts[k] < from; k++) {
        starts.push(this.starts[k] + delta);
        words.push(this.words[k]);
      }
      while (k < this.starts.length && this.starts[k] < c.oldEnd) k++;
      const end = c.start + delta + c.newLength;
      this.search(text, Math.max(from + delta, searchedTo), end, starts, words);
      searchedTo = end;
      delta += c.newLength - (c.oldEnd - c.start);
    }
    for (; k < this.starts.length; k++) {
      starts.push(this.starts[k] + delta);
      words.push(this.words[k]);
    }
    this.text = text;
    this.starts = starts;
    this.words = words;
    this.found = null;
    this.patterns.clear();
  }

  private scan(text: string): void {
    this.text = text;
    this.starts = [];
    this.words = [];
    this.found = null;
    this.patterns.clear();
    this.search(text, 0, text.length, this.starts, this.words);
  }

  /**
   * The longest word starting at each position of [from, to), in order. Every start position is
   * tried (lastIndex + 1 after a match), so overlapping words are found too; the shorter words
   * that the longest one contains come with it (see collect).
   */
  private search(text: string, from: number, to: number, starts: number[], words: string[]): void {
    const any = this.any;
    if (!any || from >= to) return;
    // Only the text a word starting before `to` can reach: a search of the whole rest of the
    // text for the next word (there may be none) cost more than all the full scans of a run.
    const end = Math.min(text.length, to + this.longest - 1);
    const window = from === 0 && end === text.length ? text : text.slice(from, end);
    any.lastIndex = 0;
    for (let m = any.exec(window); m && m.index + from < to; m = any.exec(window)) {
      starts.push(m.index + from);
      words.push(m[0]);
      any.lastIndex = m.index + 1;
    }
  }

  private collect(): Set<string> {
    const found = new Set<string>();
    for (const w of this.words) if (!found.has(w)) for (const v of this.contained.get(w)!) found.add(v);
    return found;
  }
}

/** One WordSearch per plan (built once per process: the words of its transforms). */
const searches = new WeakMap<readonly Step[], WordSearch>();

function wordSearch(steps: readonly Step[]): WordSearch {
  let search = searches.get(steps);
  if (!search) {
    const words = steps.flatMap((s) => s.transforms.flatMap((t) => (t.needs ?? []).filter((w): w is string => typeof w === "string")));
    searches.set(steps, (search = new WordSearch(words)));
  }
  return search;
}

export function runPipeline(
  path: string,
  input: string,
  inputTree: Tree,
  steps: readonly Step[],
  opts: PipelineOptions,
): PipelineResult {
  const layout = detectLayout(input);
  const unchanged = (extra: Partial<PipelineResult>): PipelineResult => ({
    output: input,
    changed: false,
    findings: [],
    changes: [],
    heldBack: 0,
    regions: [],
    tree: inputTree,
    ...extra,
  });

  let facts = new TreeFacts();
  const isAddon = opts.assumeAddon || new SourceFile(path, input, inputTree, layout, opts.knowledge, undefined, facts).addons.isAddonFile;
  facts.addons = undefined; // that model decided evidence; the passes treat the file as an addon
  if (!isAddon) return unchanged({});

  let text = input;
  let tree = inputTree;
  let errorsBefore = countSyntaxErrors(tree.rootNode);
  let findings: Finding[] = [];
  let changes: Change[] = [];
  let heldBack = 0;
  const words = wordSearch(steps);
  const changeMap = new ChangeMap();

  for (const step of steps) {
    const transforms = step.transforms.filter(opts.selected);
    if (transforms.length === 0) continue;
    for (let pass = 0; ; pass++) {
      if (pass >= MAX_PASSES) {
        return unchanged({
          error: { transform: transforms.map((t) => t.id).join(", "), message: `step ${step.label} reached no fixed point after ${MAX_PASSES} passes` },
        });
      }
      // A pass over the same tree as the last one (nothing changed since) reuses its facts.
      const file = new SourceFile(path, text, tree, layout, opts.knowledge, true, facts);
      const ran = runTransforms(file, transforms, words, text, opts.unsafeFixes);
      if (typeof ran !== "number") return unchanged({ error: ran });
      const heldBackThisPass = ran;
      const notes = file.findings.filter((f) => f.severity === "info");
      if (profile) {
        const key = `(passes) step ${step.label}${file.edits.deferred ? " deferred" : ""}`;
        const p = profile.get(key) ?? profile.set(key, { ms: 0, runs: 0, skipped: 0 }).get(key)!;
        p.runs++;
      }
      if (file.edits.size === 0) {
        // The fixed point of this step: its warnings describe what is left to do.
        findings = dedupe([...findings, ...withoutRestated(findings, file.findings)]);
        heldBack += heldBackThisPass;
        break;
      }
      const next = file.edits.apply(text);
      const textChanges = file.edits.changes();
      words.update(text, textChanges, next);
      changeMap.apply(textChanges);
      const nextTree = reparse(tree, textChanges, next);
      const errorsAfter = countSyntaxErrors(nextTree.rootNode);
      if (errorsAfter > errorsBefore) {
        return unchanged({ error: { transform: culprit(file.edits, text, errorsBefore), message: "the rewrite did not parse; no edit was made to this file" } });
      }
      findings = dedupe([...findings, ...notes]).map((f) => mapFinding(f, file.edits));
      changes = mappedChanges(changes, file.edits);
      text = next;
      tree = nextTree;
      facts = new TreeFacts();
      errorsBefore = errorsAfter;
    }
  }
  findings.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id) || a.message.localeCompare(b.message));
  changes.sort((a, b) => a.start - b.start);
  return { output: text, changed: text !== input, findings, changes, heldBack, regions: changeMap.regions, tree };
}

/**
 * Runs one pass of a step's transforms over a file (those whose words are in the text): the
 * count of edits held back (unsafe, not asked for), or the error of the transform that threw.
 * A function of its own, apart from runPipeline's loop: V8 optimises each alone, and every
 * worker of a pool compiles both again.
 */
function runTransforms(file: SourceFile, transforms: readonly Transform[], words: WordSearch, text: string, unsafeFixes: boolean): number | InternalError {
  let heldBack = 0;
  for (const t of transforms) {
    const p = profile && (profile.get(t.id) ?? profile.set(t.id, { ms: 0, runs: 0, skipped: 0 }).get(t.id)!);
    if (t.needs && !words.mayMatch(text, t.needs)) {
      if (p) p.skipped++;
      continue;
    }
    file.transform = t.id;
    const mark = file.edits.mark();
    const started = p ? performance.now() : 0;
    try {
      t.run(file);
    } catch (e) {
      // MITM_CODEMOD_DEBUG=1 keeps the stack trace (for whoever fixes the transform).
      const message = process.env.MITM_CODEMOD_DEBUG ? `${(e as Error)?.stack ?? e}` : e instanceof EditConflictError ? e.message : `${(e as Error)?.message ?? e}`;
      return { transform: t.id, message };
    }
    if (p) {
      p.ms += performance.now() - started;
      p.runs++;
    }
    if (t.safety === "unsafe" && !unsafeFixes) heldBack += file.edits.rollback(mark).length;
  }
  return heldBack;
}

/** The changes so far, moved to the text after `edits`, and those edits as changes. */
function mappedChanges(changes: readonly Change[], edits: EditSet): Change[] {
  const out = changes.map((c) => mapChange(c, edits));
  let delta = 0;
  for (const e of edits.list()) {
    const start = e.start + delta;
    out.push({ transform: e.transform, start, end: start + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  return out;
}

/** Drops the findings that restate one an earlier step already reported at an overlapping span. */
function withoutRestated(earlier: readonly Finding[], later: readonly Finding[]): Finding[] {
  const overlap = (a: Finding, b: Finding) =>
    a.start === b.start || (a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1));
  return later.filter((f) => !f.restates || !earlier.some((g) => f.restates!.includes(g.id) && overlap(f, g)));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\0${f.severity}\0${f.start}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mapFinding(f: Finding, edits: EditSet): Finding {
  const start = edits.mapOffset(f.start);
  return { ...f, start, end: Math.max(start, edits.mapOffset(f.end)) };
}

function mapChange(c: Change, edits: EditSet): Change {
  const start = edits.mapOffset(c.start);
  return { ...c, start, end: Math.max(start, edits.mapOffset(c.end)) };
}

/** The transform whose edits alone make the text unparsable (or all that edited, if none alone). */
function culprit(edits: EditSet, text: string, errorsBefore: number): string {
  const ids = [...new Set(edits.list().map((e) => e.transform))];
  for (const id of ids) {
    const only = edits.list().filter((e) => e.transform === id);
    let out = "";
    let pos = 0;
    for (const e of [...only].sort((a, b) => a.start - b.start || a.seq - b.seq)) {
      out += text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    out += text.slice(pos);
    if (countSyntaxErrors(parse(out).rootNode) > errorsBefore) return id;
  }
  return ids.join(", ");
}
