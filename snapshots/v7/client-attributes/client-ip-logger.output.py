"""Log client address, TLS details and certificate for every request."""
from mitmproxy import ctx, http


class ClientInfo:
    def request(self, flow: http.HTTPFlow):
        ip, port = flow.client_conn.peername
        cert = (flow.client_conn.certificate_list[0] if flow.client_conn.certificate_list else None)
        ctx.log.info(
            f"{ip}:{port} cipher={flow.client_conn.cipher} "
            f"alpn={flow.client_conn.alpn} "
            f"cert={cert.cn if cert else None}"
        )
        if not flow.client_conn.connected:
            ctx.log.warn(f"client {flow.client_conn.peername} already gone")
        flow.request.headers["X-Forwarded-For"] = flow.client_conn.peername[0]


addons = [ClientInfo()]
