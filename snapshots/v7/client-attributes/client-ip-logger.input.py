"""Log client address, TLS details and certificate for every request."""
from mitmproxy import ctx, http


class ClientInfo:
    def request(self, flow: http.HTTPFlow):
        ip, port = flow.client_conn.address
        cert = flow.client_conn.clientcert
        ctx.log.info(
            f"{ip}:{port} cipher={flow.client_conn.cipher_name} "
            f"alpn={flow.client_conn.alpn_proto_negotiated} "
            f"cert={cert.cn if cert else None}"
        )
        if not flow.client_conn.connected():
            ctx.log.warn(f"client {flow.client_conn.ip_address} already gone")
        flow.request.headers["X-Forwarded-For"] = flow.client_conn.address[0]


addons = [ClientInfo()]
