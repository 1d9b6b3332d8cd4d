"""The permission matrix, cell by cell: every actor against every target of every action.

Expectations are written out here by hand, not derived from the matrix, so a change to the
matrix that is not also a decision made here fails a test.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from livestream.gigs import rules as gig_rules
from livestream.gigs.models import GigClaim, WageComplaint
from livestream.live import rules as live_rules
from marketplace import permissions
from marketplace.enums import ProfileVisibility, Role
from marketplace.models import Application
from marketplace.permissions import MATRIX, can
from tests.factories import GigFactory, JobPostingFactory, SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "seeker", "employer", "other_employer", "station", "other_station", "bureau"]

# action → (targets, {actor: targets it may act on}); an actor or target not listed is denied.
EXPECTED = {
    "posting.view_public": (
        ["posting", "other_posting"],
        {actor: {"posting", "other_posting"} for actor in ACTORS},
    ),
    "posting.view_private": (
        ["posting", "other_posting"],
        {"employer": {"posting"}, "other_employer": {"other_posting"}, "station": {"posting"},
         "other_station": {"other_posting"}, "bureau": {"posting", "other_posting"}},
    ),
    "posting.create": (
        ["employer_org", "other_employer_org"],
        {"employer": {"employer_org"}, "other_employer": {"other_employer_org"}, "station": {"employer_org"},
         "other_station": {"other_employer_org"}},
    ),
    "posting.edit": (
        ["posting", "other_posting"],
        {"employer": {"posting"}, "other_employer": {"other_posting"}, "station": {"posting"},
         "other_station": {"other_posting"}},
    ),
    "posting.manage": (
        ["posting", "other_posting"],
        {"employer": {"posting"}, "other_employer": {"other_posting"}, "station": {"posting"},
         "other_station": {"other_posting"}, "bureau": {"posting", "other_posting"}},
    ),
    "posting.moderate": (["posting", "other_posting"], {"bureau": {"posting", "other_posting"}}),
    "posting.import": (
        ["employer_org", "other_employer_org"],
        {"station": {"employer_org"}, "other_station": {"other_employer_org"},
         "bureau": {"employer_org", "other_employer_org"}},
    ),
    "profile.view": (
        ["own_profile", "open_profile", "station_worker"],
        {"seeker": {"own_profile"}, "employer": {"own_profile", "open_profile"}, "other_employer": {"open_profile"},
         "station": {"station_worker"}, "bureau": {"own_profile", "open_profile", "station_worker"}},
    ),
    "profile.view_personal_numbers": (
        ["own_profile", "open_profile", "station_worker"],
        {"seeker": {"own_profile"}, "station": {"station_worker"},
         "bureau": {"own_profile", "open_profile", "station_worker"}},
    ),
    "profile.edit": (
        ["own_profile", "open_profile", "station_worker"],
        {"seeker": {"own_profile"}, "station": {"station_worker"},
         "bureau": {"own_profile", "open_profile", "station_worker"}},
    ),
    "profile.confirm_groups": (
        ["own_profile", "open_profile", "station_worker"],
        {"station": {"station_worker"}, "bureau": {"own_profile", "open_profile", "station_worker"}},
    ),
    "profile.verify_identity": (
        ["own_profile", "open_profile", "station_worker"],
        {"station": {"station_worker"}, "bureau": {"own_profile", "open_profile", "station_worker"}},
    ),
    "application.create": ([None], {"seeker": {None}}),
    "application.view": (
        ["application", "other_application"],
        {"seeker": {"application"}, "employer": {"application"}, "other_employer": {"other_application"},
         "station": {"application"}, "other_station": {"other_application"},
         "bureau": {"application", "other_application"}},
    ),
    "application.withdraw": (["application", "other_application"], {"seeker": {"application"}}),
    "application.process": (
        ["application", "other_application"],
        {"employer": {"application"}, "other_employer": {"other_application"}, "station": {"application"},
         "other_station": {"other_application"}, "bureau": {"application", "other_application"}},
    ),
    "gig.post": (
        [None],
        {"employer": {None}, "other_employer": {None}, "station": {None}, "other_station": {None},
         "seeker": {None}},
    ),
    "gig.manage": (
        ["gig", "other_gig", "station_gig"],
        {"employer": {"gig"}, "other_employer": {"other_gig"}, "station": {"station_gig"},
         "bureau": {"gig", "other_gig", "station_gig"}},
    ),
    "gig.claim": ([None], {"seeker": {None}}),
    "gig.claim_cancel": (["gig_claim", "other_gig_claim"], {"seeker": {"gig_claim"}}),
    "gig.check_in": ([None, "gig_claim", "other_gig_claim"], {"seeker": {None, "gig_claim"}}),
    "gig.check_in_code": (
        ["gig", "other_gig", "station_gig"],
        {"employer": {"gig"}, "other_employer": {"other_gig"}, "station": {"station_gig"},
         "bureau": {"gig", "other_gig", "station_gig"}},
    ),
    "gig.settle": (
        ["gig", "other_gig", "station_gig"],
        {"employer": {"gig"}, "other_employer": {"other_gig"}, "station": {"station_gig"}},
    ),
    "gig.settlement_receive": (["gig_claim", "other_gig_claim"], {"seeker": {"gig_claim"}}),
    "gig.rate_poster": (["gig_claim", "other_gig_claim"], {"seeker": {"gig_claim"}}),
    "gig.rate_worker": (
        ["gig", "other_gig", "station_gig"],
        {"employer": {"gig"}, "other_employer": {"other_gig"}, "station": {"station_gig"}},
    ),
    "gig.complaint_open": (["gig_claim", "other_gig_claim"], {"seeker": {"gig_claim"}}),
    # A station handles complaints against employers linked to it, never about its own gigs.
    "gig.complaint_view": (
        ["complaint", "other_complaint", "station_gig_complaint"],
        {"seeker": {"complaint", "station_gig_complaint"}, "station": {"complaint"},
         "other_station": {"other_complaint"}, "bureau": {"complaint", "other_complaint", "station_gig_complaint"}},
    ),
    "gig.complaint_handle": (
        ["complaint", "other_complaint", "station_gig_complaint"],
        {"station": {"complaint"}, "other_station": {"other_complaint"},
         "bureau": {"complaint", "other_complaint", "station_gig_complaint"}},
    ),
    "employer.view_private": (
        ["employer_org", "other_employer_org"],
        {"employer": {"employer_org"}, "other_employer": {"other_employer_org"}, "station": {"employer_org"},
         "other_station": {"other_employer_org"}, "bureau": {"employer_org", "other_employer_org"}},
    ),
    "employer.edit": (
        ["employer_org", "other_employer_org"],
        {"employer": {"employer_org"}, "other_employer": {"other_employer_org"},
         "bureau": {"employer_org", "other_employer_org"}},
    ),
    "employer.verify": (["employer_org", "other_employer_org"], {"bureau": {"employer_org", "other_employer_org"}}),
    "employer.blacklist": (["employer_org", "other_employer_org"], {"bureau": {"employer_org", "other_employer_org"}}),
    "live.host": (
        [None],
        {"employer": {None}, "other_employer": {None}, "station": {None}, "other_station": {None}, "bureau": {None}},
    ),
    "live.view_funnel": ([None], {"bureau": {None}}),
    "plan.manage": ([None], {"bureau": {None}}),
    "record.manage": ([None], {"bureau": {None}}),
    "household.register": ([None], {"station": {None}, "other_station": {None}, "bureau": {None}}),
    "arrears.file": ([None], {"seeker": {None}, "station": {None}, "other_station": {None}, "bureau": {None}}),
    "arrears.handle": ([None], {"bureau": {None}}),
}  # fmt: skip

CELLS = [
    (action, actor, target)
    for action, (targets, _allowed) in EXPECTED.items()
    for actor in ACTORS
    for target in targets
]


@pytest.fixture
def scene(world):
    posting = JobPostingFactory(employer=world.employer)
    other_posting = JobPostingFactory(employer=world.other_employer)
    own = world.seeker.profile
    open_profile = world.other_seeker.profile
    open_profile.visibility = ProfileVisibility.OPEN
    open_profile.save()
    station_worker = SeekerFactory(profile__name="龙阿哥", profile__station=world.station).profile
    gig = GigFactory(posted_by=world.employer_member)
    other_gig = GigFactory(posted_by=world.other_employer_member)
    station_gig = GigFactory(posted_by=world.station_staff)
    gig_claim = GigClaim.objects.create(gig=gig, profile=own)

    def complaint(claim: GigClaim) -> WageComplaint:
        return WageComplaint.objects.create(claim=claim, amount_claimed=180, description="工钱没给")

    return {
        "actors": {
            "anonymous": AnonymousUser(),
            "seeker": world.seeker,
            "employer": world.employer_member,
            "other_employer": world.other_employer_member,
            "station": world.station_staff,
            "other_station": world.other_station_staff,
            "bureau": world.bureau,
        },
        "targets": {
            None: None,
            "posting": posting,
            "other_posting": other_posting,
            "employer_org": world.employer,
            "other_employer_org": world.other_employer,
            "own_profile": own,
            "open_profile": open_profile,
            "station_worker": station_worker,
            # The seeker applied to the employer's posting: that employer may now see the profile.
            "application": Application.objects.create(profile=own, posting=posting),
            "other_application": Application.objects.create(profile=open_profile, posting=other_posting),
            "gig": gig,
            "other_gig": other_gig,
            "station_gig": station_gig,
            "gig_claim": gig_claim,
            "other_gig_claim": GigClaim.objects.create(gig=gig, profile=open_profile),
            "complaint": complaint(gig_claim),
            "other_complaint": complaint(GigClaim.objects.create(gig=other_gig, profile=open_profile)),
            "station_gig_complaint": complaint(GigClaim.objects.create(gig=station_gig, profile=own)),
        },
    }


def test_every_action_of_the_matrix_has_written_expectations():
    assert set(EXPECTED) == set(MATRIX) | set(gig_rules.GIG_MATRIX) | set(live_rules.LIVE_MATRIX)


def matrix_of(action: str):
    """The marketplace's rows, or the feature's own: gig.* (livestream.gigs.rules), live.* (livestream.live.rules)."""
    return {"gig": gig_rules, "live": live_rules}.get(action.split(".")[0], permissions)


@pytest.mark.parametrize(("action", "actor", "target"), CELLS, ids=[f"{a}-{r}-{t}" for a, r, t in CELLS])
def test_permission_cell(scene, action, actor, target):
    user = scene["actors"][actor]
    obj = scene["targets"][target]
    allowed = target in EXPECTED[action][1].get(actor, set())

    assert matrix_of(action).can(user, action, obj) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied, match="没有权限"):
            matrix_of(action).require(user, action, obj)


def test_an_employer_account_not_yet_attached_to_a_company_has_no_employer_powers(world):
    loose = UserFactory(role=Role.EMPLOYER)
    posting = JobPostingFactory(employer=world.employer)

    assert not can(loose, "posting.view_private", posting)
    assert not can(loose, "posting.create", world.employer)


def test_a_deactivated_bureau_account_can_do_nothing_private(world):
    world.bureau.is_active = False
    world.bureau.save()

    assert not can(world.bureau, "employer.blacklist", world.employer)
    assert can(world.bureau, "posting.view_public", None)
