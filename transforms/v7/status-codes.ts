// M7-12: status_codes.REQUEST_ENTITY_TOO_LARGE was renamed PAYLOAD_TOO_LARGE (413) in mitmproxy 7.
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";

const MOVES: Move[] = [
  { from: "mitmproxy.net.http.status_codes.REQUEST_ENTITY_TOO_LARGE", to: "mitmproxy.net.http.status_codes.PAYLOAD_TOO_LARGE" },
];

export default defineTransform({
  id: "v7/status-codes",
  catalog: ["M7-12"],
  title: "status_codes.REQUEST_ENTITY_TOO_LARGE → status_codes.PAYLOAD_TOO_LARGE",
  safety: "safe",
  description:
    "mitmproxy 7 renamed mitmproxy.net.http.status_codes.REQUEST_ENTITY_TOO_LARGE to PAYLOAD_TOO_LARGE (still 413, " +
    "the RFC 7231 name). Uses through any import form are renamed.",
  needs: ["REQUEST_ENTITY_TOO_LARGE"],
  run(file) {
    const { wildcards } = applyMoves(file, MOVES);
    for (const stmt of wildcards) {
      file.report(stmt, "M7-12", "a star import from status_codes, whose REQUEST_ENTITY_TOO_LARGE was renamed PAYLOAD_TOO_LARGE in mitmproxy 7; use status_codes.PAYLOAD_TOO_LARGE");
    }
  },
});
