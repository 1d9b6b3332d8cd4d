"""Stations: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.stations.api import views

urlpatterns = [
    path("stations/", views.StationListView.as_view(), name="station-list"),
    path("stations/<int:pk>/", views.StationDetailView.as_view(), name="station-detail"),
    path("stations/<int:pk>/roster/", views.RosterView.as_view(), name="station-roster"),
    path("stations/<int:pk>/roster/<int:entry_pk>/", views.RosterEntryView.as_view(), name="station-roster-entry"),
    path("stations/<int:pk>/roster/<int:entry_pk>/hand-over", views.HandOverView.as_view(), name="station-hand-over"),
    path(
        "stations/<int:pk>/roster/<int:entry_pk>/follow-ups/<int:months>",
        views.FollowUpRecordView.as_view(),
        name="station-follow-up",
    ),
    path("follow-up-surveys/<str:token>", views.SurveyView.as_view(), name="follow-up-survey"),
    path("stations/<int:pk>/dispatches/", views.DispatchListView.as_view(), name="station-dispatches"),
    path("stations/<int:pk>/dispatches/<int:batch_pk>/", views.DispatchDetailView.as_view(), name="station-dispatch"),
    path("stations/<int:pk>/dispatches/<int:batch_pk>/members", views.DispatchAddView.as_view(), name="dispatch-add"),
    path(
        "stations/<int:pk>/dispatches/<int:batch_pk>/members/<int:member_pk>/check-in",
        views.DispatchCheckInView.as_view(),
        name="dispatch-check-in",
    ),
    path("stations/<int:pk>/dispatches/<int:batch_pk>/close", views.DispatchCloseView.as_view(), name="dispatch-close"),
    path("stations/<int:pk>/proxy", views.ProxyRequestView.as_view(), name="station-proxy"),
    path("stations/<int:pk>/proxy/<int:consent_pk>/confirm", views.ProxyConfirmView.as_view(), name="proxy-confirm"),
    path("me/proxy/", views.MyProxyListView.as_view(), name="my-proxy"),
    path("me/proxy/<int:pk>/withdraw", views.MyProxyActView.as_view(), name="my-proxy-withdraw"),
    path("me/proxy/<int:pk>/contest", views.MyProxyActView.as_view(contest=True), name="my-proxy-contest"),
]
