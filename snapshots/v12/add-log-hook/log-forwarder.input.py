"""Forward warnings and errors to a chat webhook (mitmproxy 9 style, with the add_log event)."""
import json
import urllib.request

WEBHOOK = "https://chat.example/hooks/proxy"


class LogForwarder:
    def add_log(self, entry):
        if entry.level in ("warn", "error"):
            body = json.dumps({"text": f"[{entry.level}] {entry.msg}"}).encode()
            urllib.request.urlopen(WEBHOOK, body, timeout=2)

    def done(self):
        pass


addons = [LogForwarder()]
