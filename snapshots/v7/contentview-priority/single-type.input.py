# A view for plain-text log files (tab-indented, CRLF line ends).
from mitmproxy.contentviews import base


class LogView(base.View):
	name = "Log"
	content_types = ('text/x-log',)

	def __call__(self, data, **metadata):
		return "Log", base.format_text(data)


class ColoredLogView(LogView):
	name = "Colored log"
	content_types = [
		'text/x-colored-log',
		'text/x-ansi-log',
	]
