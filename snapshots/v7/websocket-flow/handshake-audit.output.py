# Records the handshake of each WebSocket connection and waits for it to close.
import time

from mitmproxy import ctx

SEEN = {}


def websocket_start(flow):
    SEEN[flow.id] = {
        "key": flow.request.headers.get("sec-websocket-key"),
        "accept": flow.response.headers.get("sec-websocket-accept"),
        "extensions": (flow.request.headers.get("sec-websocket-extensions"), flow.response.headers.get("sec-websocket-extensions")),
        "protocol": flow.response.headers.get("sec-websocket-protocol"),
        "path": flow.request.path,
        "ua": flow.request.headers.get("user-agent"),
    }


def websocket_end(flow):
    while flow.websocket.timestamp_end is None:
        time.sleep(0.1)
    finished = (flow.websocket.timestamp_end is not None) == True
    server_closed = flow.websocket.closed_by_client is not False
    ctx.log.info(f"{flow.id}: {SEEN.pop(flow.id, None)} finished={finished} server={server_closed}")
