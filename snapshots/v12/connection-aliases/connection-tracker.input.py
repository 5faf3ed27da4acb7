"""Track TLS details per client and per upstream server (written for mitmproxy 9)."""
import logging

from mitmproxy import connection, http


class ConnectionTracker:
    def __init__(self):
        self.clients: dict[tuple, dict] = {}

    def client_connected(self, client: connection.Client):
        self.clients[client.address] = {"since": client.timestamp_start}

    def client_disconnected(self, client: connection.Client):
        info = self.clients.pop(client.address, {})
        logging.info("%s left after %s (cipher %s)", client.address, info.get("since"), client.cipher_name)

    def server_connected(self, data):
        logging.info("upstream %s -> %s for %s", data.server.address, data.server.ip_address, data.client.address)

    def response(self, flow: http.HTTPFlow):
        cert = flow.client_conn.clientcert
        flow.response.headers["x-client-cert"] = cert.cn if cert else "-"
        flow.response.headers["x-server-ip"] = str(flow.server_conn.ip_address)
        flow.response.headers["x-alpn"] = repr(flow.server_conn.alpn_proto_negotiated)
        if flow.server_conn.cert is not None:
            flow.response.headers["x-server-cn"] = flow.server_conn.cert.cn or ""


addons = [ConnectionTracker()]
