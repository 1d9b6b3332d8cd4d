"""Registering zero-employment households, planning the next help, and clearing them on a hire."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit.services import audit_change
from marketplace.models import EmploymentOutcome, Household, HouseholdMember, RosterEntry, User, WorkerProfile
from marketplace.notifications.services import notify
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.stations.enums import RosterStatus


def employed(profile: WorkerProfile) -> bool:
    """Has a recorded hire, or works away on a station's roster: what clears a household."""
    return (
        EmploymentOutcome.objects.filter(profile=profile).exists()
        or RosterEntry.objects.filter(profile=profile, status=RosterStatus.WORKING).exists()
    )


@transaction.atomic
def household_register(*, by: User, head_name: str, county: str, members: list[WorkerProfile],
                       identified_on: datetime.date | None = None, township: str = "", village: str = "",
                       owner: User | None = None, next_action: str = "",
                       next_action_on: datetime.date | None = None) -> Household:  # fmt: skip
    """A household none of whose working-age members is employed; refused if one already works."""
    require(by, "household.register")
    errors: dict[str, list[str]] = {}
    if not head_name.strip():
        errors["head_name"] = [_("请填写户主姓名。")]
    if county not in COUNTY_BY_NAME:
        errors["county"] = [_("请选择本州的县市。")]
    if not members:
        errors["members"] = [_("请至少添加一名有劳动能力的家庭成员（需已注册求职者账号）。")]
    working = [p.name or str(p.user) for p in members if employed(p)]
    if working:
        errors["members"] = [_("%(names)s已就业，这一户不是零就业家庭。") % {"names": "、".join(working)}]
    if errors:
        raise ValidationError(errors)
    household = Household.objects.create(
        head_name=head_name.strip()[:30], county=county, township=township.strip()[:40], village=village.strip()[:60],
        owner=owner or by, next_action=next_action.strip()[:200], next_action_on=next_action_on,
        identified_on=identified_on or timezone.localdate(),
    )  # fmt: skip
    for profile in members:
        try:
            with transaction.atomic():
                HouseholdMember.objects.create(household=household, profile=profile)
        except IntegrityError:
            raise ValidationError({"members": [_("%(name)s已登记在另一户。") % {"name": profile.name}]}) from None
    audit_change(by, "household", household.pk, why=_("登记零就业家庭"))
    return household


@transaction.atomic
def household_plan(*, by: User, household: Household, next_action: str, next_action_on: datetime.date | None,
                   owner: User | None = None) -> Household:  # fmt: skip
    require(by, "household.register")
    if not next_action.strip():
        raise ValidationError({"next_action": [_("请写下一步帮扶措施。")]})
    household.next_action, household.next_action_on = next_action.strip()[:200], next_action_on
    if owner is not None:
        household.owner = owner
    household.save(update_fields=["next_action", "next_action_on", "owner"])
    return household


@transaction.atomic
def household_clear_for(profile: WorkerProfile, *, on: datetime.date | None = None) -> Household | None:
    """A member was hired or works away: their household is cleared (动态清零), and its owner told."""
    link = HouseholdMember.objects.filter(profile=profile).select_related("household").first()
    if link is None:
        return None
    household = Household.objects.select_for_update().get(pk=link.household_id)
    if household.cleared_on is not None:
        return None
    household.cleared_on, household.cleared_by = on or timezone.localdate(), profile
    household.save(update_fields=["cleared_on", "cleared_by"])
    if household.owner_id:
        notify(user=household.owner, kind="household_cleared",
               title=_("零就业家庭已清零：%(head)s户") % {"head": household.head_name},
               body=_("%(name)s已实现就业，%(head)s户（%(county)s）已自动清零。") % {
                   "name": profile.name or _("家庭成员"), "head": household.head_name, "county": household.county},
               dedupe_key=f"household-cleared-{household.pk}")  # fmt: skip
    return household
