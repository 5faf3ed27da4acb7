"""Collect warnings and errors and write them to a report when mitmproxy stops."""
from mitmproxy import ctx


class LogCollector:
    def __init__(self):
        self.problems = []

    def load(self, loader):
        """Options of the collector."""
        loader.add_option("problem_report", str, "problems.txt", "Where to write warnings and errors")

    def add_log(self, entry):
        if entry.level in ("warn", "error"):
            self.problems.append(f"{entry.level.upper()}: {entry.msg}")

    def done(self):
        with open(ctx.options.problem_report, "w") as fh:
            fh.write("\n".join(self.problems))


addons = [LogCollector()]
