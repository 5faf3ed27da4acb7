"""Mentions the old option name only in prose; nothing to rename."""
from mitmproxy import ctx


def running():
    # server_replay_nopop was the name before mitmproxy 10
    print("note: server_replay_nopop is now server_replay_reuse:", ctx.options.server_replay_reuse)
