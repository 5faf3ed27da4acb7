from mitmproxy.dns import DNSFlow, Message
from mitmproxy.net.dns import response_codes


def make_refusal(request: Message) -> Message:
    return request.fail(response_codes.REFUSED)


def dns_request(flow: DNSFlow) -> None:
    if any(q.name.endswith(".internal") for q in flow.request.questions):
        flow.response = make_refusal(flow.request)
