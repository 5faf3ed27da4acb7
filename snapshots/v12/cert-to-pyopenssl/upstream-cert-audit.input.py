"""Warn when an upstream server presents a certificate that expires within a week."""
import datetime
import logging

from OpenSSL import crypto

from mitmproxy import connection


def server_connected(data) -> None:
    server: connection.Server = data.server
    if not server.certificate_list:
        return
    x509 = server.certificate_list[0].to_pyopenssl()
    not_after = datetime.datetime.strptime(x509.get_notAfter().decode(), "%Y%m%d%H%M%SZ")
    if not_after - datetime.datetime.utcnow() < datetime.timedelta(days=7):
        pem = crypto.dump_certificate(crypto.FILETYPE_PEM, x509)
        logging.warning("certificate of %s expires soon:\n%s", server.address, pem.decode())
