from mitmproxy import contentviews


def load(loader):
    """Register the view."""
    contentviews.add(LineNumbers())


class LineNumbers(contentviews.Contentview):
    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        lines = data.decode("utf-8", "replace").splitlines()
        return "\n".join(f"{i:4} {line}" for i, line in enumerate(lines, 1))
