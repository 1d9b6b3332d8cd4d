"""ASGI entry point: HTTP through Django, WebSockets through Channels.

Start-up checks run here because this is what every server process loads first: a production
process whose search engine is unreachable stops with one clear line instead of serving errors.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.embedded")
# Django must be set up before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from config.body_limit import BodyLimitMiddleware  # noqa: E402
from config.daphne_requests import leave_bodies_to_django  # noqa: E402
from livestream.routing import websocket_urlpatterns  # noqa: E402
from matching.search import require_search_backend  # noqa: E402

leave_bodies_to_django()  # daphne serves this application: bodies, malformed ones too, reach Django
if settings.SEARCH_REQUIRE_AT_STARTUP:
    require_search_backend()
if settings.MATCHING_WARM_UP:
    from matching.warmup import warm_up

    warm_up()  # the model and dictionaries load now, not on the first seeker's request

application = ProtocolTypeRouter(
    {
        "http": BodyLimitMiddleware(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
