// End to end on folders of old addons, through the built binary: the whole diff and the
// findings are reviewed snapshots (test/e2e/*.diff, *.findings.txt); writing the result and
// running again changes nothing and reports the same findings.
// UPDATE_SNAPSHOTS=1 rewrites the expected files (review the diff!).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonSyntaxErrors } from "../scripts/python-ast.mjs";
import { ROOT, cli, tmpdir } from "./cli-helpers.js";

const E2E = path.join(__dirname, "e2e");
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

/** A tree with test/e2e/addons as addons/ and examples/v6-addons as examples/. */
function tree(): string {
  const dir = tmpdir();
  fs.cpSync(path.join(E2E, "addons"), path.join(dir, "addons"), { recursive: true });
  fs.cpSync(path.join(ROOT, "examples/v6-addons"), path.join(dir, "examples"), { recursive: true });
  return dir;
}

function run(dir: string, args: string[]) {
  const r = cli([...args, "addons", "examples"], dir, { env: { CI: "true" } });
  return { code: r.code, diff: r.stdout, stderr: r.stderr };
}

const warnings = (stderr: string) => stderr.split("\n").filter((l) => /^\S+:\d+:\d+: \S+ (?!note: )/.test(l)).join("\n");

function expectSnapshot(name: string, actual: string): void {
  const file = path.join(E2E, name);
  if (UPDATE) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}

describe.each([
  ["6", "7"],
  ["6", "12"],
])("a folder of mitmproxy 6 addons, --from %s --to %s", (from, to) => {
  it("gives the reviewed diff and findings; the written result is a fixed point", () => {
    const dir = tree();
    const first = run(dir, ["--from", from, "--to", to]);
    expect(first.code).toBe(1);
    expectSnapshot(`${from}-to-${to}.diff`, first.diff);
    expectSnapshot(`${from}-to-${to}.findings.txt`, first.stderr);

    const written = run(dir, ["--from", from, "--to", to, "--write"]);
    expect(written.stderr.split("\n").filter((l) => !l.includes(" · ")).join("\n")).toBe(
      first.stderr.split("\n").filter((l) => !l.includes(" · ")).join("\n"),
    );
    const again = run(dir, ["--from", from, "--to", to]);
    expect(again.diff).toBe("");
    expect(warnings(again.stderr)).toBe(warnings(first.stderr));

    // Every migrated file is valid Python for CPython.
    const files = fs.readdirSync(path.join(dir, "addons")).map((f) => path.join(dir, "addons", f));
    expect(pythonSyntaxErrors(files)).toEqual([]);
  });
});
