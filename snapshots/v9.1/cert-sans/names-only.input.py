"""Uses the common name only; a cache with its own get_cert."""
from mitmproxy import http


class Cache:
    def get_cert(self, host, port):
        return None


cache = Cache()


def response(flow: http.HTTPFlow) -> None:
    cert = cache.get_cert(flow.request.host, flow.request.port)
    if cert is None and flow.server_conn.certificate_list:
        flow.metadata["cn"] = flow.server_conn.certificate_list[0].cn
