"""Who may do what: the permission matrix, written down once and tested cell by cell.

Rows are actions, columns are roles; each cell is a scope: the objects of that action the role
may touch. A missing cell is a denial. Views, the API and services all ask `can`/`require`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from marketplace.enums import ProfileVisibility, Role

ANONYMOUS = "anonymous"

Scope = Callable[[Any, Any], bool]


def _all(user, obj) -> bool:
    return True


def _self_profile(user, profile) -> bool:
    return profile is None or profile.user_id == user.pk


def _own_employer(user, obj) -> bool:
    """The employer the user belongs to (obj: an Employer or anything with employer_id)."""
    if obj is None:
        return True
    employer_id = obj.pk if obj.__class__.__name__ == "Employer" else obj.employer_id
    return employer_id == user.employer_id


def _station_employer(user, obj) -> bool:
    """Employers linked to the user's station, and postings the station made or manages."""
    if obj is None:
        return True
    if obj.__class__.__name__ == "Employer":
        return obj.station_id == user.station_id
    return obj.station_id == user.station_id or obj.employer.station_id == user.station_id


def _station_worker(user, profile) -> bool:
    return profile is None or profile.station_id == user.station_id


def _own_application(user, application) -> bool:
    return application is None or application.profile.user_id == user.pk


def _application_to_own_posting(user, application) -> bool:
    return application is None or application.posting.employer_id == user.employer_id


def _application_to_station_posting(user, application) -> bool:
    if application is None:
        return True
    posting = application.posting
    return (
        posting.station_id == user.station_id
        or posting.employer.station_id == user.station_id
        or application.profile.station_id == user.station_id
    )


def _profile_for_employer(user, profile) -> bool:
    """Open profiles, and any profile that applied to one of the employer's postings."""
    if profile is None:
        return True
    if profile.visibility == ProfileVisibility.OPEN:
        return True
    return profile.applications.filter(posting__employer_id=user.employer_id).exists()


def _own_gig(user, gig) -> bool:
    """Gigs posted for the user's employer (a gig claim stands for its gig)."""
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.employer_id is not None and gig.employer_id == user.employer_id)


def _station_gig(user, gig) -> bool:
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.station_id is not None and gig.station_id == user.station_id)


def _own_individual_gig(user, gig) -> bool:
    """Gigs a verified individual posted for themselves (a household that needs two movers)."""
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.employer_id is None and gig.station_id is None and gig.posted_by_id == user.pk)


def _own_gig_claim(user, claim) -> bool:
    """The worker's own claim (a settlement or complaint stands for its claim)."""
    claim = getattr(claim, "claim", claim)
    return claim is None or claim.profile.user_id == user.pk


def _station_complaint(user, complaint) -> bool:
    """Wage complaints against employers linked to the station, or by workers it organises.

    Not those about the station's own gigs: a station does not judge a dispute it is party to;
    the bureau handles those.
    """
    if complaint is None:
        return True
    gig = complaint.claim.gig
    if gig.station_id is not None:
        return False
    employer_station = gig.employer.station_id if gig.employer_id else None
    return user.station_id in (employer_station, complaint.claim.profile.station_id)


MATRIX: dict[str, dict[str, Scope]] = {
    # Browsing published jobs is public; non-public states belong to their owners and moderators.
    "posting.view_public": {
        ANONYMOUS: _all,
        Role.SEEKER: _all,
        Role.EMPLOYER: _all,
        Role.STATION: _all,
        Role.BUREAU: _all,
    },
    "posting.view_private": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer, Role.BUREAU: _all},
    "posting.create": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer},
    "posting.edit": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer},
    "posting.manage": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer, Role.BUREAU: _all},
    "posting.moderate": {Role.BUREAU: _all},
    "posting.import": {Role.STATION: _station_employer, Role.BUREAU: _all},
    "profile.view": {
        Role.SEEKER: _self_profile,
        Role.EMPLOYER: _profile_for_employer,
        Role.STATION: _station_worker,
        Role.BUREAU: _all,
    },
    # Unmasked ID and phone numbers: the person, the station organising them, and the bureau.
    "profile.view_personal_numbers": {Role.SEEKER: _self_profile, Role.STATION: _station_worker, Role.BUREAU: _all},
    "profile.edit": {Role.SEEKER: _self_profile, Role.STATION: _station_worker, Role.BUREAU: _all},
    "profile.confirm_groups": {Role.STATION: _station_worker, Role.BUREAU: _all},
    "profile.verify_identity": {Role.STATION: _station_worker, Role.BUREAU: _all},
    "application.create": {Role.SEEKER: _all},
    "application.view": {
        Role.SEEKER: _own_application,
        Role.EMPLOYER: _application_to_own_posting,
        Role.STATION: _application_to_station_posting,
        Role.BUREAU: _all,
    },
    "application.withdraw": {Role.SEEKER: _own_application},
    "application.process": {
        Role.EMPLOYER: _application_to_own_posting,
        Role.STATION: _application_to_station_posting,
        Role.BUREAU: _all,
    },
    # Gigs: employers post for themselves, stations for their own board, verified individuals for
    # their household (the service checks the verification); seekers claim.
    "gig.post": {Role.EMPLOYER: _all, Role.STATION: _all, Role.SEEKER: _all},
    "gig.manage": {
        Role.EMPLOYER: _own_gig,
        Role.STATION: _station_gig,
        Role.SEEKER: _own_individual_gig,
        Role.BUREAU: _all,
    },
    "gig.claim": {Role.SEEKER: _all},
    "gig.claim_cancel": {Role.SEEKER: _own_gig_claim},
    # At the site: the worker checks in and out; the poster prints the QR code, settles and rates.
    "gig.check_in": {Role.SEEKER: _own_gig_claim},
    "gig.check_in_code": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig, Role.BUREAU: _all},
    "gig.settle": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig},
    "gig.settlement_receive": {Role.SEEKER: _own_gig_claim},
    "gig.rate_poster": {Role.SEEKER: _own_gig_claim},
    "gig.rate_worker": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig},
    "gig.complaint_open": {Role.SEEKER: _own_gig_claim},
    "gig.complaint_view": {Role.SEEKER: _own_gig_claim, Role.STATION: _station_complaint, Role.BUREAU: _all},
    "gig.complaint_handle": {Role.STATION: _station_complaint, Role.BUREAU: _all},
    "employer.view_private": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer, Role.BUREAU: _all},
    "employer.edit": {Role.EMPLOYER: _own_employer, Role.BUREAU: _all},
    "employer.verify": {Role.BUREAU: _all},
    "employer.blacklist": {Role.BUREAU: _all},
    # 直播送岗: employers stream their own jobs, staff stream anyone's; the bureau compares streams.
    "live.host": {Role.EMPLOYER: _all, Role.STATION: _all, Role.BUREAU: _all},
    "live.view_funnel": {Role.BUREAU: _all},
}


def role_of(user) -> str:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    # An employer or station account not yet attached to its organisation has no powers of that role.
    if user.role == Role.EMPLOYER and user.employer_id is None:
        return ANONYMOUS
    if user.role == Role.STATION and user.station_id is None:
        return ANONYMOUS
    return user.role


def can(user, action: str, obj: Any = None) -> bool:
    scope = MATRIX[action].get(role_of(user))
    return scope is not None and scope(user, obj)


def require(user, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(_("您没有权限进行此操作。"))
