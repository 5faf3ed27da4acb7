"""Dump flows as text files using the contentview helpers (no view class involved)."""
from pathlib import Path

from mitmproxy import http
from mitmproxy.contentviews import format_dict, format_text, TViewLine


def render(lines: list[TViewLine]) -> str:
    return "\n".join("".join(str(t) for _s, t in line) for line in lines)


def response(flow: http.HTTPFlow) -> None:
    head = render(list(format_dict(dict(flow.response.headers))))
    body = render(list(format_text(flow.response.get_text(strict=False) or "")))
    Path("dump", flow.id + ".txt").write_text(head + "\n\n" + body)
