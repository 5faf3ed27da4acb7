// The *.py files under a folder, as the tool walks it: sorted, skipping the folders the tool
// never enters (src/files.ts DEFAULT_EXCLUDES). The corpus has no .gitignore of its own and is a
// repository root, so nothing else is left out.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_EXCLUDES } from "../dist/src/files.js";

export function pythonFiles(root) {
  const skip = new Set(DEFAULT_EXCLUDES);
  const out = [];
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(p);
      } else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
    }
  };
  walk(path.resolve(root));
  return out;
}

/** Peak RSS and CPU of this process (for the in-process scripts; the harness also measures from outside). */
export function usage() {
  const u = process.resourceUsage();
  return { maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 };
}
