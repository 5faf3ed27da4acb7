"""Server addresses are read, never renamed; other objects' ip_address stay as they are."""
import ipaddress

from mitmproxy import ctx


class Host:
    def __init__(self, ip):
        self.ip_address = ipaddress.ip_address(ip)
        self.cert = None


def response(flow):
    host = Host(flow.server_conn.address[0])
    ctx.log.info(f"{flow.server_conn.address} {host.ip_address} {host.cert}")
    ctx.log.info("flow.server_conn.ip_address is only mentioned here")
    client = flow.client_conn
    ctx.log.info(str(client.connected))
