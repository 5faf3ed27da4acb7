# Greets every WebSocket client (the script imports nothing from mitmproxy).


from mitmproxy import ctx


def websocket_start(flow):
    ctx.master.commands.call("inject.websocket", flow, True, "Welcome, caf\u00e9 guest!".encode(), True)
    ctx.master.commands.call("inject.websocket", flow, True, rb'raw \d text', True)
