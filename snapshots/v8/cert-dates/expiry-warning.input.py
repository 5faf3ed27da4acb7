"""Warn about upstream certificates that expire within two weeks."""
import datetime

from mitmproxy import ctx, http

SOON = datetime.timedelta(days=14)


class ExpiryWatch:
    def response(self, flow: http.HTTPFlow) -> None:
        certs = flow.server_conn.certificate_list
        if not certs:
            return
        leaf = certs[0]
        now = datetime.datetime.now()
        if leaf.notafter - now < SOON:
            ctx.log.warn(f"{flow.request.host}: certificate expires {leaf.notafter:%Y-%m-%d}")
        if (leaf.notbefore) > now:
            ctx.log.warn(f"{flow.request.host}: certificate not valid yet")
        flow.metadata["cert_expires"] = leaf.notafter.isoformat()


addons = [ExpiryWatch()]
