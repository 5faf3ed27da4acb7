"""Connection constructions the tool cannot map, and state reads of new clients."""
import time

from mitmproxy import connection
from mitmproxy.connection import Client, Server

ADDRS = [("10.0.0.9", 1), ("10.0.0.1", 8080)]


def from_list():
    c = Client(*ADDRS, time.time())
    return c


def too_many(sock):
    return Server(sock.getpeername(), sock.getsockname())


def check_open():
    c = Client(peername=("10.0.0.2", 1), sockname=("10.0.0.1", 8080), timestamp_start=time.time())
    if c.connected:
        return c.state
    return connection.ConnectionState.CLOSED
