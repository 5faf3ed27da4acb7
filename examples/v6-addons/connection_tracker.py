"""Track client and server connections and print a summary when mitmproxy exits."""
import collections

from mitmproxy import ctx


class ConnectionTracker:
    def __init__(self):
        self.clients = collections.Counter()
        self.servers = collections.Counter()

    def clientconnect(self, layer):
        host, port = layer.client_conn.address
        self.clients[host] += 1
        ctx.log.info("client connected: %s:%d" % (host, port))

    def clientdisconnect(self, layer):
        ctx.log.debug("client disconnected: %s" % (layer.client_conn.address,))

    def serverconnect(self, conn):
        self.servers[conn.address[0]] += 1
        ctx.log.info("server connected: %s (via %s)" % (conn.address[0], conn.ip_address))

    def serverdisconnect(self, conn):
        ctx.log.debug("server disconnected: %s" % (conn.address,))

    def done(self):
        for host, n in self.clients.most_common(5):
            ctx.log.alert("client %s: %d connections" % (host, n))
        for host, n in self.servers.most_common(5):
            ctx.log.info("server %s: %d connections" % (host, n))


addons = [ConnectionTracker()]
