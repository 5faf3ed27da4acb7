// The text pre-filter is a strict superset of what the transforms can match.
//
// Two filters run on raw text before any work: src/process.ts skips a file (before parsing)
// that contains none of registry.knowledge.evidenceWords, and src/pipeline.ts skips a
// transform whose `needs` words are all absent from the text of the current pass. A word
// missing from either list would silently drop a rewrite or a finding on the files that the
// benchmark's speed depends on skipping.
//
// For every snapshot input and every end-to-end input, the plan is run with both filters
// switched off, each transform wrapped to record the text it acted on (made an edit or
// reported a finding). Then:
//   - every such text contains one of that transform's `needs` words;
//   - an input that is changed or gets a finding contains an evidence word;
//   - the real run (filters on) gives exactly the same output, findings and changes as the
//     unfiltered run, and did parse the file.
// Controls show the check can fail: a file with no evidence word is not parsed at all, and a
// transform given `needs` that the file lacks is caught by the same checker.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mayMatch } from "../src/pipeline.js";
import { processSource, type FileResult } from "../src/process.js";
import type { Registry, Step, Transform } from "../src/transform.js";
import { registry } from "../transforms/index.js";
import { snapshotCases } from "./snapshot-cases.js";

const ROOT = path.resolve(__dirname, "..");

interface Input {
  name: string;
  text: string;
  /** Index in registry.steps of the first step to run (the input's own step for a snapshot case). */
  firstStep: number;
}

function inputs(): Input[] {
  const out: Input[] = [];
  for (const c of snapshotCases()) {
    const firstStep = registry.steps.findIndex((s) => `v${s.label}` === c.step);
    if (firstStep < 0) throw new Error(`snapshot folder ${c.step} names no step`);
    out.push({ name: path.relative(ROOT, c.inputPath), text: c.input, firstStep });
  }
  for (const dir of ["test/e2e/addons", "examples/v6-addons"]) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).sort()) {
      if (f.endsWith(".py")) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(ROOT, dir, f), "utf8"), firstStep: 0 });
    }
  }
  return out;
}

interface Hit {
  transform: Transform;
  /** The text of the pass in which the transform edited or reported. */
  text: string;
}

/** The steps with every transform's `needs` removed and its run recorded when it does something. */
function instrumented(steps: readonly Step[], hits: Hit[], needsOf: (t: Transform) => readonly string[] | undefined = (t) => t.needs): Step[] {
  return steps.map((s) => ({
    ...s,
    transforms: s.transforms.map((t): Transform => ({
      ...t,
      needs: undefined,
      run(file) {
        const edits = file.edits.size;
        const findings = file.findings.length;
        t.run(file);
        if (file.edits.size > edits || file.findings.length > findings) hits.push({ transform: { ...t, needs: needsOf(t) }, text: file.text });
      },
    })),
  }));
}

/** Evidence words that every text contains: the file pre-filter lets everything through. */
const unfiltered: Registry = { ...registry, knowledge: { ...registry.knowledge, evidenceWords: [""] } };

function run(text: string, reg: Registry, steps: readonly Step[]): FileResult {
  return processSource("t.py", Buffer.from(text, "utf8"), { registry: reg, steps, selected: () => true, unsafeFixes: true, wantDiff: false });
}

/** What a run produced, for comparing the filtered and unfiltered runs. */
function outcome(r: FileResult) {
  return { status: r.status, error: r.error, output: r.output?.toString("utf8"), findings: r.findings, changes: r.changes, heldBack: r.heldBack };
}

function needsViolations(hits: Hit[]): string[] {
  const out = new Set<string>();
  for (const h of hits) {
    if (h.transform.needs && !mayMatch(h.text, h.transform.needs)) {
      out.add(`${h.transform.id} acted on a text that has none of its needs [${h.transform.needs.join(", ")}]`);
    }
  }
  return [...out];
}

const ALL = inputs();
/** Inputs that some transform changed or reported on (checked to be most of them). */
let actedOn = 0;

describe("the text pre-filter is a superset of what the transforms match", () => {
  it("has inputs to check", () => {
    expect(ALL.length).toBeGreaterThan(250);
  });

  // Each input from its own step to the newest, and for the old addons from every step too.
  it.each(ALL.map((i) => [i.name, i] as const))("%s", (_name, input) => {
    const starts = input.firstStep === 0 ? registry.steps.map((_, k) => k) : [input.firstStep];
    let acted = false;
    for (const k of starts) {
      const steps = registry.steps.slice(k);
      const hits: Hit[] = [];
      const free = run(input.text, unfiltered, instrumented(steps, hits));
      expect(needsViolations(hits), `from step ${steps[0].label}`).toEqual([]);
      if (free.status === "error") continue; // e.g. a case about input the engine refuses; compared below all the same
      const real = run(input.text, registry, steps);
      expect(outcome(real), `from step ${steps[0].label}: the filtered run differs from the unfiltered one`).toEqual(outcome(free));
      if (free.status === "changed" || free.findings.length > 0) {
        acted = true;
        expect(real.parsed).toBe(true);
      }
    }
    if (acted) {
      actedOn++;
      expect(mayMatch(input.text, registry.knowledge.evidenceWords), "changed or reported, but has no evidence word").toBe(true);
    }
  });

  it("most inputs were changed or reported on (the check is not vacuous)", () => {
    expect(actedOn).toBeGreaterThan(ALL.length / 2);
  });
});

describe("the pre-filter skips work (controls: the checks above can fail)", () => {
  const plain = [
    '"""A helper module: nothing here is an addon."""',
    "import json",
    "",
    "",
    "def log(msg):",
    '    print("log:", msg)',
    "",
    "",
    "def request(url, ctx=None):",
    "    log(url)",
    "    return json.dumps({'url': url, 'layer': ctx})",
    "",
  ].join("\n");

  it("a file without any evidence word is not parsed", () => {
    expect(mayMatch(plain, registry.knowledge.evidenceWords)).toBe(false);
    const r = run(plain, registry, registry.steps);
    expect(r.parsed).toBe(false);
    expect(r.status).toBe("unchanged");
    // Not even a syntax error is looked for: the file is never parsed.
    expect(run(plain + "def broken(:\n", registry, registry.steps).status).toBe("unchanged");
  });

  it("the same file with an evidence word is parsed", () => {
    const addon = "from mitmproxy import ctx\n" + plain;
    expect(run(addon, registry, registry.steps).parsed).toBe(true);
    expect(run(addon + "def broken(:\n", registry, registry.steps).status).toBe("error");
  });

  it("a transform whose needs miss a word it matches is caught", () => {
    const input = ALL.find((i) => i.name === "examples/v6-addons/connection_tracker.py")!;
    const hits: Hit[] = [];
    run(input.text, unfiltered, instrumented(registry.steps, hits, (t) => (t.id === "v7/client-hooks" ? ["no_such_word_in_the_file"] : t.needs)));
    expect(needsViolations(hits)).toEqual([
      "v7/client-hooks acted on a text that has none of its needs [no_such_word_in_the_file]",
    ]);
  });
});
