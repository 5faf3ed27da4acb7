"""A connection pool with its own serverconnect callback, used by the addon itself."""
from mitmproxy import ctx


class Pool:
    def __init__(self):
        self.conns = []

    def serverconnect(self, conn):
        self.conns.append(conn)

    def request(self, flow):
        # serverconnect(conn) is called by the pool itself, not by mitmproxy
        self.serverconnect(flow.server_conn)
        ctx.log.info("serverconnect: pooled %d" % len(self.conns))

    def response(self, flow):
        ctx.log.info("serverdisconnect is not used here")


addons = [Pool()]
