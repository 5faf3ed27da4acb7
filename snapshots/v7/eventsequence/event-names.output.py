"""Check an option naming hooks to trace against the known event names."""
from mitmproxy import ctx, hooks


class HookTracer:
    def load(self, loader):
        loader.add_option("trace_hooks", str, "", "Comma-separated hook names to trace.")

    def configure(self, updated):
        if "trace_hooks" in updated:
            for name in ctx.options.trace_hooks.split(","):
                if name and name not in hooks.all_hooks.keys():
                    ctx.log.warn(f"unknown hook {name}")

    def running(self):
        known = [n for n in hooks.all_hooks.keys() if n.startswith("tcp_")]
        ctx.log.info(f"tcp hooks: {known}")


addons = [HookTracer()]
