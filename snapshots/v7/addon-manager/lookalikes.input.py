"""Already passes Hook objects; also has an unrelated trigger() of its own."""
from mitmproxy import ctx, hooks


class Alarm:
    def trigger(self, name, value):
        ctx.log.warn(f"alarm {name}: {value}")


class Notifier:
    def __init__(self):
        self.alarm = Alarm()

    def response(self, flow):
        if flow.response.status_code >= 500:
            self.alarm.trigger("update", flow.response.status_code)
        ctx.master.addons.trigger(hooks.UpdateHook([flow]))
        # ctx.master.addons.trigger("update", [flow]) was the mitmproxy 6 call


addons = [Notifier()]
