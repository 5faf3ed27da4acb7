"""Build fake connections for offline flow tests."""
import time

from mitmproxy import connections
from mitmproxy.connections import ClientConnection, ServerConnection


def fake_client():
    return ClientConnection.make_dummy(("127.0.0.1", 50000))


def fake_server(source):
    return ServerConnection(("example.com", 443), source_address=source)


def raw_client(sock):
    c = connections.ClientConnection(sock, ("10.0.0.1", 1234), None)
    c.timestamp_start = time.time()
    return c


def request(flow):
    flow.server_conn = connections.ServerConnection.make_dummy(("example.com", 80))
