"""Record upstream TLS details: resolved IP, local port, certificate and chain."""
from mitmproxy import ctx, http


class UpstreamAudit:
    def __init__(self):
        self.seen = {}

    def response(self, flow: http.HTTPFlow):
        server = flow.server_conn
        ip = server.ip_address[0] if server.ip_address else None
        cert = flow.server_conn.cert
        self.seen[flow.server_conn.address] = {
            "ip": ip,
            "local": flow.server_conn.source_address,
            "cn": cert.cn if cert else None,
            "chain": len(flow.server_conn.server_certs),
            "alpn": flow.server_conn.alpn_proto_negotiated,
            "open": flow.server_conn.connected(),
        }

    def server_connected(self, data):
        ctx.log.debug(f"{data.server.address} is {data.server.ip_address}")


addons = [UpstreamAudit()]
