"""Keyword construction works on 7.0 – 12; a look-alike Client class of a chat library."""
import time

from chat import Client as ChatClient
from mitmproxy import connection


def fake_server(host):
    return connection.Server(address=(host, 443))


def fake_client():
    return connection.Client(
        peername=("10.0.0.7", 51000),
        sockname=("10.0.0.1", 8080),
        timestamp_start=time.time(),
        state=connection.ConnectionState.OPEN,
    )


def notify(text):
    ChatClient("https://chat.example", "token").send(text)
