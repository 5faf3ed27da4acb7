"""classes.to_str and a local to_str take other parameters; only dns.types.to_str changed."""
from mitmproxy import dns
from mitmproxy.net.dns import classes


def to_str(type=None):
    return str(type)


def dns_request(flow: dns.DNSFlow) -> None:
    q = flow.request.questions[0]
    print(classes.to_str(q.class_), to_str(type=q.type))
