# Rewrites a chat protocol that speaks JSON text frames.
import json
import re

from mitmproxy import ctx


def websocket_message(flow):
    last = flow.messages[-1]
    if "ping" in last.text:
        last.text = "pong"
    elif "user" not in last.text:
        last.text = f'{{"server": "{ctx.options.listen_host}"}}'


def websocket_end(flow):
    for message in flow.messages:
        if message.content.startswith("{") or message.content[0] == "[":
            data = json.loads(message.content)
            ctx.log.info(str(data))
        greeting = re.sub(r"^Hello", "HAPPY", message.content)
        if message.content == "bye":
            ctx.log.info(greeting)
        message.content += " [seen]"
