// Release labels and the plan. A version is a major label ("6", "12"), a step alias such as
// "9.1" (an alias of the release that shipped it), or a full release ("6.0.2", "10.4.2").
// A step runs when from < step.release ≤ to.
import type { Registry, Step } from "./transform.js";

export type VersionKey = [number, number, number];

export interface Version {
  label: string;
  key: VersionKey;
}

export class UsageError extends Error {}

function keyOf(release: string): VersionKey {
  const [a, b = 0, c = 0] = release.split(".").map(Number);
  return [a, b, c];
}

export function compareKeys(a: VersionKey, b: VersionKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Labels a user may type, in order: majors, step aliases, full releases. */
export function validVersions(reg: Registry): string[] {
  const majors = [...new Set(reg.releases.map((r) => r.split(".")[0]))];
  const isAlias = (l: string) => (l in reg.aliases ? 0 : 1);
  const labels = [...majors, ...Object.keys(reg.aliases)].sort(
    (a, b) => compareKeys(keyOf(resolveLabel(reg, a)), keyOf(resolveLabel(reg, b))) || isAlias(a) - isAlias(b),
  );
  return [...labels, ...reg.releases];
}

function resolveLabel(reg: Registry, label: string): string {
  return reg.aliases[label] ?? label;
}

export function parseVersion(reg: Registry, text: string): Version | null {
  const t = text.trim().replace(/^v/, "");
  if (reg.aliases[t]) return { label: t, key: keyOf(reg.aliases[t]) };
  if (/^\d+$/.test(t)) {
    // A major names its first release: "--from 8" means code written for 8.x, so step 8
    // (whose breaks shipped in 8.0.0 and 8.1.0) is not planned; "--to 8" includes it.
    if (!reg.releases.some((r) => r.split(".")[0] === t)) return null;
    return { label: t, key: [Number(t), 0, 0] };
  }
  if (reg.releases.includes(t)) return { label: t, key: keyOf(t) };
  return null;
}

export function newest(reg: Registry): Version {
  const r = reg.releases[reg.releases.length - 1];
  return { label: r.split(".")[0], key: keyOf(r) };
}

export function plan(reg: Registry, from: Version, to: Version): Step[] {
  return reg.steps.filter((s) => {
    const k = keyOf(s.release);
    return compareKeys(from.key, k) < 0 && compareKeys(k, to.key) <= 0;
  });
}

/** Parses --from/--to; throws UsageError with the list of valid values. */
export function parseRange(reg: Registry, fromText: string, toText?: string): { from: Version; to: Version } {
  const valid = () => `valid versions: ${validVersions(reg).join(", ")}`;
  const from = parseVersion(reg, fromText);
  if (!from) throw new UsageError(`unknown version --from ${fromText}; ${valid()}`);
  const to = toText === undefined ? newest(reg) : parseVersion(reg, toText);
  if (!to) throw new UsageError(`unknown version --to ${toText}; ${valid()}`);
  if (compareKeys(from.key, to.key) >= 0) {
    throw new UsageError(`--from ${fromText} is not older than --to ${toText ?? to.label}: nothing to migrate; ${valid()}`);
  }
  return { from, to };
}
