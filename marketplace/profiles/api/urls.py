"""Worker profiles: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.profiles.api import views as profiles

urlpatterns = [
    path("profile/", profiles.OwnProfileView.as_view(), name="profile-own"),
    path("profile/groups", profiles.ProfileGroupsView.as_view(), name="profile-groups"),
    path("profile/experiences", profiles.ExperienceCreateView.as_view(), name="profile-experiences"),
    path("profile/certificates", profiles.CertificateCreateView.as_view(), name="profile-certificates"),
    path("profiles/<int:pk>/", profiles.ProfileDetailView.as_view(), name="profile-detail"),
    path("group-tags/<int:pk>/confirm", profiles.GroupTagConfirmView.as_view(), name="group-tag-confirm"),
    path(
        "profiles/<int:pk>/verify-identity",
        profiles.ProfileVerifyIdentityView.as_view(),
        name="profile-verify-identity",
    ),
]
