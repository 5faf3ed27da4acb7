"""Warn when a response body exceeds a human-readable budget such as "2m"."""
from mitmproxy import ctx, http
from mitmproxy.utils import human
from mitmproxy.utils.human import SIZE_TABLE


def load(loader):
    loader.add_option("body_budget", str, "2m", "Largest acceptable response body")


def response(flow: http.HTTPFlow) -> None:
    unit = ctx.options.body_budget[-1:]
    factor = human.SIZE_TABLE.get(unit, 1) if unit in SIZE_TABLE else 1
    if len(flow.response.raw_content or b"") > int(ctx.options.body_budget[:-1]) * factor:
        ctx.log.warn(f"{flow.request.pretty_url}: {human.pretty_size(len(flow.response.raw_content))}")
