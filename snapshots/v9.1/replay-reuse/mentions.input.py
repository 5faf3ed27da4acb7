"""Strings that only mention the old option name, and our own option with a longer name."""
from mitmproxy import ctx


def load(loader):
    loader.add_option("server_replay_nopop_count", int, 0, "How often server_replay_nopop was toggled")


def configure(updated):
    if "server_replay_nopop_count" in updated:
        ctx.log.info("server_replay_nopop has a new name in mitmproxy 10")
