"""Commands to tag flows and list their tags."""
import typing

from mitmproxy import command, ctx, flow
from collections.abc import Sequence


class Tagger:
    @command.command("tag.add")
    def add(self, flows: Sequence[flow.Flow], tag: str) -> None:
        for f in flows:
            f.metadata.setdefault("tags", []).append(tag)
        ctx.log.info(f"tagged {len(flows)} flows with {tag}")

    @command.command("tag.list")
    def list(self, flows: Sequence[flow.Flow]) -> Sequence[str]:
        return sorted({t for f in flows for t in f.metadata.get("tags", [])})

    def helper(self, names: typing.Optional[typing.List[str]]) -> int:
        return len(names or [])


addons = [Tagger()]
