"""Already on mitmproxy 8: passthrough through data.ignore_connection."""
from mitmproxy import tls

IGNORED = {"pinned.example.com"}


def tls_clienthello(data: tls.ClientHelloData) -> None:
    if data.client_hello.sni in IGNORED:
        data.ignore_connection = True


def tls_start_client(data: tls.TlsData) -> None:
    pass
