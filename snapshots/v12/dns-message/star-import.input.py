from mitmproxy.dns import *


def dns_response(flow: DNSFlow) -> None:
    answer: Message = flow.response
    print(len(answer.answers))
