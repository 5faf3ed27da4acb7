"""Create a throw-away CA for a test environment."""
from mitmproxy import certs

key, ca = certs.create_ca("Test Org", "Test CA", certs.DEFAULT_EXP, 2048)
short_key, short_ca = certs.create_ca(organization="Test Org", cn="Short", exp=3600, key_size=2048)


def load(loader):
    loader.add_option("ca_days", int, certs.DEFAULT_EXP_DUMMY_CERT // 86400, "Validity of generated certificates")
