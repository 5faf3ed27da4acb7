"""Its own Events enum; mitmproxy's eventsequence only appears in a comment."""
import enum

from mitmproxy import ctx


class Events(enum.Enum):
    SEEN = "seen"
    BLOCKED = "blocked"


def request(flow):
    # mitmproxy 6 had eventsequence.Events; this is our own enum
    if Events.SEEN.value in flow.request.path:
        ctx.log.info("seen")
