# Exceptions that mitmproxy 7 still has, and requests' own Timeout.
import requests

from mitmproxy import ctx, exceptions
from mitmproxy.exceptions import CommandError


def request(flow):
    try:
        requests.get("http://audit.internal/" + flow.request.host, timeout=1)
    except requests.exceptions.Timeout:
        ctx.log.warn("audit service timed out (not a mitmproxy.exceptions.Timeout)")
    try:
        ctx.master.commands.call("view.focus.next")
    except (CommandError, exceptions.OptionsError, exceptions.ControlException):
        pass
