"""user:pass credentials and a LDAP spec are not htpasswd files; nothing to report."""
from mitmproxy import ctx


def running():
    ctx.options.proxyauth = "alice:secret"


def configure(updated):
    if "ldap_server" in updated:
        ctx.options.update(proxyauth="ldaps:ldap.example.com:cn=admin,dc=example:pw:ou=users,dc=example")
