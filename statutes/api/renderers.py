"""CSV for every list: one row per result, multi-valued fields joined with "|", nested values as JSON."""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer, JSONRenderer

LIST_SEPARATOR = "|"


def flatten(value):
    """One CSV cell: lists of scalars joined by "|", quote segments joined by " … ", other structures as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(isinstance(v, dict) and set(v) <= {"text", "pinpoint"} for v in value) and value:
            return " … ".join(v["text"] for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            return LIST_SEPARATOR.join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def to_csv(rows, columns=None):
    rows = list(rows)
    if columns is None:
        columns = []
        for row in rows:
            columns += [key for key in row if key not in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([flatten(row.get(column)) for column in columns])
    return buffer.getvalue()


class FlatCSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data and isinstance(data["results"], list):
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        return to_csv(rows).encode("utf-8")


class SafeJSONRenderer(JSONRenderer):
    """JSON with <, > and & escaped (\\u003c …), so no echoed input can ever be read as markup."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
