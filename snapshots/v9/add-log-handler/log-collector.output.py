"""Collect warnings and errors and write them to a report when mitmproxy stops."""
from mitmproxy import ctx
import logging
from mitmproxy.log import ALERT


class LogCollectorLogHandler(logging.Handler):
    """Passes log records to LogCollector.handle_log (the add_log event is deprecated since mitmproxy 9)."""

    LEVELS = {
        logging.DEBUG: "debug",
        logging.INFO: "info",
        ALERT: "alert",
        logging.WARNING: "warn",
        logging.ERROR: "error",
    }

    def __init__(self, callback):
        super().__init__()
        self.callback = callback

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.callback(record.getMessage(), self.LEVELS.get(record.levelno, "error"))
        except Exception:
            self.handleError(record)


class LogCollector:
    def __init__(self):
        self.problems = []

    def load(self, loader):
        """Options of the collector."""
        self.log_handler = LogCollectorLogHandler(self.handle_log)
        logging.getLogger().addHandler(self.log_handler)
        loader.add_option("problem_report", str, "problems.txt", "Where to write warnings and errors")

    def handle_log(self, msg, level):
        if level in ("warn", "error"):
            self.problems.append(f"{level.upper()}: {msg}")

    def done(self):
        logging.getLogger().removeHandler(self.log_handler)
        with open(ctx.options.problem_report, "w") as fh:
            fh.write("\n".join(self.problems))


addons = [LogCollector()]
