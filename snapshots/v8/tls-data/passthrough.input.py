"""Do not intercept TLS for hosts that pin their certificates (mitmproxy 7 style)."""
from mitmproxy import ctx
from mitmproxy.proxy.layers.tls import ClientHelloData, TlsStartData

PINNED = ("bank.example.com", "updates.example.org")


def tls_clienthello(data: ClientHelloData):
    sni = data.context.client.sni
    if sni and sni.endswith(PINNED):
        data.establish_server_tls_first = True
        ctx.log.info(f"server TLS first for {sni}")


def tls_start_client(data: TlsStartData):
    ctx.log.debug(f"TLS with client {data.context.client.peername}")
