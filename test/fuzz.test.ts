// Robustness: every snapshot input, mutated a few hundred times (lines deleted or duplicated,
// random bytes inserted, truncated) with a fixed seed. The tool never throws, never reports an
// internal error, and never emits an output with more parse errors than its input.
import { describe, expect, it } from "vitest";
import { countSyntaxErrors, parse } from "../src/parser.js";
import { migrate, prng } from "./helpers.js";
import { snapshotCases } from "./snapshot-cases.js";
import fs from "node:fs";
import path from "node:path";

const SEED = 20261124;
const MUTATIONS_PER_RUN = Number(process.env.FUZZ_MUTATIONS ?? 600);

function mutate(src: Buffer, rnd: () => number): Buffer {
  const pick = (n: number) => Math.floor(rnd() * n);
  const kind = pick(5);
  if (kind === 4) return src.subarray(0, pick(src.length + 1)); // truncate
  if (kind === 3) {
    // insert random bytes (any byte value, including NUL and invalid UTF-8)
    const at = pick(src.length + 1);
    const junk = Buffer.from(Array.from({ length: 1 + pick(8) }, () => pick(256)));
    return Buffer.concat([src.subarray(0, at), junk, src.subarray(at)]);
  }
  if (kind === 2) {
    // insert printable Python punctuation, the kind of damage an editor does
    const at = pick(src.length + 1);
    const bits = [":", "(", ")", "[", "]", "'", '"', "\\", "\n", "    ", "\t", "#", ",", "=", "@", "async ", "lambda "];
    return Buffer.concat([src.subarray(0, at), Buffer.from(bits[pick(bits.length)]), src.subarray(at)]);
  }
  const lines = src.toString("latin1").split("\n");
  const i = pick(lines.length);
  if (kind === 1) lines.splice(i, 0, lines[pick(lines.length)]); // duplicate a line elsewhere
  else lines.splice(i, 1 + pick(3)); // delete lines
  return Buffer.from(lines.join("\n"), "latin1");
}

describe("fuzz", () => {
  it(`${MUTATIONS_PER_RUN} mutations of the snapshot and example inputs (seed ${SEED})`, () => {
    const inputs = [
      ...snapshotCases().map((c) => fs.readFileSync(c.inputPath)),
      ...fs.readdirSync(path.resolve(__dirname, "e2e/addons")).map((f) => fs.readFileSync(path.resolve(__dirname, "e2e/addons", f))),
    ];
    const rnd = prng(SEED);
    const stats = { runs: 0, changed: 0, inputErrors: 0, unchanged: 0 };
    const failures: string[] = [];
    for (let k = 0; k < MUTATIONS_PER_RUN; k++) {
      let src = inputs[Math.floor(rnd() * inputs.length)];
      const rounds = 1 + Math.floor(rnd() * 3);
      for (let r = 0; r < rounds; r++) src = mutate(src, rnd);
      let result;
      try {
        result = migrate(src, { from: "6", to: "12", unsafeFixes: true });
      } catch (e) {
        failures.push(`mutation ${k}: threw ${(e as Error).stack}`);
        continue;
      }
      stats.runs++;
      if (result.status === "error") {
        if (result.error?.internal) {
          failures.push(`mutation ${k}: ${result.error.reason}`);
          // FUZZ_DUMP=dir keeps the inputs that failed, to turn them into snapshot cases.
          if (process.env.FUZZ_DUMP) fs.writeFileSync(path.join(process.env.FUZZ_DUMP, `mutation-${k}.py`), src);
        }
        else stats.inputErrors++;
        continue;
      }
      if (result.status === "unchanged") {
        stats.unchanged++;
        continue;
      }
      stats.changed++;
      const before = countSyntaxErrors(parse(src.toString("utf8")).rootNode);
      const after = countSyntaxErrors(parse(result.output!.toString("utf8")).rootNode);
      if (after > before) failures.push(`mutation ${k}: output has ${after} parse errors, input ${before}`);
    }
    console.log(`fuzz: ${JSON.stringify(stats)}`);
    expect(failures).toEqual([]);
    expect(stats.changed).toBeGreaterThan(0);
  }, 600_000);
});
