// Standard-library names that a newer Python removed: mitmproxy releases that raise the minimum
// Python version break addons that use them (P8-01, N10-05, E11-01).
import type { SourceFile } from "../../src/source.js";
import { reportRemoved, type Removals } from "./removed-names.js";

export type { Removals } from "./removed-names.js";

/** Reports every use of a removed stdlib module, member or method; `why` starts the message. */
export function reportRemovedStdlib(file: SourceFile, id: string, python: string, why: string, r: Removals): void {
  reportRemoved(file, id, r, (what, instead) => `${why} Python ${python} removed ${what}; ${instead}.`);
}
