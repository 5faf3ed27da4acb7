"""Track TLS details per client and per upstream server (written for mitmproxy 9)."""
import logging

from mitmproxy import connection, http


class ConnectionTracker:
    def __init__(self):
        self.clients: dict[tuple, dict] = {}

    def client_connected(self, client: connection.Client):
        self.clients[client.peername] = {"since": client.timestamp_start}

    def client_disconnected(self, client: connection.Client):
        info = self.clients.pop(client.peername, {})
        logging.info("%s left after %s (cipher %s)", client.peername, info.get("since"), client.cipher)

    def server_connected(self, data):
        logging.info("upstream %s -> %s for %s", data.server.address, data.server.peername, data.client.peername)

    def response(self, flow: http.HTTPFlow):
        cert = (flow.client_conn.certificate_list[0] if flow.client_conn.certificate_list else None)
        flow.response.headers["x-client-cert"] = cert.cn if cert else "-"
        flow.response.headers["x-server-ip"] = str(flow.server_conn.peername)
        flow.response.headers["x-alpn"] = repr(flow.server_conn.alpn)
        if (flow.server_conn.certificate_list[0] if flow.server_conn.certificate_list else None) is not None:
            flow.response.headers["x-server-cn"] = (flow.server_conn.certificate_list[0] if flow.server_conn.certificate_list else None).cn or ""


addons = [ConnectionTracker()]
