"""Attach certificate dates to the flow; nothing compares them."""
from mitmproxy import http


def response(flow: http.HTTPFlow) -> None:
    for i, cert in enumerate(flow.server_conn.certificate_list):
        flow.metadata[f"cert{i}"] = {
            "cn": cert.cn,
            "notbefore": cert.notbefore.isoformat(),
            "notafter": str(cert.notafter),
        }
