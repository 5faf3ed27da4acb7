// Step 8: its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";

const transforms: Transform[] = [];

export default transforms;
