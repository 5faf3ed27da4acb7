# A view for plain-text log files (tab-indented, CRLF line ends).
from mitmproxy.contentviews import base


class LogView(base.View):
	name = "Log"

	def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
		return 1 if content_type in ('text/x-log',) else 0

	def __call__(self, data, **metadata):
		return "Log", base.format_text(data)


class ColoredLogView(LogView):
	name = "Colored log"

	def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
		return 1 if content_type in ('text/x-colored-log', 'text/x-ansi-log') else 0
