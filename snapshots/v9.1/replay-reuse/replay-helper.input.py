"""Replay recorded responses, optionally reusing them (mitmproxy 9)."""
import subprocess

from mitmproxy import command, ctx


class ReplayHelper:
    def configure(self, updated):
        if "server_replay_nopop" in updated:
            ctx.log.info(f"reuse responses: {ctx.options.server_replay_nopop}")

    @command.command("replay.sticky")
    def sticky(self, on: bool) -> None:
        ctx.options.server_replay_nopop = on
        ctx.options.update(server_replay_nopop=on, server_replay_refresh=True)

    @command.command("replay.spawn")
    def spawn(self, path: str) -> None:
        subprocess.Popen(["mitmdump", "--server-replay", path, "--set", "server_replay_nopop=true"])
        subprocess.Popen(f"mitmdump -S {path} --set server_replay_nopop".split())


addons = [ReplayHelper()]
