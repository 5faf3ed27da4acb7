// End-to-end: the built binary on temporary trees (npm test builds it first).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cli as run, read, tmpdir, write } from "./cli-helpers.js";

const cli = (args: string[], cwd: string, input?: string) => run(args, cwd, { input });

const EXAMPLES = path.resolve(__dirname, "../examples/v6-addons");

const ADDON = [
  "from mitmproxy import ctx, http",
  "",
  "",
  "def request(flow: http.HTTPFlow):",
  '    ctx.log.info("seen " + flow.request.url)',
  '    flow.response = http.HTTPResponse.make(204, b"")',
  "",
].join("\n");

describe("command line", () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpdir();
  });

  it("prints --version and --help with examples", () => {
    const v = cli(["--version"], dir);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = cli(["--help"], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("Examples:");
    expect(h.stdout).toContain("mitm-codemod --from 6 --to 12 --write ./addons");
  });

  it("prints the same with a pool of workers as on one thread, in every format, whatever the jobs", () => {
    // Above the pool's threshold (64 files), in batches that end unevenly: changed files (with
    // findings), unchanged ones, a latin-1 file (its diff is not UTF-8) and an unparsable one.
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) {
      const name = `team_${i % 3}/addon_${String(i).padStart(3, "0")}.py`;
      files[name] = i % 5 === 4 ? "import os\nprint(os.getcwd())\n" : ADDON.replace("seen ", `seen ${i} `) + (i % 7 === 0 ? "\ndef clientconnect(layer):\n    pass\n" : "");
    }
    files["team_0/broken.py"] = "from mitmproxy import ctx\ndef request(flow:\n";
    write(dir, files);
    fs.writeFileSync(path.join(dir, "team_1/latin.py"), Buffer.from("# -*- coding: latin-1 -*-\n# caf\xe9\n" + ADDON, "latin1"));
    // These few kilobytes are too little work for a pool: --jobs 2 screens the files and stays
    // on one thread, unless the threshold is lowered: from the start (0), or after a few files.
    const runs = [
      { jobs: "2", minBytes: undefined, how: "runner: one thread" },
      { jobs: "2", minBytes: "0", how: "runner: a pool of 2 workers for 92 files" },
      { jobs: "3", minBytes: "0", how: "runner: a pool of 3 workers for 92 files" },
      { jobs: "2", minBytes: "2000", how: "runner: a pool of 2 workers for " },
    ];
    const poolEnv = (minBytes?: string) => (minBytes === undefined ? {} : { MITM_CODEMOD_POOL_MIN_BYTES: minBytes });
    for (const { jobs, minBytes, how } of runs) {
      const profiled = run(["--from", "6", "--jobs", jobs, "."], dir, { env: { ...poolEnv(minBytes), MITM_CODEMOD_PROFILE: "1" } });
      expect(profiled.stderr).toContain(how);
    }
    for (const format of ["text", "json", "sarif"]) {
      const one = cli(["--from", "6", "--format", format, "--jobs", "1", "."], dir);
      expect(one.code).toBe(2); // the unparsable file
      for (const { jobs, minBytes } of runs) {
        const other = run(["--from", "6", "--format", format, "--jobs", jobs, "."], dir, { env: poolEnv(minBytes) });
        const what = `${format} --jobs ${jobs}, a pool from ${minBytes ?? "the default"} bytes`;
        expect(other.code, what).toBe(one.code);
        expect(other.stdout, what).toBe(one.stdout);
        expect(other.stderr, what).toBe(one.stderr);
      }
    }
    // --write: the same files written, whichever way they were run.
    const tree = (root: string) => Object.fromEntries(fs.readdirSync(root, { recursive: true, encoding: "utf8" }).sort().map((f) => [f, fs.statSync(path.join(root, f)).isFile() ? fs.readFileSync(path.join(root, f), "latin1") : ""]));
    const writeWith = (jobs: string, minBytes?: string) => {
      const copy = tmpdir();
      fs.cpSync(dir, copy, { recursive: true });
      const r = run(["--from", "6", "--write", "--jobs", jobs, "."], copy, { env: poolEnv(minBytes) });
      expect(r.code).toBe(2);
      return tree(copy);
    };
    const written = writeWith("1");
    expect(written["team_0/addon_000.py"]).toContain("import logging");
    for (const { jobs, minBytes } of runs) expect(writeWith(jobs, minBytes), `--write --jobs ${jobs}, a pool from ${minBytes}`).toEqual(written);
  });

  it("keeps V8's code cache after a run over files, and runs the same with it, without it, and with a damaged one", () => {
    write(dir, { "addon.py": ADDON });
    const cacheDir = path.join(tmpdir(), "cache");
    const withCache = (extra: NodeJS.ProcessEnv = {}) => run(["--from", "6", "addon.py"], dir, { env: { MITM_CODEMOD_CACHE_DIR: cacheDir, ...extra } });
    const caches = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
    expect(run(["--version"], dir, { env: { MITM_CODEMOD_CACHE_DIR: cacheDir } }).code).toBe(0);
    expect(caches()).toEqual([]); // --version saves nothing: its cache would lack the pipeline
    const first = withCache();
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("+import logging");
    expect(caches()).toHaveLength(1);
    const file = path.join(cacheDir, caches()[0]);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    const mtime = fs.statSync(file).mtimeMs;
    expect(withCache()).toEqual(first); // served from the cache, which stays as it is
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    fs.writeFileSync(file, "not a V8 code cache");
    expect(withCache()).toEqual(first); // rejected by V8, compiled again, saved again
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    fs.rmSync(cacheDir, { recursive: true });
    expect(withCache({ MITM_CODEMOD_CODE_CACHE: "0" })).toEqual(first);
    expect(caches()).toEqual([]);
  });

  it("diff mode writes nothing; its diff applies with git apply and equals --write", () => {
    fs.cpSync(EXAMPLES, path.join(dir, "addons"), { recursive: true });
    const copy = tmpdir();
    fs.cpSync(EXAMPLES, path.join(copy, "addons"), { recursive: true });
    const before = fs.readdirSync(path.join(dir, "addons")).map((f) => read(dir, `addons/${f}`));

    const diff = cli(["--from", "6", "--to", "12", "addons"], dir);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("--- a/addons/block_ads.py\n+++ b/addons/block_ads.py\n");
    expect(fs.readdirSync(path.join(dir, "addons")).map((f) => read(dir, `addons/${f}`))).toEqual(before);

    const git = spawnSync("git", ["apply", "-"], { cwd: dir, input: diff.stdout, encoding: "utf8" });
    expect(git.stderr).toBe("");
    expect(git.status).toBe(0);

    const w = cli(["--from", "6", "--to", "12", "--write", "addons"], copy);
    expect(w.code).toBe(1);
    for (const f of fs.readdirSync(path.join(dir, "addons"))) {
      expect(read(dir, `addons/${f}`), f).toBe(read(copy, `addons/${f}`));
    }
    // A second run on the written files has nothing left to rewrite.
    const again = cli(["--from", "6", "--to", "12", "addons"], copy);
    expect(again.stdout).toBe("");
  });

  it("--check exits 1 when something would change, 0 when nothing is left, and writes nothing", () => {
    write(dir, { "a.py": ADDON });
    const c = cli(["--from", "6", "--check", "a.py"], dir);
    expect(c.code).toBe(1);
    expect(c.stdout).toBe("");
    expect(c.stderr).toContain("a.py: would change");
    expect(read(dir, "a.py")).toBe(ADDON);
    expect(cli(["--from", "6", "--write", "a.py"], dir).code).toBe(1);
    const clean = cli(["--from", "6", "--check", "a.py"], dir);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/1 file · 0 to change · 0 findings · 0 errors/);
  });

  it("--to 8 leaves ctx.log alone (logging is step 9); --to 12 rewrites both", () => {
    write(dir, { "a.py": ADDON });
    const to8 = cli(["--from", "6", "--to", "8", "a.py"], dir);
    expect(to8.stdout).toContain("+    flow.response = http.Response.make(204, b\"\")");
    expect(to8.stdout).not.toContain("logging");
    const to12 = cli(["--from", "6", "--to", "12", "a.py"], dir);
    expect(to12.stdout).toContain('+    logging.info("seen " + flow.request.url)');
    expect(to12.stdout).toContain("+    flow.response = http.Response.make(204, b\"\")");
    const from8 = cli(["--from", "8", "a.py"], dir);
    expect(from8.stdout).toContain("logging.info");
    expect(from8.stdout).not.toContain("http.Response.make");
  });

  it("reports a file with a syntax error, leaves it untouched, processes the others, exits 2", () => {
    const broken = "from mitmproxy import ctx\ndef request(flow:\n    ctx.log.info('x')\n";
    write(dir, { "a_broken.py": broken, "b_ok.py": ADDON });
    const r = cli(["--from", "6", "--write", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^a_broken\.py: error: syntax error at \d+:\d+; file skipped$/m);
    expect(read(dir, "a_broken.py")).toBe(broken);
    expect(read(dir, "b_ok.py")).toContain("logging.info");
    expect(r.stderr).toContain("2 files · 1 changed · 0 findings · 1 error");
  });

  it("prints findings as PATH:LINE:COL: ID message on stderr", () => {
    write(dir, { "sub/a.py": "from mitmproxy import ctx\n\ndef request(flow):\n    ctx.log(flow.request.url, flow.metadata['lvl'])\n" });
    const r = cli(["--from", "8", "sub"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sub\/a\.py:4:5: L9-01 ctx\.log is deprecated/m);
    expect(r.stdout).toBe("");
  });

  it("walks directories honouring .gitignore, default excludes and --exclude", () => {
    fs.mkdirSync(path.join(dir, ".git"));
    write(dir, {
      ".gitignore": "ignored/\n",
      "keep.py": ADDON,
      "ignored/a.py": ADDON,
      ".venv/lib/b.py": ADDON,
      "node_modules/c.py": ADDON,
      "old/d.py": ADDON,
      "notes.txt": ADDON,
    });
    const r = cli(["--from", "6", "--check", "--exclude", "old/", "."], dir);
    expect(r.stderr).toContain("keep.py: would change");
    expect(r.stderr).toContain("1 file · 1 to change");
    // An explicit file is always processed, whatever the excludes say.
    expect(cli(["--from", "6", "--check", "ignored/a.py"], dir).stderr).toContain("ignored/a.py: would change");
  });

  it("usage errors exit 2 with a clear message", () => {
    write(dir, { "a.py": ADDON });
    const unknown = cli(["--from", "5", "a.py"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown version --from 5; valid versions: 6, 7, 8, 9, 9.1, 10, 11, 12, 6.0.0");
    expect(cli(["--from", "12", "--to", "7", "a.py"], dir).code).toBe(2);
    expect(cli(["--from", "6", "--only", "v7/nope", "a.py"], dir).stderr).toContain("unknown transform id 'v7/nope'");
    expect(cli(["--from", "6"], dir).code).toBe(2);
    expect(cli(["b.py"], write(dir, { "b.py": "from mitmproxy import http\n" }) ?? dir).stderr).toContain("pass --from");
    expect(cli(["--from", "6", "--bogus", "a.py"], dir).code).toBe(2);
    expect(cli(["--from", "6", "missing.py"], dir).stderr).toContain("missing.py: error: no such file or directory");
  });

  it("--list prints the plan; --only and --skip select transforms", () => {
    const l = cli(["--list", "--from", "6", "--to", "9"], dir);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/step 7 .*\n  v7\/http-classes\s+safe\s+M7-02 M7-03\n/);
    expect(l.stdout).toContain("v9/ctx-log");
    expect(cli(["--list", "--from", "6", "--to", "8"], dir).stdout).not.toContain("v9/ctx-log");
    write(dir, { "a.py": ADDON });
    const only = cli(["--from", "6", "--only", "v9/ctx-log", "a.py"], dir);
    expect(only.stdout).toContain("logging.info");
    expect(only.stdout).not.toContain("http.Response.make");
    // v12/ctx-log repeats the rewrite for scripts that start at 9+, so keeping ctx.log takes both.
    const skip = cli(["--from", "6", "--to", "11", "--skip", "v9/ctx-log", "a.py"], dir);
    expect(skip.stdout).not.toContain("logging.info");
    const skipBoth = cli(["--from", "6", "--skip", "v9/ctx-log", "--skip", "v12/ctx-log", "a.py"], dir);
    expect(skipBoth.stdout).not.toContain("logging.info");
    expect(skipBoth.stdout).toContain("http.Response.make");
  });

  it("--write keeps the file mode", () => {
    write(dir, { "a.py": ADDON });
    fs.chmodSync(path.join(dir, "a.py"), 0o750);
    cli(["--from", "6", "--write", "a.py"], dir);
    expect(fs.statSync(path.join(dir, "a.py")).mode & 0o777).toBe(0o750);
    expect(fs.readdirSync(dir)).toEqual(["a.py"]);
  });
});
