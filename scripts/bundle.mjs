// Bundles the compiled CLI into dist/bundle/ so that it starts fast: Node loads a few files
// instead of a hundred modules (module loading was most of a one-file run's 300 ms).
// tree-sitter and tree-sitter-python stay external (native modules).
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.rmSync(path.join(root, "dist/bundle"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: "dist/src/cli.js", worker: "dist/src/worker.js" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true, // --version and --help do not load the transforms
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["tree-sitter", "tree-sitter-python"],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});
