// The rows of MIGRATIONS.md §3–§6 (steps 8, 9, 9.1 and 11), plus W7-13 and X7-06 (filed under
// §2 but broken in 8.0): each is named by exactly one transform, and --list prints them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../transforms/catalog.js";
import fs from "node:fs";
import { allTransforms, migrate, outputText } from "./helpers.js";

const BIN = path.resolve(__dirname, "../bin/mitm-codemod.js");

const SECTIONS = new Set(["3", "4.A", "4.B", "4.C", "5.A", "5.B", "6"]);
const ROWS = [...Object.keys(CATALOG).filter((id) => SECTIONS.has(CATALOG[id])), "W7-13", "X7-06"];

describe("catalogue rows of steps 8 – 11", () => {
  it("each row is named by exactly one transform, in the step of the release that broke it", () => {
    const namedBy = new Map<string, string[]>();
    for (const t of allTransforms()) for (const id of t.catalog) namedBy.set(id, [...(namedBy.get(id) ?? []), t.id]);
    for (const id of ROWS) {
      const ts = namedBy.get(id) ?? [];
      expect(ts, id).toHaveLength(1);
      const step = ts[0].split("/")[0];
      const expected = /^(R|A|T|W|F|X|M|D|C|I|P|O)8-|^W7-13$|^X7-06$/.test(id) ? "v8" : /9-/.test(id) ? "v9" : /10-/.test(id) ? "v9.1" : "v11";
      expect(step, id).toBe(expected);
    }
  });

  it("every catalogue id a transform names exists", () => {
    for (const t of allTransforms()) for (const id of t.catalog) expect(CATALOG[id], `${t.id}: ${id}`).toBeDefined();
  });

  it("--list --from 7 --to 11 prints every row (the built binary; npm test builds it first)", () => {
    const r = spawnSync(process.execPath, [BIN, "--list", "--from", "7", "--to", "11"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const id of ROWS) expect(r.stdout, id).toMatch(new RegExp(`\\s${id}(\\s|$)`, "m"));
  });
});

describe("logging arrives with step 9", () => {
  const input = fs.readFileSync(path.resolve(__dirname, "../snapshots/v9/add-log-handler/log-collector.input.py"), "utf8");

  it("--to 8 never introduces stdlib logging (mitmproxy 8 does not route it)", () => {
    for (const from of ["6", "7"]) expect(outputText(migrate(input, { from, to: "8" }), input)).not.toMatch(/\blogging\b/);
  });

  it("--from 8 --to 9 replaces add_log by a logging.Handler", () => {
    const out = outputText(migrate(input, { from: "8", to: "9" }), input);
    expect(out).toContain("(logging.Handler):");
    expect(out).toContain("logging.getLogger().addHandler(self.log_handler)");
    expect(out).toContain("logging.getLogger().removeHandler(self.log_handler)");
    expect(out).not.toContain("def add_log");
  });
});
