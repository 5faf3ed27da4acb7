// Step 9 (mitmproxy 8 → 9): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import ctxLog from "./ctx-log.js";
import addLogHandler from "./add-log-handler.js";
import modeOption from "./mode-option.js";
import options9 from "./options-9.js";
import serverSpec from "./server-spec.js";
import removedApis from "./removed-apis.js";

const transforms: Transform[] = [ctxLog, addLogHandler, modeOption, options9, serverSpec, removedApis];

export default transforms;
