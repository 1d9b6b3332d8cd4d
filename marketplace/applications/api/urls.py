"""Applications: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.applications.api import views as applications

urlpatterns = [
    path("postings/<int:pk>/apply", applications.ApplyView.as_view(), name="posting-apply"),
    path(
        "postings/<int:pk>/applications/",
        applications.PostingApplicationListView.as_view(),
        name="posting-application-list",
    ),
    path("applications/", applications.ApplicationListView.as_view(), name="application-list"),
    path("applications/<int:pk>/", applications.ApplicationDetailView.as_view(), name="application-detail"),
    path("applications/<int:pk>/advance", applications.ApplicationAdvanceView.as_view(), name="application-advance"),
    path("applications/<int:pk>/withdraw", applications.ApplicationWithdrawView.as_view(), name="application-withdraw"),
]
