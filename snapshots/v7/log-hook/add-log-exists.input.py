"""Half-migrated: has both the old and the new name of the log hook."""
from mitmproxy import ctx


class Collector:
    def __init__(self):
        self.entries = []

    def log(self, entry):
        self.entries.append(entry.msg)

    def add_log(self, entry):
        self.entries.append(entry.msg)

    def done(self):
        ctx.log.info(f"{len(self.entries)} entries")


addons = [Collector()]
