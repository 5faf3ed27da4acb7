# Greets every WebSocket client (the script imports nothing from mitmproxy).


def websocket_start(flow):
    flow.inject_message(flow.client_conn, "Welcome, caf\u00e9 guest!")
    flow.inject_message(flow.client_conn, r'raw \d text')
