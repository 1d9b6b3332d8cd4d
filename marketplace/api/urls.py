"""The marketplace API: accounts, occupations, postings, employers, profiles, applications, notices.

Mounted at /api/ with the other features' APIs by config.api_urls. Collections end in a slash, actions do not."""

from django.urls import path

from marketplace.api.views import (
    accounts,
    applications,
    employers,
    importing,
    notifications,
    occupations,
    posting_actions,
    profiles,
)
from marketplace.api.views import postings as posting_views

urlpatterns = [
    # Accounts
    path("auth/sms-code", accounts.SmsCodeView.as_view(), name="auth-sms-code"),
    path("auth/login", accounts.LoginView.as_view(), name="auth-login"),
    path("auth/signup", accounts.SignupView.as_view(), name="auth-signup"),
    path("auth/logout", accounts.LogoutView.as_view(), name="auth-logout"),
    path("auth/me", accounts.MeView.as_view(), name="auth-me"),
    # Occupation taxonomy
    path("occupations/", occupations.OccupationListView.as_view(), name="occupation-list"),
    path("occupations/families/", occupations.OccupationFamilyListView.as_view(), name="occupation-family-list"),
    path("occupations/suggest", occupations.OccupationSuggestView.as_view(), name="occupation-suggest"),
    # Postings
    path("postings/", posting_views.PostingListView.as_view(), name="posting-list"),
    path("postings/mine/", posting_views.PostingMineView.as_view(), name="posting-mine"),
    path("postings/import", importing.PostingImportView.as_view(), name="posting-import"),
    path("postings/<int:pk>/", posting_views.PostingDetailView.as_view(), name="posting-detail"),
    path("postings/<int:pk>/submit", posting_actions.PostingSubmitView.as_view(), name="posting-submit"),
    path("postings/<int:pk>/pause", posting_actions.PostingPauseView.as_view(), name="posting-pause"),
    path("postings/<int:pk>/resume", posting_actions.PostingResumeView.as_view(), name="posting-resume"),
    path("postings/<int:pk>/close", posting_actions.PostingCloseView.as_view(), name="posting-close"),
    path("postings/<int:pk>/renew", posting_actions.PostingRenewView.as_view(), name="posting-renew"),
    path("postings/<int:pk>/approve", posting_actions.PostingApproveView.as_view(), name="posting-approve"),
    path("postings/<int:pk>/reject", posting_actions.PostingRejectView.as_view(), name="posting-reject"),
    path("postings/<int:pk>/apply", applications.ApplyView.as_view(), name="posting-apply"),
    path(
        "postings/<int:pk>/applications/",
        applications.PostingApplicationListView.as_view(),
        name="posting-application-list",
    ),
    path("moderation/postings/", posting_views.ModerationQueueView.as_view(), name="moderation-postings"),
    # Employers and the arrears blacklist
    path("employers/", employers.EmployerRegisterView.as_view(), name="employer-register"),
    path("employers/<int:pk>/", employers.EmployerDetailView.as_view(), name="employer-detail"),
    path("employers/<int:pk>/verify", employers.EmployerVerifyView.as_view(), name="employer-verify"),
    path("employers/<int:pk>/grade", employers.EmployerGradeView.as_view(), name="employer-grade"),
    path("employers/<int:pk>/blacklist", employers.EmployerBlacklistView.as_view(), name="employer-blacklist"),
    path("employers/<int:pk>/logo", employers.EmployerLogoView.as_view(), name="employer-logo"),
    path("blacklist/<int:pk>/lift", employers.BlacklistLiftView.as_view(), name="blacklist-lift"),
    # Worker profiles
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
    # Notices and 今天可接活
    path("me/notifications", notifications.NotificationListView.as_view(), name="notification-list"),
    path("me/notifications/read", notifications.NotificationReadView.as_view(), name="notification-read"),
    # Applications
    path("applications/", applications.ApplicationListView.as_view(), name="application-list"),
    path("applications/<int:pk>/", applications.ApplicationDetailView.as_view(), name="application-detail"),
    path("applications/<int:pk>/advance", applications.ApplicationAdvanceView.as_view(), name="application-advance"),
    path("applications/<int:pk>/withdraw", applications.ApplicationWithdrawView.as_view(), name="application-withdraw"),
]
