// C8-01, P8-01, O8-01: additions and runtime requirements of mitmproxy 8.x that break an addon
// only in specific code: an addon option whose name mitmproxy now uses itself (O8-01), and
// standard-library names that Python 3.9 (required by 8.1) removed (P8-01). C8-01 (a new
// keyword-only transport_protocol argument of Client/Server) breaks nothing and is never reported.
import { defineTransform } from "../../src/transform.js";
import { reportOptionCollisions } from "../shared/options.js";
import { reportRemovedStdlib } from "../shared/python-removals.js";

const NEW_OPTIONS: Record<string, string> = {
  client_replay_concurrency: "8.0.0",
  validate_inbound_headers: "8.0.0",
  normalize_outbound_headers: "8.0.0",
  http2_ping_keepalive: "8.1.0",
  dns_server: "8.1.0",
  dns_listen_host: "8.1.0",
  dns_listen_port: "8.1.0",
  dns_mode: "8.1.0",
  connect_addr: "8.1.1",
};

export default defineTransform({
  id: "v8/release-notes",
  catalog: ["C8-01", "P8-01", "O8-01"],
  title: "report addon options named like new 8.x options, and stdlib names removed in Python 3.9",
  safety: "safe",
  description:
    "mitmproxy 8.x added options (client_replay_concurrency, validate_inbound_headers, normalize_outbound_headers, " +
    "http2_ping_keepalive, the 8.1-only dns_* options, connect_addr): an addon registering an option with one of " +
    "these names overrides mitmproxy's own (O8-01). mitmproxy 8.1 requires Python 3.9, which removed " +
    "base64.encodestring/decodestring, Thread.isAlive() and sys.get/setcheckinterval (P8-01). Client/Server gained " +
    "a keyword-only transport_protocol argument (C8-01), which needs no change.",
  needs: ["add_option", "encodestring", "decodestring", "isAlive", "checkinterval"],
  run(file) {
    reportOptionCollisions(file, "O8-01", "8", NEW_OPTIONS);
    reportRemovedStdlib(file, "P8-01", "3.9", "mitmproxy 8.1 requires Python ≥3.9, and", {
      members: {
        "base64.encodestring": "use base64.encodebytes",
        "base64.decodestring": "use base64.decodebytes",
        "sys.getcheckinterval": "use sys.getswitchinterval",
        "sys.setcheckinterval": "use sys.setswitchinterval",
      },
      methods: { isAlive: "use .is_alive()" },
    });
  },
});
