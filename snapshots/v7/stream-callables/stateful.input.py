# Counts streamed bytes and splits chunks at newlines; these need a rewrite by hand.
from mitmproxy import ctx


class Lines:
    def __init__(self):
        self.total = 0

    def split_lines(self, chunks):
        buf = b""
        for chunk in chunks:
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                yield line + b"\n"
        yield buf

    def count(self, chunks):
        for chunk in chunks:
            self.total += len(chunk)
            yield chunk

    def responseheaders(self, flow):
        flow.response.stream = self.split_lines if "text" in flow.response.headers.get("content-type", "") else self.count
        flow.request.stream = self.count
        flow.request.stream = map(bytes.upper, [])

    def done(self):
        ctx.log.info(f"{self.total} bytes streamed")


addons = [Lines()]
