from mitmproxy.http import *


def request(flow):
    if flow.request.path == "/robots.txt":
        flow.response = HTTPResponse.make(200, b"User-agent: *\nDisallow: /\n")
