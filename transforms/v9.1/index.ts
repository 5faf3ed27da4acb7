// Step 9.1 (mitmproxy 9 → 10: the keyword-only change the changelog calls "9.1", shipped in
// 10.0.0, and the other breaks of 10.x): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import connectionKwonly from "./connection-kwonly.js";
import dumpMaster from "./dump-master.js";
import multipart from "./multipart.js";
import replayReuse from "./replay-reuse.js";
import options10 from "./options-10.js";
import removed10 from "./removed-10.js";
import certSans from "./cert-sans.js";
import requestPort from "./request-port.js";
import eagerTasks from "./eager-tasks.js";
import python310 from "./python-310.js";

const transforms: Transform[] = [
  connectionKwonly,
  dumpMaster,
  multipart,
  replayReuse,
  options10,
  removed10,
  certSans,
  requestPort,
  eagerTasks,
  python310,
];

export default transforms;
