import mitmproxy.dns
from mitmproxy.dns import Message as DnsMessage

seen: dict[int, DnsMessage] = {}


def dns_response(flow):
    msg: mitmproxy.dns.Message = flow.response
    seen[msg.id] = msg


def dns_error(flow):
    seen.pop(flow.request.id, None)
