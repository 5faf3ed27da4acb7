"""load() also declares an option, so the registration stays there; the remove() in done() is a no-op."""
from mitmproxy import contentviews, ctx


class MaskedView(contentviews.Contentview):
    name = "Masked"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        text = data.decode("utf-8", "replace")
        for secret in ctx.options.masked_words.split(","):
            if secret:
                text = text.replace(secret, "*" * len(secret))
        return text


view = MaskedView()


def load(loader):
    loader.add_option("masked_words", str, "", "Comma-separated words to mask in the Masked view.")
    contentviews.add(view)
