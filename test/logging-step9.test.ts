// Stdlib logging arrives with step 9: mitmproxy 8 does not route it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { migrate, outputText } from "./helpers.js";

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
