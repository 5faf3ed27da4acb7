// One candidate file: read it, process it, and in --write mode replace it atomically.
// Runs in the main thread or in a worker; never throws (nor rejects).
import fs from "node:fs";
import type { Candidate } from "./files.js";
import { errorResult, isScreened, processScreened, screenSource, type FileResult, type ProcessOptions, type Screened } from "./process.js";
import type { Mode } from "./options.js";
import { writeAtomic } from "./write.js";

/** A file's result, or in --write mode the promise of it once the file is written (or could not be). */
export type Handled = FileResult | Promise<FileResult>;

export function handleFile(c: Candidate, opts: ProcessOptions, mode: Mode): Handled {
  const screened = screenFile(c, opts);
  return isScreened(screened) ? finishFile(c, screened, opts, mode) : screened;
}

/** Reads and screens a file (see screenSource): a final result, or the file to finish. */
export function screenFile(c: Candidate, opts: ProcessOptions): FileResult | Screened {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(c.real);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === "EACCES" ? "permission denied" : err.code === "EISDIR" ? "is a directory" : err.code === "ENOENT" ? "no such file" : err.message;
    return errorResult(c.display, { reason: `cannot read: ${reason}` });
  }
  return guarded(c, () => screenSource(c.display, bytes, opts));
}

/** Parses and migrates a screened file, and writes it in --write mode. */
export function finishFile(c: Candidate, screened: Screened, opts: ProcessOptions, mode: Mode): Handled {
  const r = guarded(c, () => processScreened(screened, opts));
  if (mode !== "write" || r.status !== "changed" || !r.output) return r;
  return writeAtomic(c.real, r.output).then(
    () => r,
    (e: Error) => errorResult(c.display, { reason: `cannot write: ${e.message}` }),
  );
}

function guarded<T>(c: Candidate, work: () => T): T | FileResult {
  try {
    return work();
  } catch (e) {
    return errorResult(c.display, { reason: `internal error: ${(e as Error).message}`, internal: true });
  }
}
