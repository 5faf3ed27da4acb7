"""An addon that lists registered views and checks their type against contentviews.View."""
import logging

from mitmproxy import contentviews
from mitmproxy.contentviews import View


def describe(view: View) -> str:
    return f"{view.name} ({'legacy' if isinstance(view, contentviews.View) else 'v12'})"


class ViewLister:
    def running(self):
        for v in contentviews.views:
            logging.info("registered: %s", describe(v))


addons = [ViewLister()]
