# Pause each response while another addon inspects it, then continue in the same hook.
from mitmproxy import ctx


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
