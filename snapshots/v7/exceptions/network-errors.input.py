# Replays a request to a mirror and tolerates network failures.
from mitmproxy import ctx, exceptions
from mitmproxy.exceptions import TlsException


class Mirror:
    def response(self, flow):
        try:
            self.send_to_mirror(flow)
        except exceptions.TcpDisconnect:
            ctx.log.info("mirror went away")
        except (exceptions.HttpException, ValueError) as e:
            ctx.log.warn(f"mirror failed: {e}")
        except TlsException:
            raise exceptions.Kill()

    def send_to_mirror(self, flow):
        if flow.request.host.endswith(".local"):
            raise exceptions.ContentViewException("local hosts are not mirrored")


addons = [Mirror()]
