# The mitmproxy 7 forms, and a cache with a get_cert method of its own.
from mitmproxy import certs, ctx


class Cache:
    def get_cert(self, name):
        return None


cache = Cache()
key, ca = certs.create_ca("Test Org", "Test CA", 2048)


def running():
    cache.get_cert("example.com")
    ctx.log.info(str(certs.CA_EXPIRY))
