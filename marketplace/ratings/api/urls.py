"""Ratings: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.ratings.api import views

urlpatterns = [path("ratings/", views.RatingView.as_view(), name="ratings")]
