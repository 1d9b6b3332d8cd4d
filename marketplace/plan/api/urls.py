"""The plan's dashboard: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.plan.api import views

urlpatterns = [
    path("plan/figures/", views.FiguresView.as_view(), name="plan-figures"),
    path("plan/targets/", views.TargetsView.as_view(), name="plan-targets"),
]
