"""Track client and server connections and print a summary when mitmproxy exits."""
import collections

from mitmproxy import ctx


class ConnectionTracker:
    def __init__(self):
        self.clients = collections.Counter()
        self.servers = collections.Counter()
        self.requests = collections.Counter()

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

    def request(self, flow):
        client = flow.client_conn.address[0]
        self.requests[client] += 1
        ctx.log.debug("request #%d from %s: %s" % (self.requests[client], client, flow.request.pretty_url))

    def done(self):
        ctx.log.info(
            "connection summary: %d client connections, %d server connections, %d requests"
            % (sum(self.clients.values()), sum(self.servers.values()), sum(self.requests.values()))
        )
        for host, n in self.clients.most_common(5):
            ctx.log.alert("client %s: %d connections" % (host, n))
        for host, n in self.servers.most_common(5):
            ctx.log.info("server %s: %d connections" % (host, n))


addons = [ConnectionTracker()]
