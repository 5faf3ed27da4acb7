"""Checks layer types through the package, and imports the proxy server."""
import mitmproxy
import mitmproxy.proxy.protocol
from mitmproxy.proxy import ProxyServer, server


def next_layer(layer):
    if isinstance(layer, mitmproxy.proxy.protocol.TlsLayer):
        print("tls layer", layer.server_conn.address)
    print(ProxyServer, server.DummyServer)


def done():
    print("bye")
