"""Record the SNI and ALPN offers of every client hello."""
import json

from mitmproxy.net import tls as net_tls
from mitmproxy.proxy.layers import tls


class HelloRecorder:
    def __init__(self):
        self.seen = []

    def tls_clienthello(self, data: tls.ClientHelloData):
        self.seen.append({"sni": data.context.client.sni})

    def tls_start_server(self, data: tls.TlsStartData):
        self.seen.append({"server": str(data.context.server.address)})

    def parse_raw(self, raw: bytes) -> net_tls.ClientHello:
        return net_tls.ClientHello(raw)

    def done(self):
        with open("hellos.json", "w") as fh:
            json.dump(self.seen, fh)


addons = [HelloRecorder()]
