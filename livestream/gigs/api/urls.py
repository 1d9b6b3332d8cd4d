"""The gig market's API (零工市场), mounted at /api/ by config.api_urls. Collections end in a slash, actions do not."""

from django.urls import path

from livestream.gigs.api import site_views as gig_site
from livestream.gigs.api import views as gigs

urlpatterns = [
    # The gig market (零工市场)
    path("gigs/", gigs.GigListView.as_view(), name="gig-list"),
    path("gigs/<int:pk>/claim", gigs.GigClaimView.as_view(), name="gig-claim"),
    path("gigs/<int:pk>/cancel", gigs.GigCancelView.as_view(), name="gig-cancel"),
    path("gig-claims/<int:pk>/cancel", gigs.GigClaimCancelView.as_view(), name="gig-claim-cancel"),
    path("gig-claims/<int:pk>/release", gigs.GigClaimReleaseView.as_view(), name="gig-claim-release"),
    path("gig-boards/<str:area>/events", gigs.BoardEventsView.as_view(), name="gig-board-events"),
    # 今天可接活
    path("me/availability", gigs.AvailabilityView.as_view(), name="availability"),
    # ...at the site: check-in, check-out, settlements, ratings, wage complaints
    path("gigs/mine/", gig_site.GigsMineView.as_view(), name="gig-mine"),
    path("gigs/<int:pk>/", gig_site.GigDetailView.as_view(), name="gig-detail"),
    path("gigs/<int:pk>/claims/", gig_site.GigClaimersView.as_view(), name="gig-claimers"),
    path("gigs/<int:pk>/check-in-code", gig_site.GigCheckInCodeView.as_view(), name="gig-check-in-code"),
    path("gigs/<int:pk>/check-in", gig_site.GigCheckInView.as_view(), name="gig-check-in"),
    path("gigs/<int:pk>/site", gig_site.GigSiteView.as_view(), name="gig-site"),
    path("gig-claims/mine/", gig_site.MyGigClaimsView.as_view(), name="gig-claim-mine"),
    path("gig-claims/<int:pk>/confirm", gig_site.GigClaimConfirmView.as_view(), name="gig-claim-confirm"),
    path("gig-claims/<int:pk>/no-show", gig_site.GigClaimNoShowView.as_view(), name="gig-claim-no-show"),
    path("gig-claims/<int:pk>/check-in", gig_site.GigClaimCheckInForView.as_view(), name="gig-claim-check-in"),
    path("gig-claims/<int:pk>/check-out", gig_site.GigClaimCheckOutView.as_view(), name="gig-claim-check-out"),
    path("gig-claims/<int:pk>/rating", gig_site.GigClaimRatingView.as_view(), name="gig-claim-rating"),
    path("gig-claims/<int:pk>/complaints", gig_site.GigClaimComplaintView.as_view(), name="gig-claim-complaint"),
    path("gig-settlements/<int:pk>/pieces", gig_site.SettlementPiecesView.as_view(), name="gig-settlement-pieces"),
    path("gig-settlements/<int:pk>/paid", gig_site.SettlementPaidView.as_view(), name="gig-settlement-paid"),
    path(
        "gig-settlements/<int:pk>/received", gig_site.SettlementReceivedView.as_view(), name="gig-settlement-received"
    ),
    path("gig-complaints/", gig_site.ComplaintListView.as_view(), name="gig-complaint-list"),
    path("gig-complaints/<int:pk>/", gig_site.ComplaintDetailView.as_view(), name="gig-complaint-detail"),
    path("gig-complaints/<int:pk>/advance", gig_site.ComplaintAdvanceView.as_view(), name="gig-complaint-advance"),
]
