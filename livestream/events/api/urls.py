"""The events API, mounted at /api/ beside the marketplace's. Collections end in a slash, actions do not."""

from django.urls import path

from livestream.events.api import views as events

app_name = "events_api"

urlpatterns = [
    path("events/", events.EventListView.as_view(), name="event-list"),
    path("events/<int:pk>/", events.EventDetailView.as_view(), name="event-detail"),
    path("events/<int:pk>/sign-up", events.SignUpView.as_view(), name="event-sign-up"),
    path("events/<int:pk>/booths/", events.BoothRegisterView.as_view(), name="event-booths"),
    path("events/<int:pk>/check-in", events.CheckInView.as_view(), name="event-check-in"),
    path("events/<int:pk>/walk-in", events.WalkInView.as_view(), name="event-walk-in"),
    path("events/<int:pk>/cancel", events.CancelView.as_view(), name="event-cancel"),
    path("events/<int:pk>/jobs/<int:posting_pk>/apply", events.ApplyView.as_view(), name="event-apply"),
    path("events/<int:pk>/outcomes", events.OutcomesView.as_view(), name="event-outcomes"),
    path("booths/<int:pk>/decide", events.BoothDecideView.as_view(), name="booth-decide"),
]
