"""Employers and the wage-arrears blacklist: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.employers.api import views as employers

urlpatterns = [
    path("employers/", employers.EmployerRegisterView.as_view(), name="employer-register"),
    path("employers/<int:pk>/", employers.EmployerDetailView.as_view(), name="employer-detail"),
    path("employers/<int:pk>/verify", employers.EmployerVerifyView.as_view(), name="employer-verify"),
    path("employers/<int:pk>/grade", employers.EmployerGradeView.as_view(), name="employer-grade"),
    path("employers/<int:pk>/blacklist", employers.EmployerBlacklistView.as_view(), name="employer-blacklist"),
    path("employers/<int:pk>/logo", employers.EmployerLogoView.as_view(), name="employer-logo"),
    path("blacklist/<int:pk>/lift", employers.BlacklistLiftView.as_view(), name="blacklist-lift"),
]
