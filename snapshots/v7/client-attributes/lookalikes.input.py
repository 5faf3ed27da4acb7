"""Attributes named like connection ones, on objects that are not connections."""
import socket

from mitmproxy import ctx


class Upstream:
    def __init__(self):
        self.address = ("proxy.local", 3128)
        self.connected = lambda: True


def greet(client):
    return client.address


def request(flow):
    up = Upstream()
    if up.connected():
        ctx.log.info(f"upstream {up.address}, server {flow.server_conn.address}")
    conn = flow.client_conn
    if flow.request.host == "proxy.local":
        conn = up
    ctx.log.info(f"peer {conn.address} / flow.client_conn.address in a string")
    sock = socket.create_connection(up.address)
    ctx.log.info(f"{greet(up)} {sock.getsockname()}")
