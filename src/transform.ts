// The contract between the engine and the knowledge in transforms/.
import type { AddonKnowledge } from "./addons.js";
import type { SourceFile } from "./source.js";

export type Safety = "safe" | "unsafe";

export interface Transform {
  /** Stable id "<step>/<name>", used by --only/--skip, findings and docs. */
  id: string;
  /** The catalogue rows (MIGRATIONS.md ids) this transform implements. */
  catalog: readonly string[];
  /** One line: old form → new form. */
  title: string;
  /** "unsafe" transforms run only with --unsafe-fixes (their edits are otherwise held back). */
  safety: Safety;
  /** What it does and why, for --explain and docs/transforms.md. */
  description: string;
  /**
   * Words (or patterns) of which a file must contain at least one for this transform to
   * change or report anything (checked on the raw text before parsing). A superset: when
   * unsure, include more. Omit only if the transform can match any addon file.
   */
  needs?: readonly (string | RegExp)[];
  run(file: SourceFile): void;
}

export function defineTransform(t: Transform): Transform {
  if (!/^v[0-9.]+\/[a-z0-9-]+$/.test(t.id)) throw new Error(`bad transform id ${t.id}`);
  return t;
}

export interface Step {
  /** The label users know the step by: "7", "9.1", "12". */
  label: string;
  /** The first release with the breaks this step migrates, e.g. "10.0.0" for "9.1". */
  release: string;
  transforms: readonly Transform[];
}

export interface Registry {
  /** Every release a user may name with --from/--to, oldest first (e.g. "6.0.2"). */
  releases: readonly string[];
  /** Release labels that name a step rather than a major version ("9.1" → "10.0.0"). */
  aliases: Readonly<Record<string, string>>;
  steps: readonly Step[];
  knowledge: AddonKnowledge;
  /** For --from auto: API uses that show which versions code was written for. */
  detection?: readonly ApiMarker[];
}

export interface ApiMarker {
  pattern: RegExp;
  /** What the marker is, for the "detected because" message. */
  what: string;
  /** Code using it needs at least this release… */
  atLeast?: string;
  /** …or was written for at most this release. */
  atMost?: string;
}
