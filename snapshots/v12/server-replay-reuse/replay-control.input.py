"""Switch server replay into reuse mode when a flag file exists (mitmproxy 9 option name)."""
import os
import subprocess

from mitmproxy import ctx


class ReplayControl:
    def configure(self, updated):
        if "server_replay_nopop" in updated:
            print("reuse:", ctx.options.server_replay_nopop)

    def running(self):
        if os.path.exists("/tmp/replay-reuse"):
            ctx.options.server_replay_nopop = True
        ctx.options.update(server_replay_nopop=True, server_replay_kill_extra=False)

    def done(self):
        subprocess.run(["mitmdump", "-n", "--set", "server_replay_nopop=true", "-S", "flows.mitm"], check=False)


addons = [ReplayControl()]
