import mitmproxy
from mitmproxy import ctx as c

log = c.log


def load(loader):
    log.info("loaded")


def configure(updated):
    if "upstream_cert" in updated:
        mitmproxy.ctx.log.warn("upstream_cert changed")


def response(flow):
    log.debug(flow.response.status_code)
    c.log.error("unexpected") if flow.response is None else None
