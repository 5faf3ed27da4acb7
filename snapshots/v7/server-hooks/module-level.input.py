# Print every upstream connection: mitmproxy -s upstream_log.py
import typing

open_servers: typing.Set[str] = set()


def serverconnect(conn: typing.Any):
    open_servers.add(conn.id)
    print("up", conn.address, "tls" if conn.tls_established else "plain")


def serverdisconnect(conn):
    open_servers.discard(conn.id)
    print("down", conn.address, len(open_servers), "left")
