"""Log every DNS question and the answers that came back."""
import logging

from mitmproxy import dns


def summarize(message: dns.DNSMessage) -> str:
    names = ", ".join(q.name for q in message.questions)
    return f"{message.id}: {names}"


class DnsLogger:
    def dns_request(self, flow: dns.DNSFlow) -> None:
        logging.info("query %s", summarize(flow.request))

    def dns_response(self, flow: dns.DNSFlow) -> None:
        answer: dns.DNSMessage = flow.response
        logging.info("answer %s (%d records)", summarize(answer), len(answer.answers))

    def replay(self, raw: bytes) -> dns.DNSMessage:
        return dns.DNSMessage.unpack(raw)


addons = [DnsLogger()]
