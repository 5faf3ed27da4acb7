"""Only labels mention QUIC; comparisons use the 11.x value."""
from mitmproxy import connection

LABELS = {"QUIC": "HTTP/3", "TLSv1.3": "TLS 1.3"}


def client_disconnected(client: connection.Client):
    label = LABELS.get("QUIC" if client.tls_version == "QUICv1" else client.tls_version, "?")
    print(label)
