# Tests for the header addon (run with pytest).
from mitmproxy.test import taddons, tflow

import addheader


def test_request():
    a = addheader.AddHeader()
    with taddons.context(a) as tctx:
        f = tflow.tflow()
        tctx.invoke(a, "request", f)
        assert f.request.headers["x-added"] == "1"


def test_websocket():
    a = addheader.AddHeader()
    tctx = taddons.context(a)
    f = tflow.twebsocketflow()
    tctx.invoke(a, "websocket_message", f)
    assert f.messages
