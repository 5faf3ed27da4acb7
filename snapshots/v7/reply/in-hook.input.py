# Pause each response while another addon inspects it, then continue in the same hook.
from mitmproxy import ctx
from mitmproxy.script import concurrent


def response(flow):
    flow.reply.take()
    try:
        ctx.master.addons.trigger("inspect_response", flow)
    finally:
        flow.reply.ack()
        flow.reply.commit()


def responseheaders(flow):
    if flow.response.status_code == 204:
        flow.reply.take()
        flow.reply.commit()


@concurrent
def request(flow):
    flow.reply.take()
    flow.request.headers["x-checked"] = "1"
    flow.reply.ack()
    flow.reply.commit()
