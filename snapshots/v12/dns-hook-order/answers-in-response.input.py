"""Already right for 12: answers are read in dns_response; dns_request only answers itself."""
import logging

from mitmproxy import dns


def dns_request(flow: dns.DNSFlow) -> None:
    if flow.request.questions[0].name == "intranet.example":
        flow.response = flow.request.succeed([])


def dns_response(flow: dns.DNSFlow) -> None:
    logging.info("%d answers (flow.response)", len(flow.response.answers))
