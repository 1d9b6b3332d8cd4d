"""URLs of the mobile pages; names are what templates and tests refer to (namespace `frontend`)."""

from django.urls import path, re_path

from frontend.views import (
    accounts,
    bureau,
    employer,
    events,
    events_staff,
    gig_manage,
    gig_site,
    gigs,
    notifications,
    postings,
    preferences,
    public,
    seeker,
    station,
)

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
    # At the site: detail, check-in (the QR code's address), management, settlements, complaints
    path("gigs/g/<int:pk>/", gig_site.gig_detail, name="gig_detail"),
    path("gigs/<int:pk>/check-in/", gig_site.check_in, name="gig_check_in"),
    path("gigs/<int:pk>/qr.png", gig_site.checkin_qr, name="gig_checkin_qr"),
    path("gigs/manage/", gig_manage.manage_list, name="gig_manage_list"),
    path("gigs/manage/<int:pk>/", gig_manage.manage_gig, name="gig_manage"),
    path("gigs/manage/<int:pk>/site/", gig_manage.set_site, name="gig_set_site"),
    re_path(
        r"^gigs/claims/(?P<pk>\d+)/(?P<action>confirm|release|no-show|check-in-for|check-out|cancel)/$",
        gig_site.claim_action,
        name="gig_claim_action",
    ),
    path("gigs/claims/<int:pk>/rate/", gig_site.rate, name="gig_rate"),
    path("gigs/claims/<int:pk>/complaint/", gig_site.complaint_new, name="gig_complaint_new"),
    re_path(
        r"^gigs/settlements/(?P<pk>\d+)/(?P<action>pieces|paid|received)/$",
        gig_site.settlement_action,
        name="gig_settlement_action",
    ),
    path("gigs/complaints/", gig_manage.complaints, name="gig_complaints"),
    path("gigs/complaints/<int:pk>/advance/", gig_manage.complaint_advance, name="gig_complaint_advance"),
    path("gigs/<str:area>/", gigs.board, name="gig_board"),
    # Recruitment events (招聘会); fixed words come before the event number
    path("events/", events.event_list, name="event_list"),
    path("events/tickets/", events.my_tickets, name="my_tickets"),
    path("events/new/", events_staff.event_new, name="event_new"),
    path("events/staff/", events_staff.staff_events, name="staff_events"),
    path("events/outcomes/", events_staff.outcomes, name="event_outcomes_all"),
    path("events/outcomes.csv", events_staff.outcomes_csv, name="event_outcomes_all_csv"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/signup/", events.sign_up, name="event_sign_up"),
    path("events/<int:pk>/signup/cancel/", events.sign_up_cancel, name="event_sign_up_cancel"),
    path("events/<int:pk>/ticket/", events.ticket, name="event_ticket"),
    path("events/<int:pk>/ticket.png", events.ticket_png, name="event_ticket_png"),
    path("events/<int:pk>/poster.png", events.poster, name="event_poster"),
    path("events/<int:pk>/jobs/<int:posting_pk>/apply/", events.apply, name="event_apply"),
    path("events/<int:pk>/booth/", events.booth, name="event_booth"),
    path("events/<int:pk>/manage/", events_staff.manage, name="event_manage"),
    path("events/<int:pk>/booths/<int:booth_pk>/decide/", events_staff.booth_decide_view, name="booth_decide"),
    path("events/<int:pk>/cancel/", events_staff.cancel, name="event_cancel"),
    path("events/<int:pk>/checkin/", events_staff.check_in, name="event_check_in"),
    path("events/<int:pk>/outcomes/", events_staff.event_outcomes, name="event_outcomes"),
    path("events/<int:pk>/outcomes.csv", events_staff.event_outcomes_csv, name="event_outcomes_csv"),
    # 大字模式
    path("font-size/", preferences.font_size, name="font_size"),
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
    path("me/gigs/", gig_site.my_gigs, name="my_gigs"),
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
]
