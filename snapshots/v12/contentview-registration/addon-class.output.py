from mitmproxy import contentviews


class Base64View(contentviews.Contentview):
    name = "Base64"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        import base64

        return base64.b64decode(data).decode("utf-8", "replace")


class ViewRegistrar:
    def __init__(self):
        self.view = Base64View()

    def load(self, loader):
        contentviews.add(self.view)

    def configure(self, updated):
        pass


addons = [ViewRegistrar()]
