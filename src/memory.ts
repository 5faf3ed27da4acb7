// node-tree-sitter frees a tree's native memory only when its JavaScript wrapper is garbage
// collected, and V8 does not know how large the native tree is: over thousands of files a run
// grows by hundreds of megabytes between (rare) full collections. A full collection every few
// dozen files costs a few milliseconds and keeps memory flat.
import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

const EVERY = 48;
let sinceLast = 0;

/** Call once per file processed; collects garbage every EVERY files. */
export function afterFile(): void {
  if (++sinceLast < EVERY) return;
  sinceLast = 0;
  collector()?.();
}
