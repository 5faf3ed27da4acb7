# Run mitmdump with this addon and a fixed outgoing address.
import subprocess
import sys

from mitmproxy import ctx

ARGS = ["--set", "upstream_bind_address=10.0.0.2", "--set", "ssl_insecure=true"]


def request(flow):
    ctx.log.debug(flow.request.url)


if __name__ == "__main__":
    subprocess.run(["mitmdump", "-s", __file__, *ARGS, "--set spoof_source_address=true"] + sys.argv[1:])
