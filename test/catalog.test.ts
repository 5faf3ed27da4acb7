// Every row of the catalogue (MIGRATIONS.md, and the ids mitm-codemod added for §4.D and §9)
// is named by exactly one transform, in the step of the release that broke it; a forgotten
// row fails here. --list prints them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../transforms/catalog.js";
import { allTransforms } from "./helpers.js";

const BIN = path.resolve(__dirname, "../bin/mitm-codemod.js");

/** The step folder a row belongs to: the section's step, or the later release that broke it. */
function stepOf(id: string): string {
  const later: Record<string, string> = { "W7-13": "v8", "X7-06": "v8", "X7-11": "v12" };
  if (later[id]) return later[id];
  const section = CATALOG[id];
  if (section.startsWith("2.")) return "v7";
  if (section === "3") return "v8";
  if (section.startsWith("4.")) return "v9";
  if (section.startsWith("5.")) return "v9.1";
  if (section === "6") return "v11";
  return "v12"; // §7 and the deprecated forms of §9
}

const namedBy = new Map<string, string[]>();
for (const t of allTransforms()) for (const id of t.catalog) namedBy.set(id, [...(namedBy.get(id) ?? []), t.id]);

describe("the catalogue", () => {
  it("has the rows of MIGRATIONS.md §2–§7 (162) and the added ids", () => {
    expect(Object.keys(CATALOG).filter((id) => !/^(REM9|DEP12)-/.test(id))).toHaveLength(162);
  });

  it("each row is named by exactly one transform, in its step", () => {
    const problems: string[] = [];
    for (const id of Object.keys(CATALOG)) {
      const ts = namedBy.get(id) ?? [];
      if (ts.length !== 1) problems.push(`${id}: named by ${ts.length ? ts.join(", ") : "no transform"}`);
      else if (ts[0].split("/")[0] !== stepOf(id)) problems.push(`${id}: in ${ts[0]}, expected step ${stepOf(id)}`);
    }
    expect(problems).toEqual([]);
  });

  it("every id a transform names is in the catalogue", () => {
    for (const t of allTransforms()) for (const id of t.catalog) expect(CATALOG[id], `${t.id}: ${id}`).toBeDefined();
  });

  it("--list prints every row of its steps (the built binary)", () => {
    for (const [from, to, steps] of [["6", "7", ["v7"]], ["7", "11", ["v8", "v9", "v9.1", "v11"]], ["11", "12", ["v12"]]] as const) {
      const r = spawnSync(process.execPath, [BIN, "--list", "--from", from, "--to", to], { encoding: "utf8" });
      expect(r.status).toBe(0);
      for (const id of Object.keys(CATALOG).filter((x) => (steps as readonly string[]).includes(stepOf(x)))) {
        expect(r.stdout, id).toMatch(new RegExp(`\\s${id}(\\s|$)`, "m"));
      }
    }
  });
});
