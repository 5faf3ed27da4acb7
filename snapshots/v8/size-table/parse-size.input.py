"""The same budget check through human.parse_size (works on every version)."""
from mitmproxy import ctx, http
from mitmproxy.utils import human

SIZE_TABLE = {"k": 1024}


def response(flow: http.HTTPFlow) -> None:
    budget = human.parse_size(ctx.options.body_budget) or SIZE_TABLE["k"]
    if len(flow.response.raw_content or b"") > budget:
        ctx.log.warn(f"{flow.request.pretty_url} is over budget")
