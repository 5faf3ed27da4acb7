// pre-commit, for real (Debian's pre-commit; .ci/run installs it): a repository whose
// .pre-commit-config.yaml points at a clone of this repository at HEAD. Committing an old
// addon fails and rewrites the file; committing again passes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mitm-codemod-precommit-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

it("pre-commit: the hook rewrites an old addon and fails the commit; the next commit passes", () => {
  expect(run("pre-commit", ["--version"], tmp).code, "pre-commit is not installed (apt-get install -y pre-commit)").toBe(0);
  const head = run("git", ["rev-parse", "HEAD"], ROOT).out.trim();
  const hookRepo = path.join(tmp, "hook-repo");
  expect(run("git", ["clone", "--quiet", ROOT, hookRepo], tmp).code).toBe(0);

  const repo = path.join(tmp, "project");
  fs.mkdirSync(repo);
  const git = (...args: string[]) => run("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], repo, env);
  const env = { PRE_COMMIT_HOME: path.join(tmp, "cache"), CI: "" };
  expect(git("init", "--quiet").code).toBe(0);
  fs.writeFileSync(
    path.join(repo, ".pre-commit-config.yaml"),
    ["repos:", `  - repo: ${hookRepo}`, `    rev: ${head}`, "    hooks:", "      - id: mitm-codemod", '        args: [--from, "6", --write]', ""].join("\n"),
  );
  const addon = fs.readFileSync(path.join(ROOT, "examples/v6-addons/block_ads.py"), "utf8");
  fs.writeFileSync(path.join(repo, "block_ads.py"), addon);
  expect(run("pre-commit", ["install"], repo, env).code).toBe(0);

  expect(git("add", ".").code).toBe(0);
  const first = git("commit", "-m", "add an old addon");
  expect(first.code, first.out).not.toBe(0);
  expect(first.out).toContain("files were modified by this hook");
  const rewritten = fs.readFileSync(path.join(repo, "block_ads.py"), "utf8");
  expect(rewritten).not.toBe(addon);
  expect(rewritten).toContain("http.Response.make(");
  expect(rewritten).toContain("logging.info(");
  expect(git("log", "--oneline").out).not.toContain("add an old addon");

  expect(git("add", ".").code).toBe(0);
  const second = git("commit", "-m", "add the migrated addon");
  expect(second.code, second.out).toBe(0);
  expect(second.out).toMatch(/mitm-codemod\.+Passed/);
}, 600_000);
