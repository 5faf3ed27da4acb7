// One candidate file: read it, process it, and in --write mode replace it atomically.
// Runs in the main thread or in a worker; never throws.
import fs from "node:fs";
import type { Candidate } from "./files.js";
import { errorResult, processSource, type FileResult, type ProcessOptions } from "./process.js";
import type { Mode } from "./options.js";
import { writeAtomic } from "./write.js";

export function handleFile(c: Candidate, opts: ProcessOptions, mode: Mode): FileResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(c.real);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === "EACCES" ? "permission denied" : err.code === "EISDIR" ? "is a directory" : err.code === "ENOENT" ? "no such file" : err.message;
    return errorResult(c.display, { reason: `cannot read: ${reason}` });
  }
  let r: FileResult;
  try {
    r = processSource(c.display, bytes, opts);
  } catch (e) {
    return errorResult(c.display, { reason: `internal error: ${(e as Error).message}`, internal: true });
  }
  if (mode === "write" && r.status === "changed" && r.output) {
    try {
      writeAtomic(c.real, r.output);
    } catch (e) {
      return errorResult(c.display, { reason: `cannot write: ${(e as Error).message}` });
    }
  }
  return r;
}
