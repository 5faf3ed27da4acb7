# Already written for mitmproxy 7, plus a stream attribute on something else.
from mitmproxy import http


def upper(data: bytes) -> bytes:
    return data.upper()


class Recorder:
    def __init__(self):
        self.stream = None

    def responseheaders(self, flow: http.HTTPFlow):
        flow.response.stream = True
        flow.request.stream = upper
        flow.request.stream = lambda data: data.replace(b"a", b"b")
        self.stream = open("/tmp/log", "ab")


addons = [Recorder()]
