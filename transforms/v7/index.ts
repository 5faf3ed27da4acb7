// Step 7 (mitmproxy 6 → 7): its transforms, in the order they run. Transforms that rename a
// hook come first: an edit that overlaps an earlier transform's edit waits for the next pass.
import type { Transform } from "../../src/transform.js";
import httpClasses from "./http-classes.js";
import clientHooks from "./client-hooks.js";
import serverHooks from "./server-hooks.js";
import logHook from "./log-hook.js";
import removedHooks from "./removed-hooks.js";
import tcpErrorEnd from "./tcp-error-end.js";
import addonManager from "./addon-manager.js";
import eventsequence from "./eventsequence.js";
import connectionsModule from "./connections-module.js";
import connectionConstructors from "./connection-constructors.js";
import clientAttributes from "./client-attributes.js";
import serverAttributes from "./server-attributes.js";
import proxyProtocol from "./proxy-protocol.js";

const transforms: Transform[] = [
  httpClasses,
  // hooks (MIGRATIONS.md §2.A)
  clientHooks,
  serverHooks,
  logHook,
  removedHooks,
  tcpErrorEnd,
  addonManager,
  eventsequence,
  // connections (§2.B, M7-01) and the removed proxy core (M7-08)
  connectionsModule,
  connectionConstructors,
  clientAttributes,
  serverAttributes,
  proxyProtocol,
];

export default transforms;
