// Step 12 (mitmproxy 11 → 12): its transforms, in the order they run.
import type { Transform } from "../../src/transform.js";
import dnsMessage from "./dns-message.js";
import urlUnparse from "./url-unparse.js";
import dnsTypeKeyword from "./dns-type-keyword.js";
import certToPyopenssl from "./cert-to-pyopenssl.js";
import certstoreCrl from "./certstore-crl.js";
import utilsBits from "./utils-bits.js";
import dnsHookOrder from "./dns-hook-order.js";
import proxyauthHtpasswd from "./proxyauth-htpasswd.js";
import contentviewClass from "./contentview-class.js";
import contentviewRegistration from "./contentview-registration.js";
import contentviewHelpers from "./contentview-helpers.js";
import contentviewModules from "./contentview-modules.js";
import connectionAliases from "./connection-aliases.js";
import flowMode from "./flow-mode.js";
import websocketKill from "./websocket-kill.js";
import ctxLog from "./ctx-log.js";
import addLogHook from "./add-log-hook.js";
import multipartFunctions from "./multipart-functions.js";
import serverReplayReuse from "./server-replay-reuse.js";
import certSans from "./cert-sans.js";

const transforms: Transform[] = [
  // §7.A renames and removals
  dnsMessage,
  urlUnparse,
  dnsTypeKeyword,
  certToPyopenssl,
  certstoreCrl,
  utilsBits,
  dnsHookOrder,
  proxyauthHtpasswd,
  // §7.B content views (the class first: the others wait for it to settle)
  contentviewClass,
  contentviewRegistration,
  contentviewHelpers,
  contentviewModules,
  // §9 deprecated forms that still work at 12.2.3 (for users who start after the step that broke them)
  connectionAliases,
  flowMode,
  websocketKill,
  ctxLog,
  addLogHook,
  multipartFunctions,
  serverReplayReuse,
  certSans,
];

export default transforms;
