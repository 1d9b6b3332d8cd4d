from django.urls import path, re_path

from livestream.consumers import HealthConsumer, NotFoundConsumer
from livestream.gigs.consumers import GigBoardConsumer
from livestream.live.consumers import LiveRoomConsumer
from livestream.notifications import NotificationConsumer

websocket_urlpatterns = [
    path("ws/health/", HealthConsumer.as_asgi()),
    path("ws/gigs/<str:area>/", GigBoardConsumer.as_asgi()),
    path("ws/live/<int:room_id>/", LiveRoomConsumer.as_asgi()),
    path("ws/me/", NotificationConsumer.as_asgi()),
    re_path(r"", NotFoundConsumer.as_asgi()),  # last: every other address is a clean 4404
]
