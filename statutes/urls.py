from django.urls import path

from statutes import feeds, views

app_name = "statutes"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("jurisdictions/<str:code>/", views.JurisdictionView.as_view(), name="jurisdiction"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("compare/side-by-side/", views.SideBySideView.as_view(), name="side_by_side"),
    path("codebook/", views.CodebookView.as_view(), name="codebook"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("eligibility/", views.EligibilityPageView.as_view(), name="eligibility"),
    path("changes/", views.ChangesView.as_view(), name="changes"),
    path("changes/feed/", feeds.ChangesFeed(), name="changes_feed"),
    path("changes/feed/<str:code>/", feeds.ChangesFeed(), name="changes_feed_jurisdiction"),
]
