"""Show clients how to reach the proxy and its DNS server (mitmproxy 8.1)."""
from mitmproxy import ctx, http
from mitmproxy.options import LISTEN_PORT


class ProxyInfo:
    def load(self, loader):
        loader.add_option("udp_hosts", str, "", "Hosts whose UDP we log")

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.request.path == "/proxy-info":
            port = ctx.options.listen_port or LISTEN_PORT
            dns = f"{ctx.options.dns_listen_host}:{ctx.options.dns_listen_port}" if ctx.options.dns_server else "off"
            flow.response = http.Response.make(200, f"port {port}, dns {dns}".encode())


def enable_dns():
    ctx.options.update(dns_server=True, dns_mode="regular")
    ctx.options.listen_port = 8081


addons = [ProxyInfo()]
