// The six content views of a mitmproxy 6 user, migrated 6 → 12 in one run: step 7 (V7-01) turns
// `content_types = [...]` into render_priority(...), and step 12 must then turn each View into one
// clean v12 Contentview (no finding left, registration at module level).
//
//   fixtures/contentviews-6-to-12/<view>.input.py          the v6 addon
//   fixtures/contentviews-6-to-12/<view>.after-step-7.py   what step 7 makes of it (only for views with
//                                                          content_types; the others leave step 7
//                                                          unchanged)
//   fixtures/contentviews-6-to-12/<view>.expected.py       the v12 result
// UPDATE_SNAPSHOTS=1 rewrites the expected files from the step-7 route (review the diff!).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFindings, migrate, outputText } from "./helpers.js";

const DIR = path.resolve(__dirname, "fixtures/contentviews-6-to-12");
const VIEWS = ["plain-text", "json-pretty", "key-value", "hex-dump", "styled-lines", "content-type"];
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

const read = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8");
const afterStep7 = (view: string) =>
  fs.existsSync(path.join(DIR, `${view}.after-step-7.py`)) ? read(`${view}.after-step-7.py`) : read(`${view}.input.py`);

function run(input: string, from: string) {
  const r = migrate(input, { from, to: "12" });
  expect(r.error, r.error?.reason).toBeUndefined();
  return { output: outputText(r, input), warnings: formatFindings(r, { notes: false }) };
}

describe("content views, mitmproxy 6 → 12", () => {
  for (const view of VIEWS) {
    it(`${view}: --from 6 --to 12 gives one clean v12 view`, () => {
      const { output, warnings } = run(read(`${view}.input.py`), "6");
      expect(output).toBe(read(`${view}.expected.py`));
      expect(warnings).toBe("");
    });

    it(`${view}: step 7 alone gives the intermediate file`, () => {
      const r = migrate(read(`${view}.input.py`), { from: "6", to: "7" });
      expect(r.error).toBeUndefined();
      const output = outputText(r, read(`${view}.input.py`));
      if (UPDATE && fs.existsSync(path.join(DIR, `${view}.after-step-7.py`))) fs.writeFileSync(path.join(DIR, `${view}.after-step-7.py`), output);
      expect(output).toBe(afterStep7(view));
    });

    it(`${view}: the step-7 result --from 7 --to 12 gives the same view`, () => {
      const { output, warnings } = run(afterStep7(view), "7");
      if (UPDATE) fs.writeFileSync(path.join(DIR, `${view}.expected.py`), output);
      expect(output).toBe(read(`${view}.expected.py`));
      expect(warnings).toBe("");
      // and the result is a fixed point of the whole run
      expect(run(output, "6").output).toBe(output);
    });
  }
});
