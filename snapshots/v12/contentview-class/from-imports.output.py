"""A CSV table view; the contentview names are imported directly."""
import csv
import io

from mitmproxy.contentviews import add, Contentview, Metadata


def _to_str(text: str | bytes) -> str:
    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)
    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")


class ViewCsvTable(Contentview):
    name = "CSV table"

    def prettify(self, data: bytes, metadata: Metadata) -> str:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8", "replace"))))
        widths = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(max(map(len, rows), default=0))]
        table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows)
        return _to_str(table)

    def render_priority(self, data: bytes, metadata: Metadata) -> float:
        return 1 if metadata.content_type == "text/csv" else 0


add(ViewCsvTable())
