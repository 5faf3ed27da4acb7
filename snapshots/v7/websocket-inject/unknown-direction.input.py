# Broadcasts a banner to one side, picked at runtime.
import json

from mitmproxy import ctx


class Banner:
    def __init__(self):
        self.to_client = True

    def websocket_message(self, flow):
        endpoint = flow.client_conn if self.to_client else flow.server_conn
        flow.inject_message(endpoint, "banner")
        flow.inject_message(flow.client_conn, json.dumps({"banner": True}))
        self.flows()[0].inject_message(flow.client_conn, "x")

    def flows(self):
        return []


addons = [Banner()]
