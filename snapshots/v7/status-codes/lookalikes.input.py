# The standard library's HTTPStatus and a constant of our own keep their names.
from http import HTTPStatus

from mitmproxy import http

REQUEST_ENTITY_TOO_LARGE = 413


def response(flow: http.HTTPFlow):
    if flow.response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
        flow.response.headers["x-note"] = "REQUEST_ENTITY_TOO_LARGE"
    elif flow.response.status_code == REQUEST_ENTITY_TOO_LARGE:
        pass
