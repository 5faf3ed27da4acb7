# Run a DumpMaster from a script, with an extra setup function.
from mitmproxy import options
from mitmproxy.tools.dump import DumpMaster


def setup():
    print("ready")


opts = options.Options(listen_port=8081)
m = DumpMaster(opts)
m.run(setup)
