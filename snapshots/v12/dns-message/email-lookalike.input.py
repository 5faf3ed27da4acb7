"""Mail a digest of blocked DNS names (uses email.message.Message, not mitmproxy's)."""
import smtplib
from email.message import Message

from mitmproxy import dns

blocked: list[str] = []


def dns_request(flow: dns.DNSFlow) -> None:
    for q in flow.request.questions:
        if q.name.endswith(".ads.example"):
            blocked.append(q.name)
            flow.response = flow.request.fail(5)


def done():
    # A dns.Message is not what we send here: "Message" below is the email class.
    mail = Message()
    mail["Subject"] = "blocked names (dns.Message count: %d)" % len(blocked)
    mail.set_payload("\n".join(blocked))
    with smtplib.SMTP("localhost") as s:
        s.send_message(mail)
