# List the known events at startup: mitmproxy -s list_events.py
from mitmproxy import ctx, hooks


def running():
    for name in hooks.all_hooks.keys():
        ctx.log.info(name)
