from mitmproxy.net.http.status_codes import PAYLOAD_TOO_LARGE, RESPONSES


def response(flow):
    if flow.response.status_code == PAYLOAD_TOO_LARGE:
        flow.response.reason = RESPONSES[PAYLOAD_TOO_LARGE]
