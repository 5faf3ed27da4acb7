// Step 8 (mitmproxy 7 → 8, including 8.1): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import flowReply from "./flow-reply.js";
import hookDispatch from "./hook-dispatch.js";
import tlsData from "./tls-data.js";
import websocketDropped from "./websocket-dropped.js";
import flowfilterParse from "./flowfilter-parse.js";
import certDates from "./cert-dates.js";
import masterLoop from "./master-loop.js";
import sizeTable from "./size-table.js";
import commandSequence from "./command-sequence.js";
import flowConstructor from "./flow-constructor.js";
import flowWriter from "./flow-writer.js";
import releaseNotes from "./release-notes.js";

const transforms: Transform[] = [
  flowReply,
  hookDispatch,
  tlsData,
  websocketDropped,
  flowfilterParse,
  certDates,
  masterLoop,
  sizeTable,
  commandSequence,
  flowConstructor,
  flowWriter,
  releaseNotes,
];

export default transforms;
