import logging

from mitmproxy import contentviews


class TokenView(contentviews.Contentview):
    name = "Token"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        return data.decode("ascii", "replace").replace(".", ".\n")


token_view = TokenView()
contentviews.add(token_view)


def running():
    logging.info("view %s is ready", token_view.name)
