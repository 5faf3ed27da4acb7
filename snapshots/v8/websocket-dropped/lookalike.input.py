"""Count dropped messages; a game's Kill object also takes killed=."""
from dataclasses import dataclass

from mitmproxy import http


@dataclass
class Kill:
    player: str
    killed: str


def websocket_message(flow: http.HTTPFlow):
    message = flow.websocket.messages[-1]
    if message.dropped:
        flow.metadata["dropped"] = flow.metadata.get("dropped", 0) + 1
    if b"frag" in message.content:
        flow.metadata["last_kill"] = Kill(player="p1", killed="p2")
