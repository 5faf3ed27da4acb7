// The command line: flags → a run; exit codes 0 (nothing to do), 1 (changes made or
// needed, or findings left), 2 (usage error, unreadable or unparsable input, internal error).
// Heavy modules (tree-sitter, the transforms) load only when a run needs them, so that
// --version and --help start fast.
import { createRequire } from "node:module";
import yargs from "yargs";
import type { Registry, Transform } from "./transform.js";
import { UsageError } from "./versions.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { version: string };

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function main(argv: string[], io: Streams = process): Promise<number> {
  try {
    return await mainInner(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`mitm-codemod: ${e.message}\nTry 'mitm-codemod --help'.\n`);
      return 2;
    }
    throw e;
  }
}

async function mainInner(argv: string[], io: Streams): Promise<number> {
  let helpOrVersion = false;
  const parser = yargs(argv)
    .scriptName("mitm-codemod")
    .usage(
      "Usage: mitm-codemod --from VERSION [--to VERSION] [--write | --check] PATH...\n\n" +
        "Migrates mitmproxy addon scripts across mitmproxy's breaking API changes.\n" +
        "By default prints a unified diff and writes nothing.",
    )
    .option("from", { type: "string", describe: "mitmproxy version the addons were written for (6, 7, 8, 9, 9.1, 10, 11, 12 or e.g. 6.0.2)" })
    .option("to", { type: "string", describe: "mitmproxy version to migrate to (default: the newest)" })
    .option("write", { alias: "w", type: "boolean", describe: "rewrite the files in place (atomically)" })
    .option("check", { type: "boolean", describe: "write nothing; exit 1 if anything would change or needs manual work" })
    .option("list", { type: "boolean", default: false, describe: "list the planned steps and transforms, then exit" })
    .option("only", { type: "string", requiresArg: true, describe: "run only this transform id (repeatable)" })
    .option("skip", { type: "string", requiresArg: true, describe: "skip this transform id (repeatable)" })
    .option("unsafe-fixes", { type: "boolean", default: false, describe: "also apply fixes marked unsafe" })
    .option("exclude", { type: "string", requiresArg: true, describe: "skip paths matching this glob (repeatable, .gitignore syntax)" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print only findings and errors" })
    .conflicts("write", "check")
    .example("mitm-codemod --from 6 ./addons", "review the changes as a unified diff")
    .example("mitm-codemod --from 6 --to 12 --write ./addons", "rewrite the files in place")
    .example("mitm-codemod --from 8 --check addon.py", "CI / pre-commit: exit 1 if anything is left to do")
    .example("mitm-codemod --list --from 6 --to 7", "show what a migration would run")
    .epilogue("Exit codes: 0 nothing to do · 1 changes made or needed, or findings left · 2 usage error, bad input or internal error.")
    .version(pkg.version)
    .help()
    .alias("help", "h")
    .strictOptions()
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw new UsageError(err?.message ?? msg);
    });
  parser.showHelpOnFail(false);
  const args = await parser.parseAsync(argv, {}, (err, _argv, output) => {
    if (output && !err) {
      helpOrVersion = true;
      io.stdout.write(output + "\n");
    }
  });
  if (helpOrVersion) return 0;

  const { registry } = await import("../transforms/index.js");
  const versions = await import("./versions.js");
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const onlyIds = list(args.only);
  const skipIds = list(args.skip);
  const all = registry.steps.flatMap((s) => s.transforms);
  const known = new Set(all.map((t) => t.id));
  for (const id of [...onlyIds, ...skipIds]) {
    if (!known.has(id)) throw new UsageError(`unknown transform id '${id}'; see --list for the ids`);
  }

  let steps = registry.steps;
  if (args.from !== undefined) {
    const { from, to } = versions.parseRange(registry, args.from, args.to);
    steps = versions.plan(registry, from, to);
  } else if (!args.list) {
    throw new UsageError(`--from is required; ${"valid versions: " + versions.validVersions(registry).join(", ")}`);
  }
  const only = new Set(onlyIds);
  const skip = new Set(skipIds);
  const selected = (t: Transform) => (only.size === 0 || only.has(t.id)) && !skip.has(t.id);

  if (args.list) {
    io.stdout.write(listPlan(registry, steps, selected));
    return 0;
  }

  const paths = (args._ as (string | number)[]).map(String);
  if (paths.length === 0) throw new UsageError("no PATH given (a file or directory to migrate)");
  const { run } = await import("./runner.js");
  const { code } = await run({
    paths,
    excludes: list(args.exclude),
    mode: args.write ? "write" : args.check ? "check" : "diff",
    registry,
    steps,
    selected,
    unsafeFixes: args["unsafe-fixes"],
    quiet: args.quiet,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  return code;
}

export function listPlan(registry: Registry, steps: Registry["steps"], selected: (t: Transform) => boolean): string {
  const lines: string[] = [];
  for (const step of steps) {
    const ts = step.transforms.filter(selected);
    if (ts.length === 0) continue;
    lines.push(`step ${step.label} (breaks shipped in mitmproxy ${step.release})`);
    const w = Math.max(...ts.map((t) => t.id.length));
    for (const t of ts) {
      lines.push(`  ${t.id.padEnd(w)}  ${t.safety.padEnd(6)}  ${t.catalog.join(" ")}`);
      lines.push(`  ${"".padEnd(w)}  ${t.title}`);
    }
  }
  if (lines.length === 0) lines.push("nothing planned");
  void registry;
  return lines.join("\n") + "\n";
}
