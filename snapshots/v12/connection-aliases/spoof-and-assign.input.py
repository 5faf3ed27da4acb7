"""Rewrites connection attributes: Client.address can be assigned; the certificate aliases cannot be rewritten here."""
from mitmproxy import ctx


def client_connected(client):
    if client.address[0] == "10.0.0.1":
        client.address = ("127.0.0.1", client.address[1])
    client.clientcert = None


def request(flow):
    flow.server_conn.cert = None
    served_by = ctx.master.view.get_by_id(flow.id).server_conn.cert
    flow.request.headers["x-upstream-cert"] = str(served_by)
    flow.client_conn.cipher_name = "none"
