# Pause each response while another addon inspects it, then continue in the same hook.
from mitmproxy import ctx
from mitmproxy.script import concurrent


def response(flow):
    flow.intercept()
    try:
        ctx.master.addons.trigger("inspect_response", flow)
    finally:
        flow.resume()


def responseheaders(flow):
    if flow.response.status_code == 204:
        flow.intercept()
        flow.resume()


@concurrent
def request(flow):
    flow.intercept()
    flow.request.headers["x-checked"] = "1"
    ctx.master.event_loop.call_soon_threadsafe(flow.resume)
