# Options that still exist, and an options object that is not mitmproxy's.
import argparse

from mitmproxy import ctx

parser = argparse.ArgumentParser()
parser.add_argument("--ssl_version_client", default="secure")
options = parser.parse_args([])


def configure(updated):
    if "upstream_cert" in updated and ctx.options.upstream_cert:
        ctx.log.info(f"legacy setting ssl_version_client={options.ssl_version_client}")
