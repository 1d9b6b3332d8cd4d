"""The occupation taxonomy: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.occupations.api import views as occupations

urlpatterns = [
    path("occupations/", occupations.OccupationListView.as_view(), name="occupation-list"),
    path("occupations/families/", occupations.OccupationFamilyListView.as_view(), name="occupation-family-list"),
    path("occupations/suggest", occupations.OccupationSuggestView.as_view(), name="occupation-suggest"),
]
