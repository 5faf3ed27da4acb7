"""Remember the last server per upstream host, falling back to a default one."""
from mitmproxy import ctx


class LastServer:
    def __init__(self):
        self.default = None
        self.last = {}

    def serverconnect(self, conn):
        if conn.address is None:
            conn = self.default
        self.last[conn.address[0]] = conn

    def serverdisconnect(self, conn):
        ctx.log.info(f"closed {conn.address}")


addons = [LastServer()]
