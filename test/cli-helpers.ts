// Running the built binary on temporary trees, for the end-to-end tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export const ROOT = path.resolve(__dirname, "..");
export const BIN = path.join(ROOT, "bin/mitm-codemod.js");

const tmpRoots: string[] = [];
afterAll(() => tmpRoots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A fresh temporary directory, removed after the test file. */
export function tmpdir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "mitm-codemod-test-"));
  tmpRoots.push(d);
  return d;
}

/** Runs the CLI; colours are off unless `env` turns them on. */
export function cli(args: string[], cwd: string, opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...opts.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", input: opts.input, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files (creating folders); returns `dir`. */
export function write(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), "utf8");
}
