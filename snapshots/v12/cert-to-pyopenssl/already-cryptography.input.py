"""Already on the v12 API: to_cryptography(); the to_pyopenssl mentioned here is only text."""
import logging

from cryptography.x509.oid import NameOID


def tls_established_client(data) -> None:
    # Previously: data.conn.certificate_list[0].to_pyopenssl()
    for cert in data.conn.certificate_list:
        c = cert.to_cryptography()
        cn = c.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        logging.info("client certificate: %s (not to_pyopenssl)", cn[0].value if cn else "?")
