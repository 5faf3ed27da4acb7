# Count log entries per level: mitmproxy -s level_counter.py
import collections

from mitmproxy import ctx

levels = collections.Counter()


def add_log(entry):
    levels[entry.level] += 1


def done():
    ctx.log.info(f"log levels seen: {dict(levels)}")
