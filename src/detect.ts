// --from auto: the version the code was written for, from a pin near it (requirements*.txt,
// pyproject.toml, setup.cfg, Pipfile) or else from the APIs it uses. Running a step on code
// that is already past it changes nothing (transforms match only old forms), so when the
// evidence allows several versions the oldest one is chosen.
import fs from "node:fs";
import path from "node:path";
import type { Registry } from "./transform.js";
import { compareKeys, type VersionKey } from "./versions.js";

export interface Detection {
  version: string;
  reason: string;
}

const PIN_FILES = /^(requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|Pipfile)$/;

function key(v: string): VersionKey {
  const [a, b = 0, c = 0] = v.split(".").map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
}

interface Constraint {
  op: string;
  version: string;
}

/** `mitmproxy==6.0.2`, `mitmproxy>=5,<7`, `mitmproxy = "^6.0"`, `"mitmproxy~=6.0"`… */
export function findPins(text: string, package_: string): { line: number; spec: string; constraints: Constraint[] }[] {
  const out: { line: number; spec: string; constraints: Constraint[] }[] = [];
  const lines = text.split(/\r?\n/);
  const re = new RegExp(`(?:^|[\\s"'\\[,])${package_}(?:\\[[^\\]]*\\])?\\s*(?:=\\s*["'])?\\s*((?:(?:===|==|~=|>=|<=|!=|>|<|\\^|~)\\s*[0-9][0-9.*]*\\s*,?\\s*)+)`, "i");
  lines.forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    const m = re.exec(line);
    if (!m) return;
    const constraints: Constraint[] = [];
    for (const c of m[1].matchAll(/(===|==|~=|>=|<=|!=|>|<|\^|~)\s*([0-9][0-9.*]*)/g)) constraints.push({ op: c[1], version: c[2] });
    if (constraints.length) out.push({ line: i + 1, spec: m[0].trim().replace(/^["'[,]/, ""), constraints });
  });
  return out;
}

/** The newest release that satisfies the constraints; a lone lower bound names its own release. */
export function versionFor(releases: readonly string[], constraints: Constraint[]): string | null {
  const ok = (r: string) =>
    constraints.every(({ op, version }) => {
      const v = version.replace(/\.\*$/, "");
      const cmp = compareKeys(key(r), key(v));
      const parts = v.split(".").length;
      switch (op) {
        case "==":
        case "===":
          return version.endsWith(".*") || parts < 3 ? r.startsWith(v + ".") || r === v : cmp === 0;
        case "!=":
          return cmp !== 0;
        case ">=":
          return cmp >= 0;
        case ">":
          return cmp > 0;
        case "<=":
          return cmp <= 0;
        case "<":
          return cmp < 0;
        case "~=": {
          // ~=6.0 means >=6.0, ==6.*; ~=6.0.1 means >=6.0.1, ==6.0.*
          const prefix = v.split(".").slice(0, Math.max(1, parts - 1)).join(".");
          return cmp >= 0 && (r === prefix || r.startsWith(prefix + "."));
        }
        case "^": // poetry: same major
          return cmp >= 0 && key(r)[0] === key(v)[0];
        case "~": // poetry: same major.minor
          return cmp >= 0 && key(r)[0] === key(v)[0] && key(r)[1] === key(v)[1];
      }
      return false;
    });
  const lowerOnly = constraints.every((c) => c.op === ">=" || c.op === ">");
  if (lowerOnly) {
    const first = releases.find(ok);
    return first ?? null;
  }
  const matching = releases.filter(ok);
  return matching.length ? matching[matching.length - 1] : null;
}

function pinNear(registry: Registry, startDirs: string[], cwd: string): Detection | null {
  const seen = new Set<string>();
  for (const start of startDirs) {
    for (let d = start; ; d = path.dirname(d)) {
      if (!seen.has(d)) {
        seen.add(d);
        let names: string[] = [];
        try {
          names = fs.readdirSync(d).filter((n) => PIN_FILES.test(n)).sort();
        } catch {
          /* unreadable directory: look further up */
        }
        for (const name of names) {
          const file = path.join(d, name);
          let text: string;
          try {
            text = fs.readFileSync(file, "utf8");
          } catch {
            continue;
          }
          for (const pin of findPins(text, "mitmproxy")) {
            const v = versionFor(registry.releases, pin.constraints);
            if (v) {
              const shown = path.relative(cwd, file) || file;
              return { version: v, reason: `${shown}:${pin.line} pins ${pin.spec}` };
            }
          }
        }
      }
      if (fs.existsSync(path.join(d, ".git")) || path.dirname(d) === d) break;
    }
  }
  return null;
}

function fromApis(registry: Registry, files: string[]): Detection | null {
  const markers = registry.detection ?? [];
  let atLeast: { version: string; what: string } | null = null;
  let atMost: { version: string; what: string } | null = null;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    if (!text.includes("mitmproxy") && !text.includes("addons")) continue;
    for (const m of markers) {
      if (!m.pattern.test(text)) continue;
      const what = `${path.basename(file)} uses ${m.what}`;
      if (m.atLeast && (!atLeast || compareKeys(key(m.atLeast), key(atLeast.version)) > 0)) atLeast = { version: m.atLeast, what };
      if (m.atMost && (!atMost || compareKeys(key(m.atMost), key(atMost.version)) < 0)) atMost = { version: m.atMost, what };
    }
  }
  if (atLeast) return { version: atLeast.version, reason: `${atLeast.what} (mitmproxy ≥ ${atLeast.version})` };
  if (atMost) return { version: registry.releases[0].split(".")[0], reason: `${atMost.what} (mitmproxy ≤ ${atMost.version}); starting from the oldest release` };
  return null;
}

export function detectFrom(registry: Registry, inputs: string[], files: string[], cwd: string): Detection | null {
  const dirs = inputs.map((p) => {
    const abs = path.resolve(cwd, p);
    try {
      return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    } catch {
      return path.dirname(abs);
    }
  });
  return pinNear(registry, dirs, cwd) ?? fromApis(registry, files);
}
