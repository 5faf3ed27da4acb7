"""Run mitmproxy from a script (embedding) and collect the hosts it saw."""
from mitmproxy import options
from mitmproxy.connections import ServerConnection
from mitmproxy.tools.dump import DumpMaster

HOSTS = set()


class Collector:
    def request(self, flow):
        HOSTS.add(flow.request.host)

    def log(self, entry):
        if entry.level == "error":
            print("mitmproxy error:", entry.msg)


def probe(address):
    return ServerConnection(address)


def main():
    opts = options.Options(listen_host="127.0.0.1", listen_port=8081)
    master = DumpMaster(opts, False, False)
    master.addons.add(Collector())
    try:
        master.run()
    finally:
        print(sorted(HOSTS))


if __name__ == "__main__":
    main()
