// Bad input, through the built binary: each case gives one clear line (path and reason) on
// stderr, leaves the file untouched, lets every other file be processed, and makes the exit
// code 2. No stack traces.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cli, tmpdir } from "./cli-helpers.js";

const GOOD = 'from mitmproxy import ctx\n\n\ndef request(flow):\n    ctx.log.info("seen")\n';
const MIGRATED = 'import logging\n\n\ndef request(flow):\n    logging.info("seen")\n';

/** Runs --write on a tree holding one bad entry and a good addon; checks the common promises. */
function expectOneError(setup: (dir: string) => string, reason: RegExp): void {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, "good.py"), GOOD);
  const badName = setup(dir);
  const before = snapshotOf(dir, badName);
  const r = cli(["--from", "8", "--write", "."], dir);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  const errorLines = lines.filter((l) => l.startsWith(`${badName}: `));
  expect(errorLines, r.stderr).toHaveLength(1);
  expect(errorLines[0]).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  expect(fs.readFileSync(path.join(dir, "good.py"), "utf8")).toBe(MIGRATED);
  expect(snapshotOf(dir, badName)).toEqual(before);
  expect(lines[lines.length - 1]).toMatch(/ · 1 error$/);
}

/** What a path is on disk (type, link target, bytes), to prove it was left alone. */
function snapshotOf(dir: string, name: string): unknown {
  const p = path.join(dir, name);
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return { link: fs.readlinkSync(p) };
  if (st.isFile()) return { bytes: fs.readFileSync(p).toString("base64"), mtime: st.mtimeMs };
  return { type: st.isDirectory() ? "dir" : st.isFIFO() ? "fifo" : "other" };
}

describe("bad input", () => {
  it("a syntax error in the input", () =>
    expectOneError((d) => (fs.writeFileSync(path.join(d, "broken.py"), "from mitmproxy import ctx\ndef f(:\n    ctx.log.info(1)\n"), "broken.py"), /^broken\.py: error: syntax error at 2:7; file skipped$/));

  it("a binary file named .py", () =>
    expectOneError((d) => (fs.writeFileSync(path.join(d, "image.py"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff])), "image.py"), /^image\.py: error: contains NUL bytes \(binary file\?\)$/));

  it("NUL bytes in an otherwise textual addon", () =>
    expectOneError((d) => (fs.writeFileSync(path.join(d, "nul.py"), "from mitmproxy import ctx\nctx.log.info('a\0b')\n"), "nul.py"), /^nul\.py: error: contains NUL bytes/));

  it("invalid UTF-8 without a coding cookie (decoded strictly, never with U+FFFD)", () =>
    expectOneError(
      (d) => (fs.writeFileSync(path.join(d, "latin.py"), Buffer.from("from mitmproxy import ctx\nctx.log.info('caf\xe9')\n", "latin1")), "latin.py"),
      /^latin\.py: error: not valid UTF-8 and no coding cookie declares another encoding$/,
    ));

  it("an unknown encoding cookie", () =>
    expectOneError((d) => (fs.writeFileSync(path.join(d, "cookie.py"), "# -*- coding: klingon -*-\nfrom mitmproxy import ctx\n"), "cookie.py"), /^cookie\.py: error: unsupported or unknown encoding cookie 'klingon'$/));

  it("a directory named x.py", () =>
    expectOneError((d) => (fs.mkdirSync(path.join(d, "x.py")), fs.writeFileSync(path.join(d, "x.py", "inner.txt"), "x"), "x.py"), /^x\.py: error: is a directory, not a Python file$/));

  it("a FIFO named .py", () =>
    expectOneError((d) => {
      expect(spawnSync("mkfifo", [path.join(d, "pipe.py")]).status).toBe(0);
      return "pipe.py";
    }, /^pipe\.py: error: is a FIFO, not a regular file$/));

  it("a dangling symlink", () =>
    expectOneError((d) => (fs.symlinkSync("does-not-exist.py", path.join(d, "dangling.py")), "dangling.py"), /^dangling\.py: error: dangling symlink$/));

  it("a symlink loop", () =>
    expectOneError((d) => (fs.symlinkSync("loop.py", path.join(d, "loop.py")), "loop.py"), /^loop\.py: error: symlink loop$/));

  it("a symlink that points outside the given tree is not followed", () => {
    const outside = tmpdir();
    fs.writeFileSync(path.join(outside, "theirs.py"), GOOD);
    expectOneError((d) => (fs.symlinkSync(path.join(outside, "theirs.py"), path.join(d, "link.py")), "link.py"), /^link\.py: error: symlink points outside the tree; not followed$/);
    expect(fs.readFileSync(path.join(outside, "theirs.py"), "utf8")).toBe(GOOD);
  });

  it("an unreadable file", () => {
    if (process.getuid?.() === 0) {
      // root reads anything: a file that vanishes between discovery and reading stands in.
      return;
    }
    expectOneError((d) => (fs.writeFileSync(path.join(d, "secret.py"), GOOD), fs.chmodSync(path.join(d, "secret.py"), 0), "secret.py"), /^secret\.py: error: cannot read: permission denied$/);
  });

  it("an empty file: no change, no error", () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, "empty.py"), "");
    const r = cli(["--from", "6", "--check", "empty.py"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("1 file · 0 to change · 0 findings · 0 errors\n");
  });

  it("an internal error is one line with the transform id and a hint to report it", async () => {
    const { Reporter } = await import("../src/report.js");
    let err = "";
    const reporter = new Reporter({
      format: "text",
      mode: "diff",
      quiet: false,
      colorStdout: false,
      colorStderr: false,
      stdout: { write: () => true } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream,
      transforms: new Map(),
      tool: { name: "mitm-codemod", version: "0", informationUri: "" },
      plan: { from: "6", to: "12", steps: [] },
    });
    reporter.file({ display: "a.py", status: "error", error: { reason: "internal error in transform v7/x: boom", internal: true, transform: "v7/x" }, findings: [], changes: [], heldBack: 0 });
    expect(err).toBe("a.py: internal error in transform v7/x: boom; please report it at https://github.com/mitm-codemod/mitm-codemod/issues with the file\n");
    expect(reporter.finish()).toBe(2);
  });
});

describe("writes", () => {
  it("a symlinked file inside the tree: the target is rewritten, the link stays a link", () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, "real"));
    fs.writeFileSync(path.join(dir, "real", "addon.py"), GOOD);
    fs.symlinkSync("real/addon.py", path.join(dir, "link.py"));
    const r = cli(["--from", "8", "--write", "."], dir);
    expect(r.code).toBe(1);
    expect(fs.lstatSync(path.join(dir, "link.py")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "real", "addon.py"), "utf8")).toBe(MIGRATED);
    expect(r.stderr).toContain("1 file · 1 changed"); // the target is processed once
    expect(fs.readdirSync(path.join(dir, "real"))).toEqual(["addon.py"]); // no temp file left
  });

  it("files that need no change are never rewritten (mtime and inode unchanged)", () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, "done.py"), MIGRATED);
    fs.writeFileSync(path.join(dir, "todo.py"), GOOD);
    const old = new Date("2020-01-01T00:00:00Z");
    fs.utimesSync(path.join(dir, "done.py"), old, old);
    const ino = fs.statSync(path.join(dir, "done.py")).ino;
    cli(["--from", "8", "--write", "."], dir);
    const st = fs.statSync(path.join(dir, "done.py"));
    expect(st.mtime.getTime()).toBe(old.getTime());
    expect(st.ino).toBe(ino);
    expect(fs.statSync(path.join(dir, "todo.py")).mtime.getTime()).toBeGreaterThan(old.getTime());
  });

  it("SIGKILL in the middle of --write over 2,000 files: every file is old or fully migrated; a rerun completes", async () => {
    const dir = tmpdir();
    const templates = [GOOD, GOOD.replace("seen", "hello"), 'from mitmproxy import http\n\n\ndef response(flow):\n    flow.response = http.HTTPResponse.make(500)\n'];
    const expected = new Map<string, string>();
    const probe = tmpdir();
    templates.forEach((t, i) => fs.writeFileSync(path.join(probe, `t${i}.py`), t));
    cli(["--from", "6", "--write", "."], probe);
    templates.forEach((t, i) => expected.set(t, fs.readFileSync(path.join(probe, `t${i}.py`), "utf8")));
    const files: { name: string; before: string }[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = templates[i % templates.length] + "\n# file " + i + "\n" + "x = 1\n".repeat(200);
      const name = `pkg${i % 20}/addon_${i}.py`;
      fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), t);
      files.push({ name, before: t });
    }
    const child = spawn(process.execPath, [BIN, "--from", "6", "--write", "--jobs", "2", "."], { cwd: dir, stdio: "ignore" });
    // Kill it as soon as the first files have been written.
    const started = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 5));
      const written = files.slice(0, 200).some((f) => fs.readFileSync(path.join(dir, f.name), "utf8") !== f.before);
      if (written || Date.now() - started > 20_000) break;
    }
    await new Promise((r) => setTimeout(r, 150));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    let migrated = 0;
    for (const f of files) {
      const now = fs.readFileSync(path.join(dir, f.name), "utf8");
      const template = templates.find((t) => f.before.startsWith(t))!;
      const done = f.before.replace(template, expected.get(template)!);
      expect(now === f.before || now === done, f.name).toBe(true);
      if (now === done) migrated++;
    }
    expect(migrated).toBeGreaterThan(0);
    expect(migrated).toBeLessThan(files.length);
    const rerun = cli(["--from", "6", "--write", "--jobs", "2", "."], dir);
    expect(rerun.code).toBe(1);
    for (const f of files) {
      const template = templates.find((t) => f.before.startsWith(t))!;
      expect(fs.readFileSync(path.join(dir, f.name), "utf8")).toBe(f.before.replace(template, expected.get(template)!));
    }
    console.log(`SIGKILL after ${migrated} of ${files.length} files were written; the rerun completed the rest`);
  }, 120_000);
});
