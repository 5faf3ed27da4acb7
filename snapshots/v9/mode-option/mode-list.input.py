"""Already on mitmproxy 9: mode is a list; other objects' .mode are strings."""
from mitmproxy import ctx, http


class Profile:
    mode = "strict"


profile = Profile()


def request(flow: http.HTTPFlow) -> None:
    if "regular" in ctx.options.mode and profile.mode == "strict":
        flow.request.headers["x-strict"] = "1"
    if any(m.startswith("reverse:") for m in ctx.options.mode):
        flow.request.headers["x-reverse"] = "1"
    if flow.client_conn.proxy_mode.type_name == "upstream":
        flow.comment = "upstream"
    if "mode" in flow.metadata:
        pass
