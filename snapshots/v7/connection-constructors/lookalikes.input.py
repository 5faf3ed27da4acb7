"""A tiny control server next to the addon; Server here is from socketserver."""
from socketserver import TCPServer as Server, BaseRequestHandler

from mitmproxy import ctx


class Handler(BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"ok\n")


def running():
    srv = Server(("127.0.0.1", 9999), Handler)
    ctx.log.info(f"control server on {srv.server_address}")
