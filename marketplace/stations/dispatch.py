"""组团输送: a station sends a batch of workers to one employer and checks them in on arrival.

Staff list the workers (registered ones the station organises: 代办 makes that possible), then
check each in at the factory gate, or show the batch's QR code and let the workers check
themselves in with their phones. A checked-in worker joins the station's roster as 组团输送,
which counts toward 组织化程度. The batch page shows at a glance who arrived and who did not.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import CooperationStation, Dispatch, DispatchMember, Employer, JobPosting, User
from marketplace.permissions import can as marketplace_can
from marketplace.privacy import id_from_signed, signed_id
from marketplace.profiles.selectors import profile_by_phone
from marketplace.stations import rules
from marketplace.stations.enums import ArrivalRoute, DispatchStatus, MemberStatus
from marketplace.stations.services import roster_join


def check_in_token(dispatch: Dispatch) -> str:
    """What the batch's QR code says: the batch and a keyed check only this server can make."""
    return signed_id("dispatch", dispatch.pk)


def dispatch_for_token(token: str) -> Dispatch | None:
    pk = id_from_signed("dispatch", token)
    return Dispatch.objects.select_related("station", "employer").filter(pk=pk).first() if pk else None


@transaction.atomic
def dispatch_create(
    *, by: User, station: CooperationStation, employer: Employer, title: str, arrives_on: datetime.date,
    posting: JobPosting | None = None,
) -> Dispatch:  # fmt: skip
    rules.require(by, "roster.edit", station)
    if employer.station_id != station.pk:
        raise ValidationError({"employer": _("只能输送到本站的合作单位。")}, code="employer_not_partner")
    if posting is not None and posting.employer_id != employer.pk:
        raise ValidationError({"posting": _("该岗位不属于所选用工单位。")}, code="posting_other_employer")
    if not (title or "").strip():
        raise ValidationError({"title": _("请填写批次名称，如“3月第1批·宁波某电器厂”。")}, code="title_required")
    return Dispatch.objects.create(station=station, employer=employer, posting=posting, title=title.strip(),
                                   arrives_on=arrives_on, created_by=by)  # fmt: skip


@transaction.atomic
def dispatch_add(*, by: User, dispatch: Dispatch, phone: str) -> DispatchMember:
    """Add a registered worker the station organises, by their phone number."""
    rules.require(by, "roster.edit", dispatch)
    if dispatch.status != DispatchStatus.OPEN:
        raise ValidationError(_("该批次已结束。"), code="dispatch_closed")
    profile = profile_by_phone(phone)
    if not marketplace_can(by, "profile.edit", profile):
        raise PermissionDenied(_("只能输送本站组织的务工人员。"))
    try:
        with transaction.atomic():
            return DispatchMember.objects.create(dispatch=dispatch, profile=profile)
    except IntegrityError as exc:
        raise ValidationError({"phone": _("%(name)s已在这个批次里。") % {"name": profile.name}},
                              code="member_twice") from exc  # fmt: skip


@transaction.atomic
def dispatch_check_in(*, by: User, member: DispatchMember, self_service: bool = False) -> DispatchMember:
    """Arrived: by staff at the gate, or by the worker scanning the batch's code (`self_service`)."""
    member = DispatchMember.objects.select_for_update().select_related("dispatch", "profile__user").get(pk=member.pk)
    dispatch = member.dispatch
    if self_service:
        if member.profile.user_id != by.pk:
            raise PermissionDenied(_("只能为自己签到。"))
    else:
        rules.require(by, "roster.edit", dispatch)
    if dispatch.status != DispatchStatus.OPEN:
        raise ValidationError(_("该批次已结束。"), code="dispatch_closed")
    if member.status == MemberStatus.ARRIVED:
        return member
    member.status, member.arrived_at = MemberStatus.ARRIVED, timezone.now()
    member.checked_in_by, member.self_checked_in = by, self_service
    member.save()
    roster_join(station=dispatch.station, profile=member.profile, route=ArrivalRoute.DISPATCH,
                reason=_("组团输送到岗：%(t)s") % {"t": dispatch.title}, employer=dispatch.employer,
                posting=dispatch.posting)  # fmt: skip
    return member


@transaction.atomic
def dispatch_close(*, by: User, dispatch: Dispatch) -> int:
    """The batch is done: whoever has not arrived is 未到岗. Returns how many."""
    dispatch = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    rules.require(by, "roster.edit", dispatch)
    dispatch.status = DispatchStatus.CLOSED
    dispatch.save(update_fields=["status"])
    return dispatch.members.filter(status=MemberStatus.LISTED).update(status=MemberStatus.ABSENT)
