"""Search and recommendations, mounted at /api/ by config.api_urls."""

from django.urls import path

from matching.api import views

urlpatterns = [
    path("search/postings", views.PostingSearchView.as_view(), name="search-postings"),
    path("recommendations/jobs", views.JobRecommendationsView.as_view(), name="recommendations-jobs"),
    path("postings/<int:pk>/candidates", views.PostingCandidatesView.as_view(), name="posting-candidates"),
]
