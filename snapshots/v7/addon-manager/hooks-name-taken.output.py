"""Keeps its own list called hooks, so `from mitmproxy import hooks` would shadow it."""
from mitmproxy import ctx
import mitmproxy.hooks

hooks = []


def request(flow):
    hooks.append(flow)
    if len(hooks) >= 10:
        ctx.master.addons.trigger(mitmproxy.hooks.UpdateHook(list(hooks)))
        hooks.clear()
