"""Count connections per TLS version, with QUIC separately (mitmproxy 10)."""
import collections

from mitmproxy import connection

STATS = collections.Counter()


def client_disconnected(client: connection.Client):
    if client.tls_version == "QUIC":
        STATS["quic"] += 1
    elif client.tls_version in ("TLSv1.3", "TLSv1.2"):
        STATS["tls"] += 1


def server_disconnected(data):
    if data.server.tls_version not in ["QUIC"]:
        STATS["server-tcp"] += 1
