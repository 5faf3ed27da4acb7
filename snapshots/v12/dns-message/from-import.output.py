from mitmproxy.dns import DNSFlow, DNSMessage
from mitmproxy.net.dns import response_codes


def make_refusal(request: DNSMessage) -> DNSMessage:
    return request.fail(response_codes.REFUSED)


def dns_request(flow: DNSFlow) -> None:
    if any(q.name.endswith(".internal") for q in flow.request.questions):
        flow.response = make_refusal(flow.request)
