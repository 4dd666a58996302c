from django.contrib import admin
from django.urls import include, path

from statutes.views import healthz

admin.site.site_header = "US criminal harassment law — editors"
admin.site.site_title = "Harassment law editors"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("statutes.api.urls")),
    path("", include("statutes.urls")),
]

handler400 = "statutes.errors.bad_request"
handler403 = "statutes.errors.permission_denied"
handler404 = "statutes.errors.not_found"
handler500 = "statutes.errors.server_error"
