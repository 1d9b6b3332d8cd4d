"""The REST API at /api/: each feature's routes under the one `api` namespace the clients know.

Features list their own routes (imports point down: config composes, features never import each
other's URL modules); the events API keeps its own namespace.
"""

from livestream.gigs.api import urls as gigs
from marketplace.accounts.api import urls as accounts
from marketplace.applications.api import urls as applications
from marketplace.employers.api import urls as employers
from marketplace.notifications.api import urls as notifications
from marketplace.occupations.api import urls as occupations
from marketplace.postings.api import urls as postings
from marketplace.profiles.api import urls as profiles
from matching.api import urls as matching

app_name = "api"

FEATURES = (accounts, occupations, postings, applications, employers, profiles, notifications, matching, gigs)

urlpatterns = [pattern for feature in FEATURES for pattern in feature.urlpatterns]
