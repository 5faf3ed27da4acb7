from mitmproxy import ctx


def request(flow):
    logging = flow.metadata.get("logging", False)
    if logging:
        ctx.log.info("request " + flow.request.url)
