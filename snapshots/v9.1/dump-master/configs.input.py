"""Load options from config files before starting the master."""
from mitmproxy import optmanager, options
from mitmproxy.tools import dump


def build(paths, flags):
    opts = options.Options()
    optmanager.load_paths(opts, *paths)
    return dump.DumpMaster(opts, *flags)
