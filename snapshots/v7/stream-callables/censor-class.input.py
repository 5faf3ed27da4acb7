# Streams uploads, lower-cases them and censors a word in streamed responses.
from typing import Iterable

from mitmproxy import http


class Censor:
    def _censor(self, chunks: Iterable[bytes]) -> Iterable[bytes]:
        """Replace the forbidden word in every chunk."""
        for data in chunks:
            yield data.replace(b"secret", b"******")

    def requestheaders(self, flow: http.HTTPFlow):
        flow.request.stream = lambda chunks: (c.lower() for c in chunks)

    def responseheaders(self, flow: http.HTTPFlow):
        flow.response.stream = self._censor


addons = [Censor()]
