# Options, own attributes and plain str.encode: none of this changed in mitmproxy 7.
from mitmproxy import ctx, http


class Highlighter:
    def __init__(self):
        self.marked = False
        self.mode = "off"
        self.live = None

    def request(self, flow: http.HTTPFlow):
        if ctx.options.mode == "transparent":
            self.marked = True
        if flow.marked:
            flow.request.headers["x-marked"] = "yes".encode("ascii").decode()
        flow.request.content = flow.request.text.encode(encoding="utf-8", errors="replace")
        flow.response = http.Response.make(200, "ok".encode(errors="strict"))
        flow.marked = ":default:"
