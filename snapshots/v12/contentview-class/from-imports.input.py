"""A CSV table view; the contentview names are imported directly."""
import csv
import io
from typing import Optional

from mitmproxy.contentviews import View, add, format_text, TViewResult


class ViewCsvTable(View):
    name = "CSV table"

    def __call__(self, data: bytes, *, content_type: Optional[str] = None, **unknown_metadata) -> TViewResult:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8", "replace"))))
        widths = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(max(map(len, rows), default=0))]
        table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows)
        return f"CSV, {len(rows)} rows", format_text(table)

    def render_priority(self, data: bytes, *, content_type: Optional[str] = None, **unknown_metadata) -> float:
        return 1 if content_type == "text/csv" else 0


add(ViewCsvTable())
