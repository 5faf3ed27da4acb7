"""Warn when TLS is configured loosely."""
from mitmproxy import ctx


class TlsAdvisor:
    def configure(self, updated):
        if "ssl_version_client" in updated or "ssl_insecure" in updated:
            if ctx.options.ssl_version_client == "all":
                ctx.log.warn("clients may use SSLv3")
        if ctx.options.ssl_insecure:
            ctx.log.warn("upstream certificates are not verified")

    def running(self):
        ctx.options.update(stream_websockets=True, anticache=True)
        ctx.log.info(f"bound to {ctx.options.upstream_bind_address}")


addons = [TlsAdvisor()]
