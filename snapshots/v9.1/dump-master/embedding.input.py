"""Run mitmdump from a Python program, quietly (mitmproxy 9)."""
import asyncio

from mitmproxy import options
from mitmproxy.tools.dump import DumpMaster

from recorder import Recorder


async def start_proxy(port: int):
    opts = options.Options(listen_host="127.0.0.1", listen_port=port)
    master = DumpMaster(opts, False, False)
    master.addons.add(Recorder())
    await master.run()
    return master


class QuietMaster(DumpMaster):
    def __init__(self, opts):
        super().__init__(opts, False)


if __name__ == "__main__":
    asyncio.run(start_proxy(8080))
