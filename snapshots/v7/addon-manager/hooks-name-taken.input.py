"""Keeps its own list called hooks, so `from mitmproxy import hooks` would shadow it."""
from mitmproxy import ctx

hooks = []


def request(flow):
    hooks.append(flow)
    if len(hooks) >= 10:
        ctx.master.addons.trigger("update", list(hooks))
        hooks.clear()
