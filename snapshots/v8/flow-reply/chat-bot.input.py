"""Post every blocked request to a chat channel; the bot's reply object is not a flow's."""
from mitmproxy import http


class ChatBot:
    def __init__(self, channel):
        self.channel = channel
        self.reply = None

    def send(self, text):
        self.channel.post(text)


class Notifier:
    def __init__(self):
        self.bot = ChatBot("#proxy")

    def response(self, flow: http.HTTPFlow) -> None:
        if flow.response.status_code == 403:
            self.bot.reply = flow.request.pretty_url
            self.bot.send(f"blocked {self.bot.reply}")
            self.bot.reply.send("done") if hasattr(self.bot.reply, "send") else None


addons = [Notifier()]
