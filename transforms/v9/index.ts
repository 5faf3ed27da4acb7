// Step 9 (mitmproxy 8 → 9): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import ctxLog from "./ctx-log.js";

const transforms: Transform[] = [ctxLog];

export default transforms;
