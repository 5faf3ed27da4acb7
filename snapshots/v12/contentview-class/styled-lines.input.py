"""Colour server log lines (text/x-log) by level."""
from mitmproxy import contentviews

STYLES = {"ERROR": "error", "WARN": "warn", "INFO": "text", "DEBUG": "comment"}


class ViewServerLog(contentviews.View):
    name = "Server log"

    def __call__(self, data, **metadata):
        lines = []
        for raw in data.decode("utf-8", "replace").splitlines():
            level = raw.split(" ", 1)[0]
            lines.append([("title", level.ljust(6)), (STYLES.get(level, "text"), raw[len(level):].lstrip())])
        if not lines:
            return
        return "server log", iter(lines)

    def render_priority(self, data, **metadata):
        if metadata["content_type"] == "text/x-log":
            return 1
        return 0


view = ViewServerLog()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
