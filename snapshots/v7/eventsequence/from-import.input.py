# List the known events at startup: mitmproxy -s list_events.py
from mitmproxy import ctx
from mitmproxy.eventsequence import Events


def running():
    for name in Events:
        ctx.log.info(name)
