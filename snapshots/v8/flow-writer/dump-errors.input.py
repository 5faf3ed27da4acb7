"""Write every flow that ended in an error to errors.mitm."""
from mitmproxy import http, io
from mitmproxy.io.io import FLOW_TYPES


class ErrorDump:
    def __init__(self):
        self.fh = open("errors.mitm", "wb")
        self.writer = io.FlowWriter(self.fh)

    def error(self, flow: http.HTTPFlow):
        self.writer.add(flow=flow)

    def response(self, flow: http.HTTPFlow):
        if flow.response.status_code >= 500:
            w = io.FlowWriter(self.fh)
            w.add(flow=flow)

    def kinds(self):
        return sorted(FLOW_TYPES)

    def done(self):
        self.fh.close()


addons = [ErrorDump()]
