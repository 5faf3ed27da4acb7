"""Log each response at a level chosen from its status code (mitmproxy 8)."""
from mitmproxy import ctx, http

DEFAULT_LEVEL = "info"


def response(flow: http.HTTPFlow) -> None:
    level = "error" if flow.response.status_code >= 500 else "warn"
    if flow.response.status_code < 400:
        level = DEFAULT_LEVEL
    ctx.log(f"{flow.request.pretty_url} -> {flow.response.status_code}", level)
    ctx.log("default level", DEFAULT_LEVEL)
