"""Build fake connections to exercise an addon in a unit test (mitmproxy 9)."""
import time

from mitmproxy import connection, http
from mitmproxy.connection import Client, Server


def fake_flow(host: str) -> http.HTTPFlow:
    client = Client(peername=("10.0.0.7", 51000), sockname=("10.0.0.1", 8080), timestamp_start=time.time())
    server = Server(address=(host, 443))
    return http.HTTPFlow(client, server)


def udp_client() -> connection.Client:
    return connection.Client(peername=("10.0.0.8", 5353), sockname=("10.0.0.1", 53), timestamp_start=0.0, transport_protocol="udp")


def upstream(address):
    return connection.Server(address=address, transport_protocol="tcp")
