# Replace non-HTTP traffic and answer chat messages; no flow.reply here.
from mitmproxy import ctx


class Notifier:
    def next_layer(self, layer):
        if layer.client_conn.address[1] == 5222:
            layer.reply.send(layer)

    def clientconnect(self, layer):
        if layer.client_conn.address[0] in ("10.0.0.9",):
            layer.reply.kill()

    def request(self, flow):
        message = ctx.options.keep_host_header
        if flow.killable and message:
            flow.kill()

    def notify(self, ticket):
        ticket.reply.send("seen")
        ticket.reply("seen")


addons = [Notifier()]
