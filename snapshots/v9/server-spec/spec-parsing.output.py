"""Parse upstream specs from an option (mitmproxy 8)."""
from mitmproxy import ctx
from mitmproxy.net import server_spec

FALLBACK = server_spec.parse("http://fallback.example:3128", "http")


def load(loader):
    loader.add_option("upstream_spec", str, "", "Upstream proxy, e.g. proxy.example:3128")


def configure(updated):
    if "upstream_spec" in updated and ctx.options.upstream_spec:
        spec = server_spec.parse(ctx.options.upstream_spec)
        ctx.log.info(f"upstream {spec.scheme}://{spec.address[0]}:{spec.address[1]}")
        mode, _ = server_spec.parse_with_mode("upstream:" + ctx.options.upstream_spec)


def server_connect(data):
    via = data.server.via
    if via is not None and via.scheme == "https":
        data.server.via = server_spec.ServerSpec(scheme="http", address=via.address)
