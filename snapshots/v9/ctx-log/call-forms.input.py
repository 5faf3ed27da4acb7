from mitmproxy import ctx


def running():
    ctx.log("proxy is running")


def request(flow):
    ctx.log("request to " + flow.request.host, "debug")
    if "token" in flow.request.query:
        ctx.log(
            "token in query string",
            level="warn",
        )


def done():
    ctx.log("bye", "alert")
