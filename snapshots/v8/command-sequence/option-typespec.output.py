"""Block a list of paths given with --set blocked_paths=/admin --set blocked_paths=/debug."""
from typing import Optional
from collections.abc import Sequence

from mitmproxy import command, ctx, http


def load(loader):
    loader.add_option(
        name="blocked_paths",
        typespec=Sequence[str],
        default=[],
        help="Paths that answer 404",
    )


def request(flow: http.HTTPFlow) -> None:
    if any(flow.request.path.startswith(p) for p in ctx.options.blocked_paths):
        flow.response = http.Response.make(404)


@command.command("paths.blocked")
def blocked(prefix: Optional[str] = None) -> Sequence[str]:
    return [p for p in ctx.options.blocked_paths if prefix is None or p.startswith(prefix)]
