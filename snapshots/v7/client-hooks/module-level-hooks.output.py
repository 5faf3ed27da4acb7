# Client IP logger, written as a plain script: mitmproxy -s client_ip_logger.py
import mitmproxy.http
from mitmproxy import connection

seen = set()


def client_connected(client: connection.Client):
    ip = client.address[0]
    if ip not in seen:
        seen.add(ip)
        print("new client", ip)


def client_disconnected(client):
    print("client left", client.address[0])


def request(flow: mitmproxy.http.HTTPFlow):
    flow.request.headers["X-Client-Count"] = str(len(seen))
