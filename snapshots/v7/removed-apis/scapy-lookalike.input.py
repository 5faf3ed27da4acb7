# Watch the wire with scapy next to the proxy; scapy's tls, tcp and http layers are not mitmproxy's.
from scapy.all import TCP, sniff
from scapy.layers import http as scapy_http
from scapy.layers.tls.record import TLS

from mitmproxy import ctx


def show(packet):
    if packet.haslayer(TLS):
        ctx.log.info(f"TLS record on port {packet[TCP].dport}")
    elif packet.haslayer(scapy_http.HTTPRequest):
        ctx.log.info(packet[scapy_http.HTTPRequest].Path.decode())


def running():
    sniff(filter="tcp port 443 or tcp port 80", prn=show, store=False, count=10)
