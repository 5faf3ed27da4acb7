"""Record the SNI and ALPN offers of every client hello."""
import json

from mitmproxy import tls as net_tls
from mitmproxy.tls import ClientHelloData
from mitmproxy.tls import TlsData


class HelloRecorder:
    def __init__(self):
        self.seen = []

    def tls_clienthello(self, data: ClientHelloData):
        self.seen.append({"sni": data.context.client.sni})

    def tls_start_server(self, data: TlsData):
        self.seen.append({"server": str(data.context.server.address)})

    def parse_raw(self, raw: bytes) -> net_tls.ClientHello:
        return net_tls.ClientHello(raw)

    def done(self):
        with open("hellos.json", "w") as fh:
            json.dump(self.seen, fh)


addons = [HelloRecorder()]
