"""Who may do what in the marketplace: the permission matrix, written down once and tested cell by cell.

Rows are actions, columns are roles; each cell is a scope: the objects of that action the role
may touch. A missing cell is a denial. Views, the API and services all ask `can`/`require`.
Other features keep their own rows beside their code (`Matrix`), on the same roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from marketplace.audit.services import audit_view
from marketplace.enums import ProfileVisibility, Role
from marketplace.privacy import mask_id_number, mask_phone

if TYPE_CHECKING:
    from marketplace.models import User, WorkerProfile

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
    "employer.view_private": {Role.EMPLOYER: _own_employer, Role.STATION: _station_employer, Role.BUREAU: _all},
    "employer.edit": {Role.EMPLOYER: _own_employer, Role.BUREAU: _all},
    "employer.verify": {Role.BUREAU: _all},
    "employer.blacklist": {Role.BUREAU: _all},
    # The plan's records (issue 16): the bureau keeps them; stations also register households
    # (their workers' families) and file wage-arrears complaints; workers file their own.
    "plan.manage": {Role.BUREAU: _all},
    "record.manage": {Role.BUREAU: _all},
    "household.register": {Role.STATION: _all, Role.BUREAU: _all},
    "arrears.file": {Role.SEEKER: _all, Role.STATION: _all, Role.BUREAU: _all},
    "arrears.handle": {Role.BUREAU: _all},
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


@dataclass(frozen=True)
class Matrix:
    """A permission matrix (action → role → scope) and its two questions; each feature has one.

    The marketplace's is MATRIX below; the gig market's is livestream.gigs.rules.GIG_MATRIX, the
    events' livestream.events.rules.EVENT_MATRIX. Roles, and what an unattached account may do
    (nothing), are the same for all: `role_of`.
    """

    rows: dict[str, dict[str, Scope]]

    def can(self, user, action: str, obj: Any = None) -> bool:
        scope = self.rows[action].get(role_of(user))
        return scope is not None and scope(user, obj)

    def require(self, user, action: str, obj: Any = None) -> None:
        if not self.can(user, action, obj):
            raise PermissionDenied(_("您没有权限进行此操作。"))


_marketplace = Matrix(MATRIX)
can = _marketplace.can
require = _marketplace.require


@dataclass(frozen=True)
class PersonalNumbers:
    phone: str
    id_number: str
    full: bool


def personal_numbers(viewer: User | None, profile: WorkerProfile) -> PersonalNumbers:
    """A worker's phone and ID number as this viewer may see them: the one decision, for pages and API.

    In full only where `profile.view_personal_numbers` allows it (the person, the station organising
    them, the bureau); masked for everyone else, employers included.
    """
    if can(viewer, "profile.view_personal_numbers", profile):
        if viewer is not None and viewer.pk != profile.user_id:  # staff seeing someone else's numbers
            audit_view(viewer, "profile", profile.pk, why=_("工作人员查看求职者完整号码"))
        return PersonalNumbers(phone=profile.user.phone, id_number=profile.id_number, full=True)
    return PersonalNumbers(
        phone=mask_phone(profile.user.phone), id_number=mask_id_number(profile.id_number), full=False
    )
