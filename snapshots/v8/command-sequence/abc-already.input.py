"""Commands already annotated with collections.abc; typing.Sequence only in a helper."""
import typing
from collections.abc import Sequence

from mitmproxy import command, flow


def first(items: typing.Sequence[str]) -> str:
    return items[0]


class Export:
    @command.command("export.urls")
    def urls(self, flows: Sequence[flow.Flow]) -> Sequence[str]:
        return [f.request.url for f in flows]


addons = [Export()]
