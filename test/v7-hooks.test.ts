// Step 7's hook and connection transforms working together (the snapshot pairs run each
// transform alone): renamed hooks and the attribute rewrites compose through the engine's
// fixed point, the whole step is a fixed point on every snapshot input, and a chained run
// 6→7, 7→9 equals 6→9.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFindings, migrate, outputText, registry } from "./helpers.js";
import { firstSyntaxError, parse } from "../src/parser.js";
import { defineTransform } from "../src/transform.js";
import { aliasRules, rewriteConnectionAttributes } from "../transforms/shared/connections.js";

const step7 = registry.steps.find((s) => s.label === "7")!;
const run7 = (text: string) => migrate(text, { steps: [step7] });

const MINE = [
  "client-hooks", "server-hooks", "log-hook", "removed-hooks", "tcp-error-end", "addon-manager", "eventsequence",
  "connections-module", "connection-constructors", "client-attributes", "server-attributes", "proxy-protocol",
];

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of MINE) {
    const full = path.resolve(__dirname, "../snapshots/v7", dir);
    for (const f of fs.readdirSync(full).sort()) {
      if (f.endsWith(".input.py")) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(full, f), "utf8") });
    }
  }
  return out;
}

const TRACKER = `"""Track clients and servers."""
from mitmproxy import connections, ctx
from mitmproxy.proxy.protocol import Layer


class Tracker:
    def clientconnect(self, layer: Layer):
        ctx.log.info(f"{layer.client_conn.address[0]} {layer.client_conn.clientcert}")
        if layer.client_conn.cipher_name is None:
            layer.reply.kill()

    def serverconnect(self, conn: connections.ServerConnection):
        ctx.log.info(f"{conn.address} is {conn.ip_address} from {conn.source_address}")

    def request(self, flow):
        if not flow.server_conn.connected():
            flow.server_conn = connections.ServerConnection(("example.com", 443))

    def log(self, entry):
        print(entry.msg)


addons = [Tracker()]
`;

describe("step 7: hooks and connections together", () => {
  it("renamed hooks get their attributes rewritten through the fixed point", () => {
    const r = run7(TRACKER);
    expect(r.error).toBeUndefined();
    expect(outputText(r, TRACKER)).toBe(`"""Track clients and servers."""
from mitmproxy import ctx, connection
from mitmproxy.proxy import server_hooks


class Tracker:
    def client_connected(self, client: connection.Client):
        ctx.log.info(f"{client.peername[0]} {(client.certificate_list[0] if client.certificate_list else None)}")
        if client.cipher is None:
            client.error = "Connection killed."

    def server_connected(self, data: server_hooks.ServerConnectionHookData):
        ctx.log.info(f"{data.server.address} is {data.server.peername} from {data.server.sockname}")

    def request(self, flow):
        if not flow.server_conn.connected:
            flow.server_conn = connection.Server(address=("example.com", 443))

    def add_log(self, entry):
        print(entry.msg)


addons = [Tracker()]
`);
    expect(formatFindings(r)).toBe("");
  });

  it("a layer attribute left in client_connected is reported with its new spelling", () => {
    const src = [
      "from mitmproxy import ctx",
      "",
      "",
      "def clientconnect(layer):",
      "    ctx.log.info(str(layer.client_conn.address) + str(layer.server_conn.address))",
      "",
      "",
      "def request(flow):",
      "    pass",
      "",
    ].join("\n");
    const r = run7(src);
    expect(outputText(r, src)).toContain("def client_connected(client):\n    ctx.log.info(str(client.peername) + str(client.server_conn.address))");
    expect(formatFindings(r)).toMatch(/^5:45: H7-01 .*Uses of 'client\.server_conn' other than \.client_conn could not be translated\./);
  });

  for (const { name, text } of inputs()) {
    it(`the whole step is a fixed point, valid and chain-equivalent on ${name}`, () => {
      const r = run7(text);
      expect(r.error, r.error?.reason).toBeUndefined();
      const out = outputText(r, text);
      expect(firstSyntaxError(parse(out).rootNode)).toBeNull();
      const again = run7(out);
      expect(again.status).toBe("unchanged");
      expect(formatFindings(again, { notes: true })).toBe(formatFindings(r, { notes: false }));
      const direct = migrate(text, { from: "6", to: "9" });
      const chained = migrate(outputText(migrate(text, { from: "6", to: "7" }), text), { from: "7", to: "9" });
      expect(outputText(chained, out)).toBe(outputText(direct, text));
    });
  }

  it("a hook whose annotation another transform rewrites waits a pass instead of conflicting", () => {
    const src = [
      "from mitmproxy import http",
      "",
      "",
      "class Odd:",
      "    def clientconnect(self, layer: http.HTTPRequest):",
      "        print(layer.client_conn.address)",
      "",
    ].join("\n");
    const r = run7(src);
    expect(r.error).toBeUndefined();
    expect(outputText(r, src)).toBe(
      ["from mitmproxy import connection", "", "", "class Odd:", "    def client_connected(self, client: connection.Client):", "        print(client.peername)", ""].join("\n"),
    );
  });

  it("two hooks annotated through one import leave a single clean import", () => {
    const src = [
      "from mitmproxy import connections",
      "",
      "",
      "def clientconnect(layer: connections.ClientConnection):",
      "    print(layer.client_conn.address)",
      "",
      "",
      "def clientdisconnect(layer: connections.ClientConnection):",
      "    print(layer.client_conn.address)",
      "",
    ].join("\n");
    const r = run7(src);
    expect(r.error).toBeUndefined();
    const out = outputText(r, src);
    expect(out.split("\n")[0]).toBe("from mitmproxy import connection");
    expect(out).toContain("def client_disconnected(client: connection.Client):\n    print(client.peername)");
  });

  it("the shared helpers re-apply the §9 deprecated aliases for a later step", () => {
    const aliases = defineTransform({
      id: "v12/test-aliases",
      catalog: [],
      title: "test",
      description: "test",
      safety: "safe",
      run(file) {
        rewriteConnectionAttributes(file, "client", aliasRules("client", "X-1"));
        rewriteConnectionAttributes(file, "server", aliasRules("server", "X-2"));
      },
    });
    const src = [
      "def client_connected(client):",
      "    print(client.address, client.cipher_name, client.clientcert)",
      "",
      "",
      "def response(flow):",
      "    print(flow.server_conn.ip_address, flow.server_conn.address, flow.server_conn.cert, flow.client_conn.ip_address)",
      "",
    ].join("\n");
    const r = migrate(src, { steps: [{ label: "12", release: "12.0.0", transforms: [aliases] }] });
    expect(outputText(r, src)).toBe(
      [
        "def client_connected(client):",
        "    print(client.peername, client.cipher, (client.certificate_list[0] if client.certificate_list else None))",
        "",
        "",
        "def response(flow):",
        "    print(flow.server_conn.peername, flow.server_conn.address, (flow.server_conn.certificate_list[0] if flow.server_conn.certificate_list else None), flow.client_conn.ip_address)",
        "",
      ].join("\n"),
    );
  });
});
