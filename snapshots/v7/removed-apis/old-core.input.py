"""Embeds mitmproxy 6's proxy server and talks to the network directly."""
import mitmproxy.net.tls as tls
from mitmproxy import io, master, options
from mitmproxy.addons import streambodies
from mitmproxy.master import ServerThread
from mitmproxy.net import tcp
from mitmproxy.utils import compat


def start(opts: options.Options):
    m = master.Master(opts)
    m.addons.add(streambodies.StreamBodies())
    ctx = tls.create_client_context(method=tls.DEFAULT_METHOD)
    client = tcp.TCPClient(("example.com", 443))
    db = io.DBHandler("flows.sqlite")
    hello = tls.ClientHello.from_file(client.rfile)
    return ServerThread(m.server), ctx, client, db, hello, compat.new_proxy_core
