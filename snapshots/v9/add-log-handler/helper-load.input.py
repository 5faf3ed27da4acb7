"""A script whose load() is a helper it calls itself, so it cannot host the handler."""
import json

from mitmproxy import http

RULES = {}


def load(path):
    with open(path) as fh:
        RULES.update(json.load(fh))


def add_log(entry):
    if entry.level == "error":
        load("rules.json")


def request(flow: http.HTTPFlow):
    if flow.request.host in RULES:
        flow.request.headers["x-rule"] = RULES[flow.request.host]
