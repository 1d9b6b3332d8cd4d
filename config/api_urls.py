"""The REST API at /api/: each feature's routes under the one `api` namespace the clients know.

Features list their own routes (imports point down: config composes, features never import each
other's URL modules); the events API keeps its own namespace.
"""

from livestream.gigs.api import urls as gigs
from marketplace.api import urls as marketplace
from matching.api import urls as matching

app_name = "api"

urlpatterns = [*marketplace.urlpatterns, *matching.urlpatterns, *gigs.urlpatterns]
