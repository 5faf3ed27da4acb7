"""Log DNS answers and block lookups of tracking domains (DNS mode)."""
import logging

from mitmproxy import dns

BLOCK = (".tracker.example", ".ads.example")


class DnsWatch:
    def dns_request(self, flow: dns.DNSFlow) -> None:
        question = flow.request.questions[0]
        if question.name.endswith(BLOCK):
            flow.response = flow.request.fail(3)
            return
        if flow.response is not None:
            logging.info("%s resolved to %s", question.name, [a.data for a in flow.response.answers])

    def dns_response(self, flow: dns.DNSFlow) -> None:
        logging.info("answer for %s has %d records", flow.request.questions[0].name, len(flow.response.answers))


addons = [DnsWatch()]
