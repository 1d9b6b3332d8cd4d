"""A station's roster: register a worker, hand them over, follow them up, hear back.

Every change of owner is a logged hand-over, so at any time exactly one side (the station or the
home county's bureau) looks after each worker. Follow-ups are scheduled when a worker is entered
and sent by a daily task; the worker answers by a link texted to them (no login), or staff record
a phone call. "Not paid on time" opens a wage-arrears case; "no longer working" hands the worker
back to the home county's list.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.arrears.services import arrears_open_from_roster
from marketplace.audit.services import audit_change
from marketplace.effects import after_commit
from marketplace.enums import KeyGroup, Role
from marketplace.models import Application, CooperationStation, Employer, JobPosting, User, WorkerProfile
from marketplace.notifications.services import absolute_url, notify, sms_quiet
from marketplace.places import COUNTY_BY_NAME, suggest_places
from marketplace.privacy import digest
from marketplace.sms import sms_send
from marketplace.stations import rules
from marketplace.stations.enums import AnsweredVia, ArrivalRoute, ContactStatus, Owner, RosterStatus
from marketplace.stations.models import FollowUp, RosterEntry, RosterHandover

EDITABLE = ("employer", "employer_name", "posting", "home_township", "key_groups", "contact_status", "note")


def survey_digest(token: str) -> str:
    return digest("survey", token)


def _clean_county(name: str) -> str:
    name = (name or "").strip()
    if name in COUNTY_BY_NAME:
        return name
    for county in COUNTY_BY_NAME.values():  # 凯里 for 凯里市, as people write it
        if name and county.name.startswith(name):
            return county.name
    near = [n for n in suggest_places(name) if n in COUNTY_BY_NAME] or list(COUNTY_BY_NAME)[:3]
    raise ValidationError(
        {
            "home_county": _("“%(name)s”不是本州的县市，请选择：%(names)s。")
            % {"name": name[:20], "names": "、".join(near)}
        },
        code="home_county_unknown",
    )


def _clean_groups(groups: Any) -> list[str]:
    if not isinstance(groups, list | tuple) or not all(isinstance(g, str) for g in groups):
        raise ValidationError({"key_groups": _("重点群体应为列表。")}, code="key_groups_invalid")
    unknown = [g for g in groups if g not in KeyGroup.values]
    if unknown:
        raise ValidationError(
            {"key_groups": _("不认识的重点群体：%(groups)s。") % {"groups": "、".join(unknown)[:60]}},
            code="key_groups_invalid",
        )
    return sorted(set(groups))


def _clean_workplace(station: CooperationStation, employer: Employer | None, posting: JobPosting | None) -> None:
    if posting is not None and employer is not None and posting.employer_id != employer.pk:
        raise ValidationError({"posting": _("该岗位不属于所选用工单位。")}, code="posting_other_employer")


def _log_handover(entry: RosterEntry, *, to: str, reason: str, by: User | None, from_owner: str = "") -> None:
    RosterHandover.objects.create(entry=entry, from_owner=from_owner, to_owner=to, reason=reason[:200], by=by)


@transaction.atomic
def roster_add(
    *,
    by: User,
    station: CooperationStation,
    name: str,
    phone: str,
    home_county: str,
    start_date: datetime.date,
    route: str = ArrivalRoute.SELF,
    home_township: str = "",
    key_groups: list[str] | None = None,
    employer: Employer | None = None,
    employer_name: str = "",
    posting: JobPosting | None = None,
    note: str = "",
) -> RosterEntry:
    """Enter a worker on the station's roster; the station owns them from now, follow-ups are scheduled."""
    rules.require(by, "roster.edit", station)
    if start_date > timezone.localdate() + datetime.timedelta(days=60):
        raise ValidationError({"start_date": _("到岗日期不能晚于两个月后。")}, code="start_date_far")
    _clean_workplace(station, employer, posting)
    entry = RosterEntry(
        station=station,
        name=(name or "").strip(),
        phone=phone,
        home_county=_clean_county(home_county),
        home_township=(home_township or "").strip(),
        key_groups=_clean_groups(key_groups or []),
        employer=employer,
        employer_name="" if employer else (employer_name or "").strip(),
        posting=posting,
        start_date=start_date,
        route=route,
        note=(note or "").strip(),
        created_by=by,
    )
    entry.full_clean(exclude=["phone_digest", "created_by"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:  # the same phone at this station: a second tap, or entered before
        raise ValidationError(
            {"phone": _("该手机号已在本站名册中，请在名册里查找并更新。")}, code="roster_duplicate"
        ) from exc
    _log_handover(entry, to=Owner.STATION, reason=_("登记入册"), by=by)
    _schedule_follow_ups(entry)
    audit_change(by, "roster_entry", entry.pk, why=_("登记入册"))
    return entry


def roster_from_hire(application: Application) -> RosterEntry | None:
    """A hire through a station's posting or a partner employer's: the worker joins that station's roster.

    Returns the entry, or None when no station is concerned or the worker is not from the prefecture.
    """
    posting = application.posting
    station_id = posting.station_id or posting.employer.station_id
    if station_id is None:
        return None
    return roster_join(
        station=CooperationStation.objects.get(pk=station_id), profile=application.profile,
        route=ArrivalRoute.APPLICATION, reason=_("经平台投递录用：%(title)s") % {"title": posting.title[:60]},
        employer=posting.employer, posting=posting,
    )  # fmt: skip


def roster_join(
    *,
    station: CooperationStation,
    profile: WorkerProfile,
    route: str,
    reason: str,
    employer: Employer | None = None,
    posting: JobPosting | None = None,
) -> RosterEntry | None:
    """A worker the product brought to the station's city (a hire, a 返岗直通车 trip) joins its roster.

    Only the prefecture's own workers (home county known and local). A worker the station already
    knows gets the new job; one who had left starts a new round of follow-ups.
    """
    if profile.current_county not in COUNTY_BY_NAME:
        return None
    entry = RosterEntry.objects.filter(station=station, phone_digest=profile.user.phone_digest).first()
    if entry is None:
        entry = RosterEntry.objects.create(
            station=station, profile=profile, name=profile.name or str(profile.user), phone=profile.user.phone,
            home_county=profile.current_county, home_township=profile.hukou_township or profile.current_town,
            key_groups=sorted(profile.group_tags.filter(confirmed_at__isnull=False).values_list("group", flat=True)),
            employer=employer, posting=posting, start_date=timezone.localdate(), route=route,
        )  # fmt: skip
        _log_handover(entry, to=Owner.STATION, reason=reason, by=None)
        _schedule_follow_ups(entry)
        return entry
    entry.profile = profile
    if employer is not None:
        entry.employer, entry.employer_name, entry.posting = employer, "", posting
    if entry.status != RosterStatus.WORKING:
        entry.status, entry.left_on, entry.start_date, entry.route = (
            RosterStatus.WORKING,
            None,
            timezone.localdate(),
            route,
        )
        entry.follow_ups.filter(answered_at__isnull=True).delete()  # the old round's, moot now
        _schedule_follow_ups(entry)
    if entry.owner != Owner.STATION:
        _log_handover(entry, from_owner=entry.owner, to=Owner.STATION, reason=reason, by=None)
        entry.owner = Owner.STATION
    entry.save()
    return entry


def _schedule_follow_ups(entry: RosterEntry) -> None:
    FollowUp.objects.bulk_create(
        FollowUp(entry=entry, months=months, due_on=rules.add_months(entry.start_date, months))
        for months in rules.FOLLOW_UP_MONTHS
    )


@transaction.atomic
def roster_update(*, by: User, entry: RosterEntry, **changes: Any) -> RosterEntry:
    entry = RosterEntry.objects.select_for_update().get(pk=entry.pk)
    rules.require(by, "roster.edit", entry)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(
            _("不能修改的字段：%(fields)s。") % {"fields": "、".join(sorted(unknown))}, code="not_editable"
        )
    if "key_groups" in changes:
        changes["key_groups"] = _clean_groups(changes["key_groups"])
    for field, value in changes.items():
        setattr(entry, field, value)
    if entry.employer_id:
        entry.employer_name = ""
    _clean_workplace(entry.station, entry.employer, entry.posting)
    entry.full_clean(exclude=["phone_digest", "created_by"], validate_unique=False, validate_constraints=False)
    entry.save()
    audit_change(by, "roster_entry", entry.pk, why=_("修改：%(fields)s") % {"fields": "、".join(sorted(changes))})
    return entry


@transaction.atomic
def roster_hand_over(*, by: User, entry: RosterEntry, to: str, reason: str) -> RosterEntry:
    """Pass the worker to the other side; the log says who, when and why."""
    entry = RosterEntry.objects.select_for_update().get(pk=entry.pk)
    rules.require(by, "roster.hand_over", entry)
    if to not in Owner.values:
        raise ValidationError({"to": _("请选择交接给谁。")}, code="owner_unknown")
    if to == entry.owner:
        raise ValidationError(
            {"to": _("该务工人员已由%(owner)s负责。") % {"owner": Owner(to).label}}, code="owner_same"
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请写明交接原因。")}, code="reason_required")
    _log_handover(entry, from_owner=entry.owner, to=to, reason=reason.strip(), by=by)
    entry.owner = to
    entry.save(update_fields=["owner", "updated_at"])
    if to == Owner.HOME_COUNTY:
        _tell_home_county(entry, reason.strip())
    return entry


def _tell_home_county(entry: RosterEntry, reason: str) -> None:
    title = _("返乡待帮扶：%(name)s（%(county)s）") % {"name": entry.name, "county": entry.home_county}
    body = _("%(station)s已将%(name)s交回户籍地跟进：%(reason)s") % {
        "station": entry.station.name, "name": entry.name, "reason": reason[:120],
    }  # fmt: skip
    for user in User.objects.filter(role=Role.BUREAU, is_active=True):
        notify(user=user, kind="roster_handed_home", title=title, body=body, url=f"/station/roster/{entry.pk}/",
               dedupe_key=f"roster-home-{entry.pk}-{entry.handovers.count()}")  # fmt: skip


def _mark_left(entry: RosterEntry, *, by: User | None, reason: str) -> None:
    entry.status = RosterStatus.LEFT
    entry.left_on = timezone.localdate()
    entry.save(update_fields=["status", "left_on", "updated_at"])
    if entry.owner != Owner.HOME_COUNTY:
        _log_handover(entry, from_owner=entry.owner, to=Owner.HOME_COUNTY, reason=reason, by=by)
        entry.owner = Owner.HOME_COUNTY
        entry.save(update_fields=["owner", "updated_at"])
        _tell_home_county(entry, reason)


# --- follow-ups ---------------------------------------------------------------------------------


def follow_ups_due(today: datetime.date | None = None):
    """Follow-ups to text now: due, not yet sent or answered, not older than a survey link lives."""
    today = today or timezone.localdate()
    return FollowUp.objects.filter(
        due_on__lte=today,
        due_on__gt=today - datetime.timedelta(days=rules.SURVEY_VALID_DAYS),
        sent_at__isnull=True,
        answered_at__isnull=True,
        entry__status=RosterStatus.WORKING,
    ).select_related("entry", "entry__station")


def follow_ups_send_due(now: datetime.datetime | None = None) -> int:
    """Text each due worker a survey link and tell the station's staff. Returns how many were sent.

    Nothing is texted in SMS quiet hours: the next run (the task is daily, and also hourly-safe)
    sends them. Each follow-up is sent once: `sent_at` is set in the same transaction as its token.
    """
    now = now or timezone.now()
    if sms_quiet(now):
        return 0
    sent = 0
    for follow_up in follow_ups_due(timezone.localdate(now)):
        with transaction.atomic():
            locked = FollowUp.objects.select_for_update(skip_locked=True).filter(pk=follow_up.pk, sent_at__isnull=True)
            if not locked.exists():
                continue  # another worker of the task took it
            token = secrets.token_urlsafe(16)
            locked.update(token_digest=survey_digest(token), sent_at=now)
            entry = follow_up.entry
            link = absolute_url(f"/survey/{token}/")
            text = _("【就业通】%(name)s您好，您到岗%(months)s个月了，请花一分钟告诉我们工作和工资情况：%(link)s") % {
                "name": entry.name, "months": follow_up.months, "link": link,
            }  # fmt: skip
            after_commit(lambda phone=entry.phone, text=text: sms_send(phone=phone, text=text),
                         what=f"survey SMS of follow-up {follow_up.pk}")  # fmt: skip
            for user in User.objects.filter(station=entry.station, role=Role.STATION, is_active=True):
                notify(
                    user=user, kind="follow_up_due", url=f"/station/roster/{entry.pk}/",
                    title=_("%(months)s个月回访：%(name)s") % {"months": follow_up.months, "name": entry.name},
                    body=_("已向%(name)s发送回访问卷；未回复的请电话回访。") % {"name": entry.name},
                    dedupe_key=f"follow-up-{follow_up.pk}",
                )  # fmt: skip
            sent += 1
    return sent


def follow_up_for_token(token: str) -> FollowUp | None:
    """The follow-up a survey link answers, or None: unknown, already answered, or expired."""
    if not token or len(token) > 64:
        return None
    follow_up = (
        FollowUp.objects.select_related("entry", "entry__station", "entry__employer")
        .filter(token_digest=survey_digest(token))
        .first()
    )
    if follow_up is None or follow_up.sent_at is None:
        return None
    if follow_up.sent_at < timezone.now() - datetime.timedelta(days=rules.SURVEY_VALID_DAYS):
        return None
    return follow_up


@transaction.atomic
def follow_up_answer(
    *,
    follow_up: FollowUp,
    still_employed: bool,
    paid_on_time: bool | None,
    housing_ok: bool | None,
    problem: str = "",
    by: User | None = None,
) -> FollowUp:
    """Record the answers once: by the worker's survey (`by` None) or by staff after a call."""
    follow_up = FollowUp.objects.select_for_update().select_related("entry", "entry__station").get(pk=follow_up.pk)
    entry = follow_up.entry
    if by is not None:
        rules.require(by, "follow_up.record", entry)
    if follow_up.answered_at is not None:
        raise ValidationError(_("这次回访已经填写过了，谢谢！"), code="follow_up_answered")
    follow_up.still_employed, follow_up.paid_on_time, follow_up.housing_ok = still_employed, paid_on_time, housing_ok
    follow_up.problem = (problem or "").strip()[:500]
    follow_up.answered_at = timezone.now()
    follow_up.answered_via = AnsweredVia.STAFF if by is not None else AnsweredVia.SURVEY
    follow_up.answered_by = by
    follow_up.token_digest = None  # the link has done its one job
    follow_up.save()
    entry.last_follow_up_at = follow_up.answered_at
    entry.contact_status = ContactStatus.REACHED
    entry.save(update_fields=["last_follow_up_at", "contact_status", "updated_at"])
    if paid_on_time is False:
        arrears_open_from_roster(entry=entry, description=follow_up.problem or _("回访反映工资未按时发放"))
    if not still_employed and entry.status == RosterStatus.WORKING:
        _mark_left(entry, by=by, reason=_("%(months)s个月回访：已不在岗") % {"months": follow_up.months})
    return follow_up
