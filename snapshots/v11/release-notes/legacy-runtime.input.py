"""An old helper addon: custom options, legacy stdlib and header rules (mitmproxy 10)."""
import imp
import ssl
from distutils.version import LooseVersion

from mitmproxy import ctx


class Helper:
    def load(self, loader):
        loader.add_option("show_ignored_hosts", bool, False, "Log ignored hosts")
        loader.add_option("helper_min_version", str, "1.0", "Oldest client version")

    def running(self):
        ctx.options.modify_headers = ["/~bq password/X-Has-Password/1"]
        ctx.options.experimental_transparent_http3 = True

    def wrap(self, sock):
        return ssl.wrap_socket(sock)

    def too_old(self, v):
        return LooseVersion(v) < LooseVersion(ctx.options.helper_min_version) or imp is None


addons = [Helper()]
