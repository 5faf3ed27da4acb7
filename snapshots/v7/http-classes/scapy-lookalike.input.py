# Sniff HTTP requests with scapy; nothing here belongs to mitmproxy.
from scapy.all import sniff
from scapy.layers.http import HTTPRequest, HTTPResponse

from mitmproxy import http


def show(packet):
    if packet.haslayer(HTTPRequest):
        print(packet[HTTPRequest].Host)
    elif packet.haslayer(HTTPResponse):
        print(packet[HTTPResponse].Status_Code)


def request(flow: http.HTTPFlow):
    flow.request.headers["x-seen"] = "1"


def main():
    sniff(filter="tcp port 80", prn=show)
