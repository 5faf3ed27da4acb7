"""Colour server log lines (text/x-log) by level."""
from mitmproxy import contentviews

STYLES = {"ERROR": "error", "WARN": "warn", "INFO": "text", "DEBUG": "comment"}


def _lines_to_str(lines) -> str:
    # Joins mitmproxy 11 contentview lines ([(style, text), …] each) into the str a mitmproxy 12
    # contentview returns; styles are dropped (mitm-codemod, CV12-05)
    return "\n".join(
        "".join(t if isinstance(t, str) else t.decode("utf-8", "backslashreplace") for _style, t in line)
        for line in lines
    )


class ViewServerLog(contentviews.Contentview):
    name = "Server log"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        lines = []
        for raw in data.decode("utf-8", "replace").splitlines():
            level = raw.split(" ", 1)[0]
            lines.append([("title", level.ljust(6)), (STYLES.get(level, "text"), raw[len(level):].lstrip())])
        if not lines:
            raise ValueError("cannot prettify this data")
        return _lines_to_str(iter(lines))

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        if metadata.content_type == "text/x-log":
            return 1
        return 0


view = ViewServerLog()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
