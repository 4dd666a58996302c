"""Read-path middleware: anonymous throttling, whole-response caching and conditional GET, all keyed on
the data version that every load and admin edit bumps."""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.http import http_date, parse_etags

from statutes.models import DataVersion

SKIP_PREFIXES = ("/admin/", "/static/", "/healthz")
CACHE_MAX_BYTES = 64 * 1024 * 1024


class ResponseCache:
    """Rendered responses kept in this process (no pickling): bytes and headers, least recently used out.

    Keys include the data version, so a load or an admin edit makes every older entry unreachable."""

    def __init__(self, max_bytes=CACHE_MAX_BYTES):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
        if entry is None:
            return None
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response

    def set(self, key, response):
        content = response.content
        headers = [(k, v) for k, v in response.items()]
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (content, headers)
            self.size += len(content)
            while self.size > self.max_bytes and self.entries:
                _, (old, _) = self.entries.popitem(last=False)
                self.size -= len(old)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


RESPONSES = ResponseCache()
THROTTLED_PREFIXES = ("/api/", "/search/", "/eligibility/")


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def throttle(request):
    """A fixed one-minute window per client address; returns the seconds to wait, or None."""
    limit = settings.ANON_REQUESTS_PER_MINUTE
    if not limit:
        return None
    now = time.time()
    window = int(now // 60)
    key = f"throttle:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=61):
        return None
    try:
        count = cache.incr(key)
    except ValueError:
        return None
    if count > limit:
        return max(1, int(60 - now % 60))
    return None


def too_many(request, wait):
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": f"Too many requests: at most {settings.ANON_REQUESTS_PER_MINUTE} a minute. Retry in {wait} s."},
            status=429,
        )
    else:
        response = HttpResponse(
            f"Too many requests. Please retry in {wait} seconds.", status=429, content_type="text/plain; charset=utf-8"
        )
    response["Retry-After"] = str(wait)
    return response


_version = {"value": None, "read_at": 0.0}


def data_version():
    """(version, changed_at), re-read from the database at most every DATA_VERSION_TTL seconds."""
    ttl = settings.DATA_VERSION_TTL
    now = time.monotonic()
    if _version["value"] is None or now - _version["read_at"] >= ttl:
        _version["value"] = DataVersion.current()
        _version["read_at"] = now
    return _version["value"]


class RejectNulMiddleware:
    """A NUL byte in the path or query is never meaningful (and PostgreSQL refuses it): answer 400 at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "").lower()
        if "\x00" in request.path or "%00" in raw or "\x00" in raw:
            if request.path.startswith("/api/"):
                return JsonResponse({"error": "Bad request: NUL bytes are not allowed."}, status=400)
            return HttpResponse(
                "Bad request: NUL bytes are not allowed.", status=400, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class DataVersionMiddleware:
    """GETs answered from the data: throttled for anonymous clients, cached whole, revalidated by ETag."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(SKIP_PREFIXES):
            return self.get_response(request)
        anonymous = "sessionid" not in request.COOKIES
        # "Cache-Control: no-cache" asks for a fresh answer (and lets a benchmark measure the uncached path).
        use_cache = anonymous and "no-cache" not in request.headers.get("Cache-Control", "")
        if anonymous and request.path.startswith(THROTTLED_PREFIXES):
            wait = throttle(request)
            if wait:
                return self._cors(request, too_many(request, wait))
        version, changed_at = data_version()
        key = "|".join((str(version), request.get_full_path(), request.headers.get("Accept", "")))
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        etag = f'W/"{digest}"'
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
        else:
            response = RESPONSES.get(digest) if use_cache else None
            if response is None:
                response = self.get_response(request)
                if anonymous and response.status_code == 200 and not getattr(response, "streaming", False):
                    if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                        response.render()
                    response["ETag"] = etag
                    if changed_at:
                        response["Last-Modified"] = http_date(changed_at.timestamp())
                    RESPONSES.set(digest, response)
        if response.status_code in (200, 304):
            response["ETag"] = etag
            if changed_at:
                response["Last-Modified"] = http_date(changed_at.timestamp())
        return self._cors(request, response)

    @staticmethod
    def _cors(request, response):
        if request.path.startswith("/api/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After, Content-Disposition"
        return response
