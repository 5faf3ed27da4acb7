"""A small TCP echo server for tests; it has its own clientconnect callback."""
import socket

from mitmproxy import ctx


class EchoServer:
    """Calls clientconnect(layer) for every accepted socket (not a mitmproxy hook)."""

    def __init__(self, port):
        self.sock = socket.create_server(("127.0.0.1", port))

    def clientconnect(self, layer):
        ctx.log.info("clientconnect: %s" % (layer.client_conn.address,))

    def serve_one(self):
        conn, _ = self.sock.accept()
        self.clientconnect(conn)


# def clientconnect(self, layer): layer.client_conn.address  <- old hook, in a comment
