"""URLs of the mobile pages; names are what templates and tests refer to (namespace `frontend`)."""

from django.urls import path, re_path

from frontend.views import accounts, bureau, employer, gigs, live, notifications, postings, public, seeker, station

app_name = "frontend"

urlpatterns = [
    # Public
    path("", public.home, name="home"),
    path("jobs/", public.jobs, name="jobs"),
    path("jobs/<int:pk>/", public.job_detail, name="job_detail"),
    path("jobs/<int:pk>/apply/", public.apply, name="apply"),
    # Gig market (零工市场); "new" comes before the board pattern it would also match
    path("gigs/", gigs.boards, name="gig_boards"),
    path("gigs/available/", notifications.availability, name="availability"),
    path("gigs/available/stop/", notifications.availability_stop, name="availability_stop"),
    path("me/notifications/", notifications.notification_list, name="notifications"),
    path("gigs/new/", gigs.gig_new, name="gig_new"),
    path("gigs/<int:pk>/claim/", gigs.claim, name="gig_claim"),
    path("gigs/<str:area>/", gigs.board, name="gig_board"),
    # Livestream job promotion (直播送岗)
    path("live/", live.rooms, name="live_rooms"),
    path("live/new/", live.room_new, name="live_new"),
    path("live/<int:pk>/", live.room, name="live_room"),
    path("live/<int:pk>/host/", live.room_host, name="live_host"),
    path("live/<int:pk>/timeline/", live.timeline, name="live_timeline"),
    path("live/<int:pk>/cards/<int:card_pk>/apply/", live.card_apply, name="live_apply"),
    # Accounts
    path("signup/", accounts.signup, name="signup"),
    path("login/", accounts.login_view, name="login"),
    path("login/sms-code/", accounts.sms_send, name="sms_send"),
    path("logout/", accounts.logout_view, name="logout"),
    # Job seeker
    path("me/", seeker.me, name="me"),
    path("me/profile/", seeker.profile_start, name="profile"),
    path("me/profile/step/<int:step>/", seeker.profile_step, name="profile_step"),
    path("me/applications/", seeker.applications, name="applications"),
    path("me/recommended/", seeker.recommended, name="recommended"),
    path("me/applications/<int:pk>/withdraw/", seeker.application_withdraw_view, name="application_withdraw"),
    # Employer (posting pages are shared with stations)
    path("employer/", employer.dashboard, name="employer"),
    path("employer/logo/", employer.logo, name="employer_logo"),
    path("employer/occupation-suggest/", postings.occupation_suggest, name="occupation_suggest"),
    path("employer/postings/new/", postings.posting_new, name="posting_new"),
    path("employer/postings/<int:pk>/edit/", postings.posting_edit, name="posting_edit"),
    path("employer/postings/<int:pk>/applicants/", employer.applicants, name="applicants"),
    path("employer/postings/<int:pk>/candidates/", employer.candidates, name="candidates"),
    re_path(
        r"^employer/postings/(?P<pk>\d+)/(?P<action>submit|pause|resume|close)/$",
        postings.posting_action,
        name="posting_action",
    ),
    path("employer/applications/<int:pk>/", employer.application_detail, name="application_detail"),
    path("employer/applications/<int:pk>/advance/", employer.application_advance_view, name="application_advance"),
    # Cooperation station
    path("station/", station.dashboard, name="station"),
    path("station/import/", station.bulk_import, name="station_import"),
    # Bureau
    path("bureau/", bureau.dashboard, name="bureau"),
    path("bureau/moderation/", bureau.moderation, name="moderation"),
    path("bureau/moderation/<int:pk>/", bureau.moderation_decide, name="moderation_decide"),
    path("bureau/employers/", bureau.employers, name="bureau_employers"),
    path("bureau/employers/<int:pk>/verify/", bureau.employer_verify_view, name="employer_verify"),
    path("bureau/employers/<int:pk>/grade/", bureau.employer_grade_view, name="employer_grade"),
    path("bureau/blacklist/", bureau.blacklist, name="blacklist"),
    path("bureau/blacklist/<int:pk>/lift/", bureau.blacklist_lift, name="blacklist_lift"),
    path("bureau/live/", live.funnel, name="live_funnel"),
]
