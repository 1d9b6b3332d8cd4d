"""Booths (展位): employers bring their published jobs to an event; the organiser's staff decide.

And applications made from an event's page, linked to the event so its outcomes can count them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.events.enums import BoothStatus
from livestream.events.rules import require
from livestream.models import Booth, EventApplication, RecruitmentEvent
from marketplace.applications.services import application_submit
from marketplace.models import Application, JobPosting, User
from marketplace.postings.selectors import posting_is_public

MAX_BOOTH_POSTINGS = 20


def _refuse_unless_upcoming(event: RecruitmentEvent) -> None:
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已取消。"), code="event_cancelled")
    if event.has_ended():
        raise ValidationError(_("该招聘会已结束。"), code="event_closed")


@transaction.atomic
def booth_register(*, by: User, event: RecruitmentEvent, postings: Iterable[JobPosting]) -> Booth:
    """Take (or change) the employer's booth. Any change goes back to the staff for approval."""
    require(by, "booth.register")
    employer = by.employer
    if not employer.is_verified:
        raise ValidationError(_("单位通过认证后才能报名参会。"), code="employer_unverified")
    if employer.is_blacklisted:
        raise ValidationError(_("单位在欠薪黑名单期间不能参会。"), code="employer_blacklisted")
    event = RecruitmentEvent.objects.select_for_update(no_key=True, of=("self",)).get(pk=event.pk)
    _refuse_unless_upcoming(event)
    postings = list({p.pk: p for p in postings}.values())
    if not postings:
        raise ValidationError({"postings": [_("请至少选择一个招聘中的岗位。")]})
    if len(postings) > MAX_BOOTH_POSTINGS:
        raise ValidationError({"postings": [_("每个展位最多带%(n)s个岗位。") % {"n": MAX_BOOTH_POSTINGS}]})
    foreign = [p.title for p in postings if p.employer_id != employer.pk]
    if foreign:
        raise ValidationError({"postings": [_("只能选择本单位的岗位：%(t)s") % {"t": "、".join(foreign)}]})
    closed = [p.title for p in postings if not posting_is_public(p)]
    if closed:
        raise ValidationError({"postings": [_("这些岗位不在招聘中：%(t)s") % {"t": "、".join(closed)}]})
    booth, _created = Booth.objects.select_for_update().get_or_create(
        event=event, employer=employer, defaults={"registered_by": by}
    )
    booth.status = BoothStatus.PENDING
    booth.note = ""
    booth.decided_by = None
    booth.decided_at = None
    booth.registered_by = by
    booth.save()
    booth.postings.set(postings)
    return booth


@transaction.atomic
def booth_decide(*, by: User, booth: Booth, approve: bool, note: str = "") -> Booth:
    booth = Booth.objects.select_for_update(of=("self",)).select_related("event").get(pk=booth.pk)
    require(by, "booth.decide", booth)
    if booth.employer_id is not None and booth.employer_id == by.employer_id:
        raise ValidationError(_("不能审核本单位的展位。"), code="booth_own")
    _refuse_unless_upcoming(booth.event)
    if not approve and not (note or "").strip():
        raise ValidationError({"note": [_("请填写不通过的原因，单位会看到它。")]})
    booth.status = BoothStatus.APPROVED if approve else BoothStatus.REJECTED
    booth.note = (note or "").strip()[:200]
    booth.decided_by = by
    booth.decided_at = timezone.now()
    booth.save(update_fields=["status", "note", "decided_by", "decided_at"])
    return booth


@transaction.atomic
def event_apply(*, by: User, event: RecruitmentEvent, posting: JobPosting) -> Application:
    """Apply to a job at an approved booth of the event; the application remembers the event."""
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已取消。"), code="event_cancelled")
    at_event = Booth.objects.filter(event=event, status=BoothStatus.APPROVED, postings=posting).exists()
    if not at_event:
        raise ValidationError(_("该岗位不在本场招聘会上。"), code="posting_not_at_event")
    application = application_submit(by=by, posting=posting, source="event")
    EventApplication.objects.create(event=event, application=application)
    return application
