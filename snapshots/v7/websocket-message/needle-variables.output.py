"""Drop chat messages with banned words (mitmproxy 6: text message content was str)."""
BANNED = ("spam", "scam")
BANNED_BYTES = (b"\x00", b"\xff")


def websocket_message(flow):
    message = flow.messages[-1]
    if any(word in message.content for word in BANNED):
        message.drop()
    if any(b in message.content for b in BANNED_BYTES):
        message.drop()
    if b"ping" in message.content or "pong".encode() in message.content:
        print("keep-alive")
