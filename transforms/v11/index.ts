// Step 11 (mitmproxy 10 → 11): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import filterCase from "./filter-case.js";
import quicVersion from "./quic-version.js";
import releaseNotes from "./release-notes.js";

const transforms: Transform[] = [filterCase, quicVersion, releaseNotes];

export default transforms;
