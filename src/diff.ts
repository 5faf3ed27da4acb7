// Git-style unified diffs (`diff --git`, `--- a/`, `+++ b/`) that `git apply` accepts.
import { structuredPatch } from "diff";

export function unifiedDiff(display: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${display}`, `b/${display}`, before, after, "", "", { context: 3 });
  const out: string[] = [`diff --git a/${display} b/${display}`, `--- a/${display}`, `+++ b/${display}`];
  for (const h of patch.hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    for (const line of h.lines) out.push(line);
  }
  return out.join("\n") + "\n";
}

function range(start: number, lines: number): string {
  if (lines === 0) return `${start},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}
