# Records the handshake of each WebSocket connection and waits for it to close.
import time

from mitmproxy import ctx

SEEN = {}


def websocket_start(flow):
    SEEN[flow.id] = {
        "key": flow.client_key,
        "accept": flow.server_accept,
        "extensions": (flow.client_extensions, flow.server_extensions),
        "protocol": flow.server_protocol,
        "path": flow.handshake_flow.request.path,
        "ua": flow.handshake_flow.request.headers.get("user-agent"),
    }


def websocket_end(flow):
    while not flow.ended:
        time.sleep(0.1)
    finished = flow.ended == True
    server_closed = flow.close_sender != "server"
    ctx.log.info(f"{flow.id}: {SEEN.pop(flow.id, None)} finished={finished} server={server_closed}")
