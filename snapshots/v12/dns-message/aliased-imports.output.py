import mitmproxy.dns
from mitmproxy.dns import DNSMessage as DnsMessage

seen: dict[int, DnsMessage] = {}


def dns_response(flow):
    msg: mitmproxy.dns.DNSMessage = flow.response
    seen[msg.id] = msg


def dns_error(flow):
    seen.pop(flow.request.id, None)
