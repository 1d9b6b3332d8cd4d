"""Job postings: routes mounted at /api/ by config.api_urls (applying to one: the applications API)."""

from django.urls import path

from marketplace.postings.api import actions as posting_actions
from marketplace.postings.api import importing
from marketplace.postings.api import views as posting_views

urlpatterns = [
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
    path("moderation/postings/", posting_views.ModerationQueueView.as_view(), name="moderation-postings"),
]
