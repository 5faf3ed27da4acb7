"""Already uses the v9+ API; ctx.options.mode and a local mode are something else."""
from mitmproxy import ctx, http


def request(flow: http.HTTPFlow) -> None:
    mode = flow.client_conn.proxy_mode
    if mode.type_name == "reverse" and "reverse" in ctx.options.mode:
        flow.request.headers["x-mode"] = mode.full_spec


def response(flow: http.HTTPFlow) -> None:
    flow = getattr(flow, "parent", flow)
    flow.response.headers["x-flow-mode"] = str(flow.mode)
