// Nothing lost: outside the edited spans, output is byte-identical to input, whatever the
// file's newlines, BOM, indentation, encoding or size.
import { describe, expect, it } from "vitest";
import { formatFindings, migrate, stepOf } from "./helpers.js";
import { snapshotCases } from "./snapshot-cases.js";
import fs from "node:fs";

const OLD = 'from mitmproxy import ctx, http\n\n\nclass A:\n    def request(self, flow: http.HTTPFlow):\n        ctx.log.info("seen")\n        flow.response = http.HTTPResponse.make(404)\n\n\naddons = [A()]\n';

function run(bytes: Buffer, o: { from?: string; to?: string } = {}): Buffer {
  const r = migrate(bytes, { from: o.from ?? "6", to: o.to ?? "12" });
  expect(r.error, r.error?.reason).toBeUndefined();
  return r.output ?? bytes;
}

const utf8 = (s: string) => Buffer.from(s, "utf8");
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe("bytes outside the edits stay identical", () => {
  const expectedLf = run(utf8(OLD)).toString("utf8");

  it("CRLF files stay CRLF, inserted lines included", () => {
    const out = run(utf8(OLD.replace(/\n/g, "\r\n"))).toString("utf8");
    expect(out).toBe(expectedLf.replace(/\n/g, "\r\n"));
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("a UTF-8 BOM is kept", () => {
    const out = run(Buffer.concat([BOM, utf8(OLD)]));
    expect(out.subarray(0, 3).equals(BOM)).toBe(true);
    expect(out.subarray(3).toString("utf8")).toBe(expectedLf);
  });

  it("tab indentation (and inserted lines use it), mixed indentation, form feeds", () => {
    const tabbed = OLD.replace(/^( {4})+/gm, (m) => "\t".repeat(m.length / 4));
    expect(run(utf8(tabbed)).toString()).toBe(expectedLf.replace(/^( {4})+/gm, (m) => "\t".repeat(m.length / 4)));
    const mixed = OLD.replace("class A:\n", "class A:\n\f\n").replace("        ctx.log", "\t    ctx.log").replace("        flow.response", "\t    flow.response");
    const out = run(utf8(mixed)).toString();
    expect(out).toContain("class A:\n\f\n");
    expect(out).toContain('\t    logging.info("seen")\n\t    flow.response = http.Response.make(404)');
  });

  it("a file without a final newline keeps it that way", () => {
    const out = run(utf8(OLD.trimEnd())).toString();
    expect(out).toBe(expectedLf.trimEnd());
  });

  it("a latin-1 file (coding cookie) is written back in latin-1, its other bytes untouched", () => {
    const src = "# -*- coding: latin-1 -*-\n" + OLD.replace('"seen"', '"vu \xe9t\xe9 \xa9"');
    const bytes = Buffer.from(src, "latin1");
    const out = run(bytes);
    expect(out.toString("latin1")).toContain('logging.info("vu \xe9t\xe9 \xa9")');
    expect(out.includes(Buffer.from([0xe9, 0x74, 0xe9]))).toBe(true);
    expect(out.toString("latin1")).toBe("# -*- coding: latin-1 -*-\n" + expectedLf.replace('"seen"', '"vu \xe9t\xe9 \xa9"'));
  });

  it("very long lines and non-ASCII text around edits", () => {
    const long = "x" + "y".repeat(200_000);
    const src = OLD.replace('"seen"', `"${long} ✓ 😀"`) + `${long} = 1  # ümlaut\n`;
    const out = run(utf8(src)).toString();
    expect(out).toBe(expectedLf.replace('"seen"', `"${long} ✓ 😀"`) + `${long} = 1  # ümlaut\n`);
  });

  it("an empty file: no change, no error", () => {
    const r = migrate(Buffer.alloc(0), { from: "6" });
    expect(r.status).toBe("unchanged");
    expect(r.error).toBeUndefined();
  });

  it("a 5 MB generated file (an addon with a big generated table) is processed", () => {
    const rows: string[] = [];
    for (let i = 0, size = 0; size < 5_000_000; i++) {
      rows.push(`    "host-${i}.example.com": ("10.${i % 256}.${(i >> 8) % 256}.1", ${i}),\n`);
      size += rows[rows.length - 1].length;
    }
    const src = `${OLD}\n\nTABLE = {\n${rows.join("")}}\n`;
    expect(src.length).toBeGreaterThan(5_000_000);
    const started = Date.now();
    const r = migrate(utf8(src), { from: "6" });
    expect(r.error).toBeUndefined();
    expect(r.output!.toString()).toBe(`${expectedLf}\n\nTABLE = {\n${rows.join("")}}\n`);
    // Informational only: speed is measured by `npm run bench`, never asserted in a test.
    console.log(`5 MB file: ${Date.now() - started} ms`);
  }, 120_000);
});

describe("property: every snapshot's CRLF and BOM variants migrate to the CRLF and BOM variants of its output", () => {
  for (const c of snapshotCases()) {
    it(`${c.transform} ${c.name}`, () => {
      const steps = [stepOf(c.transform)];
      const expected = fs.existsSync(c.outputPath) ? fs.readFileSync(c.outputPath, "utf8") : c.input;
      const findings = formatFindings(migrate(c.input, { steps, only: [c.transform] }));
      const toCrlf = (s: string) => s.replace(/\r?\n/g, "\r\n");
      const crlf = migrate(utf8(toCrlf(c.input)), { steps, only: [c.transform] });
      expect((crlf.output ?? utf8(toCrlf(c.input))).toString("utf8")).toBe(toCrlf(expected));
      expect(formatFindings(crlf)).toBe(findings);
      const bom = migrate(Buffer.concat([BOM, utf8(c.input)]), { steps, only: [c.transform] });
      expect((bom.output ?? Buffer.concat([BOM, utf8(c.input)])).equals(Buffer.concat([BOM, utf8(expected)]))).toBe(true);
    });
  }
});
