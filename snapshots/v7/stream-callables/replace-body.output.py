"""Stream large downloads and replace a string on the fly."""


def replace_foo(chunk):
    return chunk.replace(b"foo", b"bar")


def responseheaders(flow):
    if int(flow.response.headers.get("content-length", "0")) > 1024 * 1024:
        flow.response.stream = replace_foo
