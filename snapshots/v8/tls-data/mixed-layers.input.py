"""Route a host's TLS through a custom next layer; keep the other TLS names where they are."""
from mitmproxy.proxy import layers
from mitmproxy.proxy.layers import tls
from mitmproxy.proxy.layers.tls import ServerTLSLayer, ClientHelloData


class Router:
    def next_layer(self, nextlayer):
        if nextlayer.context.server.address == ("legacy.example.com", 443):
            nextlayer.layer = ServerTLSLayer(nextlayer.context)

    def tls_clienthello(self, data: ClientHelloData):
        data.establish_server_tls_first = isinstance(data, tls.ClientHelloData)

    def uses_layers(self):
        return layers.ClientTLSLayer


addons = [Router()]
