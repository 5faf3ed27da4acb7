// What a run does, in a form that can be sent to worker threads.
import type { ProcessOptions } from "./process.js";
import type { Registry, Transform } from "./transform.js";

export type Mode = "diff" | "write" | "check";

export interface RunConfig {
  /** Labels of the planned steps, in order. */
  stepLabels: string[];
  only: string[];
  skip: string[];
  unsafeFixes: boolean;
  mode: Mode;
  /** Insert `# mitm-codemod: ID message` above each place that needs manual work. */
  annotate: boolean;
}

export function selector(cfg: Pick<RunConfig, "only" | "skip">): (t: Transform) => boolean {
  const only = new Set(cfg.only);
  const skip = new Set(cfg.skip);
  return (t) => (only.size === 0 || only.has(t.id)) && !skip.has(t.id);
}

export function processOptions(registry: Registry, cfg: RunConfig): ProcessOptions {
  const steps = cfg.stepLabels.map((label) => {
    const s = registry.steps.find((x) => x.label === label);
    if (!s) throw new Error(`unknown step ${label}`);
    return s;
  });
  return {
    registry,
    steps,
    selected: selector(cfg),
    unsafeFixes: cfg.unsafeFixes,
    wantDiff: cfg.mode === "diff",
    annotate: cfg.annotate,
  };
}
