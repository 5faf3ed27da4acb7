// The snapshot pairs under snapshots/<step>/<transform>/ are the spec of each transform:
//   <case>.input.py     an addon as users wrote it
//   <case>.output.py    exactly what the transform's step makes of it (absent: no edit at all)
//   <case>.findings.txt exactly the findings (absent: none)
// Each case is run on its transform alone, compared byte for byte, re-run on its own output
// (no change, the same warnings) and the output must parse.
// UPDATE_SNAPSHOTS=1 rewrites outputs and findings from the current code (review the diff!).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allTransforms, formatFindings, migrate, stepOf } from "./helpers.js";
import { parse, firstSyntaxError } from "../src/parser.js";
import { snapshotCases } from "./snapshot-cases.js";

const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

const cases = snapshotCases();

describe("snapshot pairs", () => {
  it("every transform has snapshot cases, and every snapshot folder names a transform", () => {
    const ids = new Set(allTransforms().map((t) => t.id));
    const withCases = new Set(cases.map((c) => c.transform));
    expect([...ids].filter((id) => !withCases.has(id))).toEqual([]);
    expect([...withCases].filter((id) => !ids.has(id))).toEqual([]);
  });

  it("every transform has at least one case that must not change", () => {
    const noChange = new Set(cases.filter((c) => !fs.existsSync(c.outputPath)).map((c) => c.transform));
    expect(allTransforms().map((t) => t.id).filter((id) => !noChange.has(id))).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.transform} ${c.name}`, () => {
      const run = (text: string) => migrate(text, { steps: [stepOf(c.transform)], only: [c.transform] });
      const r = run(c.input);
      expect(r.error, r.error?.reason).toBeUndefined();
      const output = r.output ? r.output.toString("utf8") : null;
      const findings = formatFindings(r);
      if (UPDATE) {
        if (output !== null) fs.writeFileSync(c.outputPath, output);
        else fs.rmSync(c.outputPath, { force: true });
        if (findings) fs.writeFileSync(c.findingsPath, findings);
        else fs.rmSync(c.findingsPath, { force: true });
      }
      const expectedOutput = fs.existsSync(c.outputPath) ? fs.readFileSync(c.outputPath, "utf8") : null;
      const expectedFindings = fs.existsSync(c.findingsPath) ? fs.readFileSync(c.findingsPath, "utf8") : "";
      if (expectedOutput === null) {
        // A no-change case: not merely equal text, but no edit at all.
        expect(r.status).toBe("unchanged");
        expect(r.changes).toEqual([]);
      } else {
        expect(r.status).toBe("changed");
        expect(output).toBe(expectedOutput);
      }
      expect(findings).toBe(expectedFindings);

      const final = output ?? c.input;
      expect(firstSyntaxError(parse(final).rootNode)).toBeNull();
      // Fixed point: a second run changes nothing and reports the same warnings.
      const again = run(final);
      expect(again.status).toBe("unchanged");
      expect(formatFindings(again, { notes: true })).toBe(formatFindings(r, { notes: false }));
    });
  }
});
