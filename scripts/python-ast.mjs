// CPython's own parser over files: the check that tool output and generated code are real
// Python (used by the tests and by the benchmark's corpus generator).
import { spawnSync } from "node:child_process";

const SCRIPT = [
  "import ast, sys",
  "for p in sys.stdin.read().splitlines():",
  "    try:",
  "        ast.parse(open(p, 'rb').read(), p)",
  "    except SyntaxError as e:",
  "        print('%s:%s: %s' % (p, e.lineno, e.msg))",
].join("\n");

/** `path:line: message` for each file python3's ast module cannot parse (empty when all parse). */
export function pythonSyntaxErrors(files) {
  const r = spawnSync("python3", ["-c", SCRIPT], { input: files.join("\n"), encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr || r.error}`);
  return r.stdout.split("\n").filter((l) => l !== "");
}
