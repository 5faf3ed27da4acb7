"""Server.address is not an alias, and other objects have .address and .cert of their own."""
import logging
from dataclasses import dataclass

from mitmproxy import http


@dataclass
class Backend:
    address: tuple
    cert: str


BACKENDS = [Backend(("10.0.0.2", 443), "backend.pem")]


def request(flow: http.HTTPFlow) -> None:
    backend = BACKENDS[0]
    flow.server_conn.address = backend.address
    logging.info("routing %s to %s (cert %s); client.address is old", flow.request.url, flow.server_conn.address, backend.cert)


def client_connected(client):
    def later(client=None):
        return client.address if client else None

    logging.info("peer %s", client.peername)
