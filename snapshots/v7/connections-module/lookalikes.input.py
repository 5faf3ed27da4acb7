"""Uses the project's own connections module (a database pool), not mitmproxy's."""
import connections

from mitmproxy import ctx

pool = connections.Pool(size=4)


def response(flow):
    with pool.get() as db:
        db.execute("insert into flows values (?)", (flow.request.url,))
    ctx.log.debug("stored; see mitmproxy.connections in the mitmproxy 6 docs")
