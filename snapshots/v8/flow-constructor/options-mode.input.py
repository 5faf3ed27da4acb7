"""Uses ctx.options.mode and a helper object's .mode/.type, not a hook flow's."""
from mitmproxy import ctx, http


class Settings:
    mode = "strict"
    type = "json"


SETTINGS = Settings()


def request(flow: http.HTTPFlow) -> None:
    if ctx.options.mode.startswith("upstream") and SETTINGS.mode == "strict":
        flow.request.headers["x-settings"] = SETTINGS.type
    replay = http.HTTPFlow(flow.client_conn, flow.server_conn)
    replay.request = flow.request.copy()
