"""Mirror mitmproxy's event log into a file."""
from mitmproxy import ctx, log


class LogMirror:
    def __init__(self):
        self.out = None

    def load(self, loader):
        loader.add_option("mirror_log", str, "events.txt", "Where to mirror the event log.")

    def configure(self, updated):
        if "mirror_log" in updated:
            self.out = open(ctx.options.mirror_log, "a")

    def log(self, entry: log.LogEntry):
        if self.out:
            self.out.write(f"[{entry.level}] {entry.msg}\n")

    def done(self):
        if self.out:
            self.out.close()


addons = [LogMirror()]
