# Streams uploads, lower-cases them and censors a word in streamed responses.
from typing import Iterable

from mitmproxy import http


class Censor:
    def _censor(self, data: bytes) -> bytes:
        """Replace the forbidden word in every chunk."""
        return data.replace(b"secret", b"******")

    def requestheaders(self, flow: http.HTTPFlow):
        flow.request.stream = lambda c: c.lower()

    def responseheaders(self, flow: http.HTTPFlow):
        flow.response.stream = self._censor


addons = [Censor()]
