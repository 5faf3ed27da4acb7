// Step 7 (mitmproxy 6 → 7): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import httpClasses from "./http-classes.js";

const transforms: Transform[] = [httpClasses];

export default transforms;
