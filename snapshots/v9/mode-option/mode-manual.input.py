"""Mode checks the tool cannot translate."""
from mitmproxy import ctx, http


def request(flow: http.HTTPFlow) -> None:
    if "upstream" in ctx.options.mode:
        flow.request.headers["x-via-upstream"] = ctx.options.mode.split(":", 1)[1]
    if ctx.options.mode == "upstream":
        flow.comment = "upstream"
    kind = ctx.options.mode
    flow.request.headers["x-mode"] = kind
    if ctx.options.mode:
        flow.metadata["mode_set"] = True
