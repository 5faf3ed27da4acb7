"""Log consumers that cannot become a plain handler automatically."""
from mitmproxy import ctx, log


class Forwarder:
    def __init__(self):
        self.entries: list[log.LogEntry] = []

    def add_log(self, entry: log.LogEntry):
        self.entries.append(entry)


class Echo:
    def add_log(self, entry):
        if entry.level == "error":
            ctx.log.info("saw an error: " + entry.msg)


class Base:
    def load(self, loader):
        loader.add_option("verbose", bool, False, "Say more")


class Counter(Base):
    def __init__(self):
        self.count = 0

    def add_log(self, entry):
        if entry.level == "error":
            self.count += 1


addons = [Forwarder(), Echo(), Counter()]
