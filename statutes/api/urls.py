from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from statutes.api import export, views

app_name = "api"

router = DefaultRouter()
router.register("jurisdictions", views.JurisdictionViewSet, basename="jurisdiction")
router.register("offenses", views.OffenseViewSet, basename="offense")
router.register("prongs", views.ProngViewSet, basename="prong")
router.register("penalty-classes", views.PenaltyClassViewSet, basename="penaltyclass")
router.register("decisions", views.DecisionViewSet, basename="courtdecision")
router.register("diversion-programs", views.DiversionProgramViewSet, basename="diversionprogram")

urlpatterns = [
    path("v1/eligibility/", views.EligibilityView.as_view(), name="eligibility"),
    path("v1/export.json", export.ExportJSONView.as_view(), name="export-json"),
    path("v1/export.zip", export.ExportZipView.as_view(), name="export-zip"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so the page needs no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
