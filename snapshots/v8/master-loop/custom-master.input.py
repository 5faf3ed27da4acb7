"""A master subclass that runs its own loop (mitmproxy 7)."""
import asyncio

from mitmproxy import options
from mitmproxy.tools import dump


class TestMaster(dump.DumpMaster):
    def run_until_idle(self):
        self.start()
        loop = asyncio.get_event_loop()
        self.run_loop(loop.run_forever)
        return self.should_exit.is_set()


def main():
    m = TestMaster(options.Options())
    print("stopped" if m.run_until_idle() else "idle")


if __name__ == "__main__":
    main()
