"""Run mitmdump inside a test harness and stop it from a watchdog thread (mitmproxy 7)."""
import threading

from mitmproxy import ctx, options
from mitmproxy.tools.dump import DumpMaster


class Watchdog:
    def running(self):
        threading.Thread(target=self.watch, daemon=True).start()

    def watch(self):
        if not ctx.master.should_exit.wait(timeout=300):
            ctx.master.shutdown()


def main():
    opts = options.Options(listen_host="127.0.0.1", listen_port=8081)
    master = DumpMaster(opts, with_termlog=False, with_dumper=False)
    master.addons.add(Watchdog())
    try:
        master.run()
    except KeyboardInterrupt:
        master.shutdown()


if __name__ == "__main__":
    main()
