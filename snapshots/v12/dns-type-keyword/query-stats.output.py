"""Count DNS queries per record type and print the table when mitmproxy exits."""
import collections

from mitmproxy import dns
from mitmproxy.net.dns import types
from mitmproxy.net.dns.types import to_str as type_name

counts: collections.Counter[str] = collections.Counter()


def dns_request(flow: dns.DNSFlow) -> None:
    for q in flow.request.questions:
        counts[types.to_str(type_=q.type)] += 1


def dns_response(flow: dns.DNSFlow) -> None:
    for rr in flow.response.answers:
        counts["answer " + type_name(type_=rr.type)] += 1
        counts["answer (positional) " + type_name(rr.type)] += 1


def done():
    for name, n in counts.most_common():
        print(f"{name:>12} {n}")
