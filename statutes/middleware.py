"""Conditional GET and open CORS for reads, keyed on the data version."""

import hashlib

from django.utils.http import http_date, parse_etags

from statutes.models import DataVersion

SKIP_PREFIXES = ("/admin/", "/static/", "/healthz")


class DataVersionConditionalGetMiddleware:
    """A GET answered from the data can be revalidated: its ETag changes only when the data (or code) does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or request.path.startswith(SKIP_PREFIXES)
            or request.user.is_authenticated
        ):
            return self.get_response(request)
        version, changed_at = DataVersion.current()
        key = "|".join((str(version), request.get_full_path(), request.headers.get("Accept", "")))
        etag = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:20]}"'
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = self._not_modified(etag, changed_at)
        else:
            response = self.get_response(request)
            if response.status_code == 200 and not response.has_header("ETag"):
                response["ETag"] = etag
                if changed_at:
                    response["Last-Modified"] = http_date(changed_at.timestamp())
        if request.path.startswith("/api/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After, Content-Disposition"
        return response

    @staticmethod
    def _not_modified(etag, changed_at):
        from django.http import HttpResponseNotModified

        response = HttpResponseNotModified()
        response["ETag"] = etag
        if changed_at:
            response["Last-Modified"] = http_date(changed_at.timestamp())
        return response
