// Which files a run looks at: explicit files always; directories walked for *.py, honouring
// .gitignore files (from the repository root down), default excludes and --exclude globs.
// Symlinks are followed only to targets inside the given tree; loops and dangling links
// are per-file errors, never crashes.
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

export const DEFAULT_EXCLUDES = [
  ".git",
  ".hg",
  ".svn",
  "venv",
  ".venv",
  "env",
  ".env",
  ".tox",
  ".nox",
  "node_modules",
  "__pycache__",
  "site-packages",
  "build",
  "dist",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
];

export interface Candidate {
  /** The path as the user should see it (relative to cwd when inside it). */
  display: string;
  /** Absolute path to read and write (a symlink's target inside the tree). */
  real: string;
  explicit: boolean;
}

export interface DiscoveryError {
  display: string;
  reason: string;
}

export interface Discovery {
  files: Candidate[];
  errors: DiscoveryError[];
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
}

function findRepoRoot(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return null;
  }
}

interface IgnoreLayer {
  base: string;
  ig: Ignore;
}

function readGitignore(dir: string): Ignore | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ".gitignore"), "utf8");
  } catch {
    return null;
  }
  return ignore().add(text);
}

function ignoredBy(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const { base, ig } of layers) {
    const rel = path.relative(base, abs).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (ig.ignores(isDir ? rel + "/" : rel)) return true;
  }
  return false;
}

export function discover(inputs: string[], excludes: string[], cwd = process.cwd()): Discovery {
  const files: Candidate[] = [];
  const errors: DiscoveryError[] = [];
  const seen = new Set<string>();
  const userExcludes = ignore().add(excludes);
  const defaults = new Set(DEFAULT_EXCLUDES);

  const walkRoots = inputs.map((i) => {
    try {
      return fs.realpathSync(path.resolve(cwd, i));
    } catch {
      return path.resolve(cwd, i);
    }
  });
  const add = (c: Candidate) => {
    if (seen.has(c.real)) return;
    seen.add(c.real);
    files.push(c);
  };

  const excludedByUser = (abs: string, isDir: boolean) => {
    const rel = path.relative(cwd, abs).split(path.sep).join("/");
    if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) {
      return userExcludes.ignores(path.basename(abs) + (isDir ? "/" : ""));
    }
    return userExcludes.ignores(isDir ? rel + "/" : rel);
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const display = displayPath(abs, cwd);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      errors.push({ display, reason: statReason(abs, e as NodeJS.ErrnoException) });
      continue;
    }
    if (!st.isDirectory()) {
      if (!st.isFile()) {
        errors.push({ display, reason: "not a regular file" });
        continue;
      }
      add({ display, real: fs.realpathSync(abs), explicit: true });
      continue;
    }
    const root = fs.realpathSync(abs);
    const repo = findRepoRoot(root);
    const layers: IgnoreLayer[] = [];
    if (repo) {
      // .gitignore files between the repository root and the walked directory apply too.
      const chain: string[] = [];
      for (let d = root; ; d = path.dirname(d)) {
        chain.unshift(d);
        if (d === repo || path.dirname(d) === d) break;
      }
      for (const d of chain.slice(0, -1)) {
        const ig = readGitignore(d);
        // A directory named on the command line is walked even if a .gitignore above it
        // ignores it (as explicit files are always processed): such a layer is not applied.
        if (ig && !ignoredBy([{ base: d, ig }], root, true)) layers.push({ base: d, ig });
      }
    }
    walk(root, abs, layers);
  }

  function walk(realDir: string, shownDir: string, layers: IgnoreLayer[]): void {
    const own = readGitignore(realDir);
    const here = own ? [...layers, { base: realDir, ig: own }] : layers;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(realDir, { withFileTypes: true });
    } catch (e) {
      errors.push({ display: displayPath(shownDir, cwd), reason: `cannot read directory: ${(e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const real = path.join(realDir, ent.name);
      const shown = path.join(shownDir, ent.name);
      const display = displayPath(shown, cwd);
      let isDir = ent.isDirectory();
      let target = real;
      if (ent.isSymbolicLink()) {
        if (!ent.name.endsWith(".py")) continue; // symlinked directories are not walked
        try {
          target = fs.realpathSync(real);
        } catch (e) {
          errors.push({ display, reason: statReason(real, e as NodeJS.ErrnoException) });
          continue;
        }
        if (!isInside(target, rootOf(realDir))) {
          errors.push({ display, reason: "symlink points outside the tree; not followed" });
          continue;
        }
        const st = fs.statSync(target);
        isDir = st.isDirectory();
        if (!st.isFile() && !isDir) {
          errors.push({ display, reason: "not a regular file" });
          continue;
        }
      }
      if (isDir) {
        if (defaults.has(ent.name) || ignoredBy(here, real, true) || excludedByUser(shown, true)) continue;
        if (ent.name.endsWith(".py")) {
          errors.push({ display, reason: "is a directory, not a Python file" });
          continue;
        }
        walk(real, shown, here);
        continue;
      }
      if (!ent.name.endsWith(".py")) continue;
      if (ignoredBy(here, real, false) || excludedByUser(shown, false)) continue;
      if (!ent.isFile() && !ent.isSymbolicLink()) {
        errors.push({ display, reason: ent.isFIFO() ? "is a FIFO, not a regular file" : "not a regular file" });
        continue;
      }
      add({ display, real: target, explicit: false });
    }
  }

  function rootOf(dir: string): string {
    let best = dir;
    for (const r of walkRoots) if (isInside(dir, r) && r.length <= best.length) best = r;
    return best;
  }

  return { files, errors };
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function statReason(p: string, e: NodeJS.ErrnoException): string {
  if (e.code === "ENOENT") {
    try {
      fs.lstatSync(p);
      return "dangling symlink";
    } catch {
      return "no such file or directory";
    }
  }
  if (e.code === "ELOOP") return "symlink loop";
  if (e.code === "EACCES") return "permission denied";
  return e.message;
}
