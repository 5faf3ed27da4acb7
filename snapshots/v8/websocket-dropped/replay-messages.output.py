"""Rebuild WebSocket messages from a JSON log, keeping which ones were dropped."""
import json

from mitmproxy import http, websocket
from mitmproxy.websocket import WebSocketMessage as Msg
from wsproto.frame_protocol import Opcode


def load_messages(path):
    with open(path) as fh:
        for row in json.load(fh):
            yield websocket.WebSocketMessage(
                Opcode.TEXT,
                row["from_client"],
                row["content"].encode(),
                row["timestamp"],
                dropped=row.get("dropped", False),
            )


def websocket_start(flow: http.HTTPFlow):
    flow.metadata["replayed"] = list(load_messages("ws-log.json"))
    flow.metadata["marker"] = Msg(Opcode.TEXT, True, b"marker", dropped=True)
