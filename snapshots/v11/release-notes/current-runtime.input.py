"""Python 3.12-clean: importlib, SSLContext, header rules on headers only."""
import importlib
import ssl

from mitmproxy import ctx


class Helper:
    def load(self, loader):
        loader.add_option("helper_hosts", bool, False, "Log helper hosts")

    def running(self):
        ctx.options.modify_headers = ["/~q & ~h x-api/X-Api-Seen/1"]
        self.ctx = ssl.create_default_context()

    def plugin(self, name):
        return importlib.import_module(name)


addons = [Helper()]
