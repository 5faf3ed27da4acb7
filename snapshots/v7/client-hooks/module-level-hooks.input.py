# Client IP logger, written as a plain script: mitmproxy -s client_ip_logger.py
import mitmproxy.http
import mitmproxy.proxy.protocol

seen = set()


def clientconnect(layer: mitmproxy.proxy.protocol.Layer):
    ip = layer.client_conn.address[0]
    if ip not in seen:
        seen.add(ip)
        print("new client", ip)


def clientdisconnect(layer):
    print("client left", layer.client_conn.address[0])


def request(flow: mitmproxy.http.HTTPFlow):
    flow.request.headers["X-Client-Count"] = str(len(seen))
