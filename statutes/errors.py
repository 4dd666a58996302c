"""Friendly error pages, and JSON errors under /api/."""

from django.http import JsonResponse
from django.shortcuts import render


def _respond(request, status, message, template):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": message}, status=status)
    return render(request, template, {"message": message}, status=status)


def bad_request(request, exception=None):
    return _respond(request, 400, "Bad request.", "400.html")


def permission_denied(request, exception=None):
    return _respond(request, 403, "Forbidden.", "403.html")


def not_found(request, exception=None):
    return _respond(request, 404, "Not found.", "404.html")


def server_error(request):
    return _respond(request, 500, "Server error: the problem has been logged.", "500.html")
