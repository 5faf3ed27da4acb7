// The conventions users know from ruff, black and pyupgrade, end to end on the built binary:
// configuration, --explain, docs, json/sarif, --annotate, --from auto, stdin, colours.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, cli, tmpdir, write } from "./cli-helpers.js";
import Ajv from "ajv-draft-04";
import { transformsDoc } from "../src/docs.js";
import { Progress } from "../src/progress.js";
import { registry } from "./helpers.js";

const OLD = 'from mitmproxy import ctx, http\n\n\ndef request(flow: http.HTTPFlow):\n    ctx.log.info("seen")\n    flow.response = http.HTTPResponse.make(404)\n';
const MANUAL = "from mitmproxy import ctx\n\n\ndef request(flow):\n    ctx.log(flow.request.url, flow.metadata.get('level'))\n";

describe("configuration: [tool.mitm-codemod] in the nearest pyproject.toml", () => {
  let dir: string;
  beforeEach(() => (dir = tmpdir()));

  it("reads from/to/exclude/only/format; flags win", () => {
    write(dir, {
      "pyproject.toml": '[project]\nname = "x"\n\n[tool.mitm-codemod]\nfrom = "6"\nto = 8\nexclude = ["vendor/"]\n',
      "a.py": OLD,
      "vendor/b.py": OLD,
    });
    const r = cli(["--check", "."], dir);
    expect(r.stderr).toContain("a.py: would change");
    expect(r.stderr).toContain("1 file · 1 to change");
    // --to 8 from the config: no logging rewrite; --to on the command line wins.
    expect(cli(["a.py"], dir).stdout).not.toContain("logging");
    expect(cli(["--to", "12", "a.py"], dir).stdout).toContain("logging.info");
    write(dir, { "sub/pyproject.toml": '[tool.mitm-codemod]\nfrom = "8"\nonly = ["v9/ctx-log"]\nformat = "json"\n', "sub/c.py": OLD });
    const nested = cli(["sub/c.py"], dir);
    expect(JSON.parse(nested.stdout).plan).toEqual({ from: "8", to: "12", steps: ["9", "9.1", "11", "12"] });
  });

  it("rejects unknown keys and bad values with a clear error", () => {
    write(dir, { "pyproject.toml": '[tool.mitm-codemod]\nfrm = "6"\n', "a.py": OLD });
    const r = cli(["a.py"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown key 'frm' in [tool.mitm-codemod]; known keys: from, to, exclude, only, skip, unsafe-fixes, format");
    write(dir, { "pyproject.toml": '[tool.mitm-codemod]\nunsafe-fixes = "yes"\n' });
    expect(cli(["--from", "6", "a.py"], dir).stderr).toContain("unsafe-fixes must be true or false");
  });
});

describe("--list, --explain and docs/transforms.md", () => {
  it("--explain takes a transform id or a catalogue row and shows the snapshot example", () => {
    const dir = tmpdir();
    for (const id of ["v7/http-classes", "M7-03"]) {
      const r = cli(["--explain", id], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("v7/http-classes — HTTPRequest/HTTPResponse → Request/Response");
      expect(r.stdout).toContain("fix safety: safe");
      expect(r.stdout).toContain("Example (snapshots/v7/http-classes/");
      expect(r.stdout).toMatch(/^\s+-.*HTTPResponse/m);
      expect(r.stdout).toMatch(/^\s+\+.*Response/m);
    }
    expect(cli(["--explain", "ZZ9-99"], dir).code).toBe(2);
  });

  it("docs/transforms.md is generated from the registry (run `npm run docs` when this fails)", () => {
    const expected = transformsDoc(registry, path.join(ROOT, "snapshots"));
    expect(fs.readFileSync(path.join(ROOT, "docs/transforms.md"), "utf8")).toBe(expected);
    for (const t of registry.steps.flatMap((s) => s.transforms)) expect(expected).toContain(`### \`${t.id}\``);
  });
});

describe("machine-readable output", () => {
  it("--format json follows docs/json-format.md (version 1)", () => {
    const dir = write(tmpdir(), { "a.py": OLD, "b.py": MANUAL, "c.py": "x = 1\n" });
    const r = cli(["--from", "6", "--format", "json", "."], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.summary).toMatchObject({ files: 3, changed: 1, findings: 1, errors: 0 });
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(["a.py", "b.py"]);
    const a = doc.files[0];
    expect(a.status).toBe("changed");
    expect(a.changes).toContainEqual({ transform: "v7/http-classes", catalog: ["M7-02", "M7-03"], line: 7, column: 21, endLine: 7, endColumn: 34 });
    expect(a.diff).toContain("+++ b/a.py");
    const f = doc.files[1].findings[0];
    expect(f).toMatchObject({ id: "L9-01", severity: "warning", transform: "v9/ctx-log", line: 5, column: 5, endLine: 5 });
  });

  it("--format sarif is valid SARIF 2.1.0 (the official schema, validated with ajv)", () => {
    const dir = write(tmpdir(), { "a.py": OLD, "b.py": MANUAL, "bad.py": "from mitmproxy import ctx\ndef f(:\n" });
    const r = cli(["--from", "6", "--format", "sarif", "."], dir);
    const sarif = JSON.parse(r.stdout);
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
    // The schema's language-code pattern is not valid with the `u` flag: compile without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results;
    expect(results.some((x: { ruleId: string; level: string }) => x.ruleId === "L9-01" && x.level === "warning")).toBe(true);
    expect(results.some((x: { ruleId: string }) => x.ruleId === "M7-02")).toBe(true);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain("bad.py: syntax error");
    // An invalid document is rejected: the validation is real.
    expect(validate({ ...sarif, version: "2.0.0" })).toBe(false);
  });
});

describe("--annotate", () => {
  it("inserts one comment per place, never twice, and --check reports what is left", () => {
    const dir = write(tmpdir(), { "a.py": MANUAL });
    expect(cli(["--from", "8", "--annotate", "--write", "a.py"], dir).code).toBe(1);
    const once = fs.readFileSync(path.join(dir, "a.py"), "utf8");
    expect(once).toContain("def request(flow):\n    # mitm-codemod: L9-01 ctx.log is deprecated since mitmproxy 9");
    expect(once.match(/# mitm-codemod:/g)).toHaveLength(1);
    cli(["--from", "8", "--annotate", "--write", "a.py"], dir);
    expect(fs.readFileSync(path.join(dir, "a.py"), "utf8")).toBe(once);
    // Fixed by hand but the comment left behind: --check keeps failing until it is removed.
    fs.writeFileSync(path.join(dir, "a.py"), once.replace(/ctx\.log\(.*\)/, 'print("done")'));
    const check = cli(["--from", "8", "--check", "a.py"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/a\.py:5:5: L9-01 annotation left by mitm-codemod/);
  });
});

describe("--from auto", () => {
  it("uses a pin near the code and says why", () => {
    const dir = write(tmpdir(), { "requirements.txt": "requests\nmitmproxy==6.0.2  # old\n", "addons/a.py": OLD });
    const r = cli(["addons"], dir);
    expect(r.stderr).toContain("mitm-codemod: --from 6.0.2 (detected: requirements.txt:2 pins mitmproxy==6.0.2)");
    expect(r.stdout).toContain("http.Response.make");
    write(dir, { "requirements.txt": "", "pyproject.toml": '[project]\ndependencies = ["mitmproxy>=5,<7"]\n' });
    expect(cli(["addons"], dir).stderr).toContain("--from 6.0.2 (detected: pyproject.toml:2 pins mitmproxy>=5,<7)");
    write(dir, { "pyproject.toml": "", "Pipfile": '[packages]\nmitmproxy = "==8.1.1"\n' });
    expect(cli(["addons"], dir).stderr).toContain("--from 8.1.1 (detected: Pipfile:2 pins mitmproxy");
  });

  it("falls back to the APIs the code uses, and without evidence asks for --from", () => {
    const dir = write(tmpdir(), { "a.py": OLD });
    expect(cli(["a.py"], dir).stderr).toContain("--from 6 (detected: a.py uses HTTPRequest/HTTPResponse");
    const v8 = write(tmpdir(), { "b.py": "from mitmproxy import ctx\n\n\ndef client_connected(client):\n    ctx.log.info('hi')\n" });
    expect(cli(["b.py"], v8).stderr).toContain("--from 7.0.0 (detected: b.py uses a mitmproxy 7 event hook");
    const none = write(tmpdir(), { "c.py": "from mitmproxy import http\n\n\ndef request(flow):\n    pass\n" });
    const r = cli(["c.py"], none);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pass --from");
  });
});

describe("pipes and editors", () => {
  it("'-' reads stdin and writes the migrated source to stdout; findings on stderr", () => {
    const dir = tmpdir();
    const r = cli(["--from", "6", "--stdin-filename", "addons/x.py", "-"], dir, { input: OLD + MANUAL.replace("from mitmproxy import ctx\n", "") });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('    logging.info("seen")\n');
    expect(r.stdout).not.toContain("diff --git");
    expect(r.stderr).toMatch(/^addons\/x\.py:\d+:5: L9-01 /m);
    const clean = cli(["--from", "6", "-"], dir, { input: "x = 1\n" });
    expect(clean.stdout).toBe("x = 1\n");
    expect(clean.code).toBe(0);
  });
});

describe("human output", () => {
  const ESC = "\x1b[";

  it("pipes and CI get no escape codes; --color always forces them", () => {
    const dir = write(tmpdir(), { "a.py": OLD, "b.py": MANUAL });
    const piped = cli(["--from", "6", "."], dir, { env: { CI: "true" } });
    expect(piped.stdout + piped.stderr).not.toContain(ESC);
    expect(piped.stderr).not.toContain("\r");
    const forced = cli(["--from", "6", "--color", "always", "."], dir);
    expect(forced.stdout).toContain(`${ESC}32m+`);
  });

  it("on a terminal (a pseudo-terminal via script) the diff is coloured; NO_COLOR and CI turn it off", () => {
    const dir = write(tmpdir(), { "a.py": OLD });
    const underPty = (env: string) =>
      spawnSync("script", ["-qefc", `${env} ${process.execPath} ${BIN} --from 6 a.py`, "/dev/null"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CI: "", NO_COLOR: "", FORCE_COLOR: "" },
      }).stdout;
    expect(underPty("env -u CI -u NO_COLOR")).toContain(`${ESC}32m+`);
    expect(underPty("env -u CI NO_COLOR=1")).not.toContain(ESC);
    expect(underPty("env CI=true")).not.toContain(ESC);
  });

  it("under a pseudo-terminal a long run draws a progress bar on stderr and clears it; CI gets none", () => {
    const dir = tmpdir();
    for (let i = 0; i < 1500; i++) write(dir, { [`pkg${i % 30}/addon_${i}.py`]: OLD });
    const underPty = (env: string) =>
      spawnSync("script", ["-qefc", `${env} ${process.execPath} ${BIN} --from 6 --check --jobs 1 . 2>&1 >/dev/null`, "/dev/null"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CI: "", NO_COLOR: "", FORCE_COLOR: "" },
      }).stdout;
    const tty = underPty("env -u CI");
    expect(tty).toMatch(/\r\[#*\.*\] \d+\/1500 files/);
    expect(tty).toContain("\r\x1b[2K");
    expect(tty).toContain("1500 files · 1500 to change");
    const ci = underPty("env CI=true");
    expect(ci).not.toMatch(/\d+\/1500 files/);
    expect(ci).toContain("1500 files · 1500 to change");
  }, 120_000);

  it("the progress bar draws only on a terminal, after a delay, and clears itself", () => {
    const chunks: string[] = [];
    const tty = { write: (s: string) => chunks.push(s), columns: 60 } as unknown as NodeJS.WritableStream;
    const bar = new Progress(tty, true, 0);
    bar.update(5, 10);
    bar.clear();
    expect(chunks.join("")).toMatch(/^\r\[#+\.+\] 5\/10 files\r\x1b\[2K$/);
    const quiet: string[] = [];
    const off = new Progress({ write: (s: string) => quiet.push(s) } as unknown as NodeJS.WritableStream, false, 0);
    off.update(5, 10);
    expect(quiet).toEqual([]);
    const later: string[] = [];
    new Progress({ write: (s: string) => later.push(s) } as unknown as NodeJS.WritableStream, true, 60_000).update(1, 2);
    expect(later).toEqual([]);
  });

  it("--quiet prints no summary and no notes", () => {
    const dir = write(tmpdir(), { "a.py": OLD });
    const r = cli(["--from", "6", "--quiet", "--check", "a.py"], dir);
    expect(r.stderr).toBe("a.py: would change\n");
  });
});
