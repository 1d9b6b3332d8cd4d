"""返岗直通车: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.trips.api import views

urlpatterns = [
    path("trips/", views.TripListView.as_view(), name="trip-list"),
    path("trips/<int:pk>/", views.TripDetailView.as_view(), name="trip-detail"),
    path("trips/<int:pk>/sign-up", views.SignUpView.as_view(), name="trip-sign-up"),
    path("trips/<int:pk>/seats/", views.RollCallView.as_view(), name="trip-roll-call"),
    path("trips/<int:pk>/board", views.BoardView.as_view(), name="trip-board"),
    path("trips/<int:pk>/depart", views.DepartView.as_view(), name="trip-depart"),
    path("trips/<int:pk>/arrive", views.ArriveView.as_view(), name="trip-arrive"),
    path("trips/<int:pk>/cancel", views.TripCancelView.as_view(), name="trip-cancel"),
    path("trips/seats/<int:pk>/cancel", views.SeatCancelView.as_view(), name="seat-cancel"),
]
