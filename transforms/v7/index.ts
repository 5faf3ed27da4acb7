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

import netModules from "./net-modules.js";
import statusCodes from "./status-codes.js";
import removedApis from "./removed-apis.js";
import exceptions from "./exceptions.js";
import streamCallables from "./stream-callables.js";
import flowAttributes from "./flow-attributes.js";
import websocketClass from "./websocket-class.js";
import websocketFlow from "./websocket-flow.js";
import websocketMessage from "./websocket-message.js";
import websocketInject from "./websocket-inject.js";
import reply from "./reply.js";
import contentviewPriority from "./contentview-priority.js";
import contentviewMetadata from "./contentview-metadata.js";
import certificates from "./certificates.js";
import certStore from "./cert-store.js";
import options from "./options.js";
import master from "./master.js";

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
  // modules and classes (§2.C)
  netModules,
  statusCodes,
  removedApis,
  exceptions,
  // HTTP (§2.D)
  streamCallables,
  flowAttributes,
  // WebSocket (§2.E)
  websocketClass,
  websocketFlow,
  websocketMessage,
  websocketInject,
  // reply / flow control (§2.F)
  reply,
  // content views (§2.G)
  contentviewPriority,
  contentviewMetadata,
  // certificates (§2.H)
  certificates,
  certStore,
  // options (§2.I), master (§2.K)
  options,
  master,
];

export default transforms;
