# Print every upstream connection: mitmproxy -s upstream_log.py
import typing

open_servers: typing.Set[str] = set()


def server_connected(data: typing.Any):
    open_servers.add(data.server.id)
    print("up", data.server.address, "tls" if data.server.tls_established else "plain")


def server_disconnected(data):
    open_servers.discard(data.server.id)
    print("down", data.server.address, len(open_servers), "left")
