"""Build fake connections to exercise an addon in a unit test (mitmproxy 9)."""
import time

from mitmproxy import connection, http
from mitmproxy.connection import Client, Server


def fake_flow(host: str) -> http.HTTPFlow:
    client = Client(("10.0.0.7", 51000), ("10.0.0.1", 8080), time.time())
    server = Server((host, 443))
    return http.HTTPFlow(client, server)


def udp_client() -> connection.Client:
    return connection.Client(("10.0.0.8", 5353), ("10.0.0.1", 53), 0.0, transport_protocol="udp")


def upstream(address):
    return connection.Server(address, transport_protocol="tcp")
