"""The REST API at /api/: each feature's routes under the one `api` namespace the clients know.

Features list their own routes (imports point down: config composes, features never import each
other's URL modules); the events API keeps its own namespace.
"""

from livestream.gigs.api import urls as gigs
from marketplace.accounts.api import urls as accounts
from marketplace.applications.api import urls as applications
from marketplace.arrears.api import urls as arrears
from marketplace.disputes.api import urls as disputes
from marketplace.employers.api import urls as employers
from marketplace.households.api import urls as households
from marketplace.notifications.api import urls as notifications
from marketplace.occupations.api import urls as occupations
from marketplace.plan.api import urls as plan
from marketplace.postings.api import urls as postings
from marketplace.profiles.api import urls as profiles
from marketplace.ratings.api import urls as ratings
from marketplace.stations.api import urls as stations
from marketplace.training.api import urls as training
from marketplace.trips.api import urls as trips
from matching.api import urls as matching

app_name = "api"

FEATURES = (
    accounts,
    occupations,
    postings,
    applications,
    employers,
    profiles,
    notifications,
    matching,
    gigs,
    stations,
    trips,
    plan,
    ratings,
    households,
    training,
    disputes,
    arrears,
)

urlpatterns = [pattern for feature in FEATURES for pattern in feature.urlpatterns]
