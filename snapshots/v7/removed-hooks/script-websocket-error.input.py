# Count WebSocket failures: mitmproxy -s ws_failures.py
failures = 0


def websocket_error(flow):
    global failures
    failures += 1
    print("websocket failures:", failures)


def done():
    print("total websocket failures:", failures)
