from django.conf import settings
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class CountedPagination(PageNumberPagination):
    """Pages with the total `count`; `page_size` up to API_MAX_PAGE_SIZE (a larger value is a 400, not clamped)."""

    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
    page_size_query_description = f"Results per page (1–{settings.API_MAX_PAGE_SIZE}; default 50)."

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {
                    "page_size": {
                        "message": "Invalid page size.",
                        "accepts": f"an integer from 1 to {self.max_page_size}",
                    }
                }
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and (not raw.isdigit() or int(raw) < 1):
            raise ValidationError({"page": {"message": "Invalid page.", "accepts": "a positive integer"}})
        return super().paginate_queryset(queryset, request, view)
