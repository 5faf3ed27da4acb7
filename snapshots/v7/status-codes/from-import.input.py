from mitmproxy.net.http.status_codes import REQUEST_ENTITY_TOO_LARGE, RESPONSES


def response(flow):
    if flow.response.status_code == REQUEST_ENTITY_TOO_LARGE:
        flow.response.reason = RESPONSES[REQUEST_ENTITY_TOO_LARGE]
