"""代办: station staff act for a worker (make their account, apply for a job) only with the worker's consent.

The staff member asks; the worker gets an SMS naming the station, the staff member and the act,
with a six-digit code; telling the code to the staff member is the consent, recorded with who,
when and what. Codes are stored as keyed digests, expire after ten minutes, allow five tries and
are used once. A person already registered (the same phone, or the same ID number by its keyed
digest) is not registered again. The worker sees every act done for them on 我的 → 代办记录 and
can withdraw it (the application is withdrawn, the station stops managing the profile) or say it
was not them, which also tells the bureau.
"""

from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import phone_digest
from marketplace.applications.services import application_submit, application_withdraw
from marketplace.audit.services import audit_change
from marketplace.effects import after_commit
from marketplace.enums import ApplicationStatus, Role
from marketplace.models import JobPosting, ProxyConsent, User, WorkerProfile
from marketplace.notifications.services import notify
from marketplace.privacy import digest
from marketplace.profiles.models import id_number_digest
from marketplace.sms import sms_send
from marketplace.stations import rules
from marketplace.stations.enums import ProxyPurpose
from marketplace.validators import normalize_phone, validate_id_number, validate_phone

CODE_TTL = datetime.timedelta(minutes=10)
MAX_ATTEMPTS = 5
# 帮我填 stays open this long after the person's code: one sitting at the station's desk.
ASSIST_HOURS = 2
ASSIST_TIME = datetime.timedelta(hours=ASSIST_HOURS)


def _code_digest(consent_id: int, code: str) -> str:
    return digest("proxy", f"{consent_id}:{code}")


@transaction.atomic
def proxy_request(
    *, by: User, name: str, phone: str, purpose: str, posting: JobPosting | None = None, id_number: str = ""
) -> ProxyConsent:
    """Ask the worker: an SMS with the act, the station, the staff member and a code.

    Station staff may do every act for a worker; the bureau's service window only 帮我填 (the
    person is at its desk), in no station's name.
    """
    station = by.station
    if by.role == Role.BUREAU and purpose == ProxyPurpose.ASSIST:
        station = None
    elif station is None:
        raise PermissionDenied(_("只有协作站工作人员可以代办。"))
    else:
        rules.require(by, "roster.edit", station)
    validate_phone(phone)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请填写务工人员的姓名。")}, code="name_required")
    existing = User.objects.filter(phone_digest=phone_digest(phone)).first()
    if purpose == ProxyPurpose.REGISTER:
        if existing is not None:
            raise ValidationError({"phone": _("这个手机号已经注册过，不用再注册；可以征得本人同意后代为投递。")},
                                  code="already_registered")  # fmt: skip
        if id_number:
            validate_id_number(id_number)
            if WorkerProfile.objects.filter(id_number_digest=id_number_digest(id_number)).exists():
                message = _("这个身份证号已有账号（可能用了别的手机号）。请让本人用原账号登录。")
                raise ValidationError({"id_number": message}, code="id_number_registered")
    elif purpose == ProxyPurpose.APPLY:
        if existing is None or getattr(existing, "profile", None) is None:
            raise ValidationError({"phone": _("这个手机号还没有求职者账号，请先代为注册。")}, code="not_registered")
        if posting is None:
            raise ValidationError({"posting": _("请选择要投递的岗位。")}, code="posting_required")
    elif purpose == ProxyPurpose.ASSIST:
        profile = getattr(existing, "profile", None) if existing is not None else None
        if profile is None:
            raise ValidationError({"phone": _("这个手机号还没有求职者账号，请先代为注册。")}, code="not_registered")
        if station is not None and profile.station_id not in (None, station.pk):
            raise ValidationError({"phone": _("这位务工人员由%(other)s服务，请联系该站或人社局帮填。")
                                   % {"other": profile.station.name}}, code="other_station")  # fmt: skip
    else:
        raise ValidationError({"purpose": _("请选择代办事项。")}, code="purpose_unknown")
    consent = ProxyConsent.objects.create(
        station=station, staff=by, name=name, phone=normalize_phone(phone), purpose=purpose, posting=posting,
        code_digest="", expires_at=timezone.now() + CODE_TTL,
    )  # fmt: skip
    code = f"{secrets.randbelow(10**6):06d}"
    consent.code_digest = _code_digest(consent.pk, code)
    consent.save(update_fields=["code_digest"])
    what = ProxyPurpose(purpose).label + (f"“{posting.title}”" if posting else "")
    station_name = consent.acted_by
    text = _("【就业通】%(station)s的%(staff)s请求为您%(what)s。同意请把验证码%(code)s告诉工作人员，10分钟内有效；"
             "不同意请忽略。") % {"station": station_name, "staff": by.display_name or _("工作人员"), "what": what,
                                "code": code}  # fmt: skip
    after_commit(lambda: sms_send(phone=consent.phone, text=text), what=f"proxy consent code {consent.pk}")
    return consent


def proxy_confirm(*, by: User, consent: ProxyConsent, code: str, home_county: str = "") -> ProxyConsent:
    """The worker told the code: the consent is recorded and the act done, once.

    A wrong code still counts as a try (committed before the refusal), so five guesses end it.
    """
    with transaction.atomic():
        consent = (
            ProxyConsent.objects.select_for_update(of=("self",)).select_related("station", "posting").get(pk=consent.pk)
        )
        if consent.staff_id != by.pk:
            raise PermissionDenied(_("只有发起代办的工作人员可以确认。"))
        if consent.confirmed_at is not None:
            raise ValidationError(_("这次代办已经确认过了。"), code="proxy_confirmed")
        if timezone.now() > consent.expires_at or consent.attempts >= MAX_ATTEMPTS:
            raise ValidationError({"code": _("验证码已过期或错误次数过多，请重新发送。")}, code="code_expired")
        consent.attempts += 1
        right = secrets.compare_digest(consent.code_digest, _code_digest(consent.pk, (code or "").strip()))
        if right:
            _act(consent, home_county)
        else:
            consent.save(update_fields=["attempts"])
    if not right:
        raise ValidationError({"code": _("验证码不对，请让本人再看一下短信。")}, code="code_wrong")
    return consent


def _act(consent: ProxyConsent, home_county: str) -> None:
    consent.confirmed_at = timezone.now()
    if consent.purpose == ProxyPurpose.REGISTER:
        user = User.objects.create_user(consent.phone, role=Role.SEEKER, display_name=consent.name)
        WorkerProfile.objects.create(user=user, name=consent.name, station=consent.station,
                                     current_county=home_county or "")  # fmt: skip
    elif consent.purpose == ProxyPurpose.ASSIST:
        user = User.objects.get(phone_digest=consent.phone_digest)
        # They came to this station for help: from now on it organises them (until they withdraw).
        if consent.station_id:
            WorkerProfile.objects.filter(user=user, station__isnull=True).update(station=consent.station)
    else:
        user = User.objects.get(phone_digest=consent.phone_digest)
        consent.application = application_submit(by=user, posting=consent.posting, source="station")
    consent.user = user
    consent.save()
    why = _("代办%(what)s（本人短信确认，代办记录%(id)s）") % {"what": consent.get_purpose_display(), "id": consent.pk}
    audit_change(consent.staff, "profile", user.profile.pk, why=why)
    what = {"station": consent.acted_by, "what": consent.get_purpose_display()}
    body = _("如果不是您本人同意的，请在“我的—协作站与代办记录”里撤回或申诉。")
    notify(user=user, kind="proxy_done", url="/me/proxy/", sms=True, title=_("%(station)s为您%(what)s") % what,
           body=body, dedupe_key=f"proxy-{consent.pk}")  # fmt: skip


def _check_own(by: User, consent: ProxyConsent) -> ProxyConsent:
    consent = (
        ProxyConsent.objects.select_for_update(of=("self",))
        .select_related("application", "user", "station")
        .get(pk=consent.pk)
    )
    if consent.user_id != by.pk or consent.confirmed_at is None:
        raise PermissionDenied(_("只能处理为您本人办理的代办。"))
    return consent


def _undo(by: User, consent: ProxyConsent) -> None:
    application = consent.application
    if application is not None and application.status not in (ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED,
                                                               ApplicationStatus.REJECTED):  # fmt: skip
        application_withdraw(by=by, application=application)
    if consent.purpose in (ProxyPurpose.REGISTER, ProxyPurpose.ASSIST) and consent.station_id:
        WorkerProfile.objects.filter(user=by, station=consent.station).update(station=None)


@transaction.atomic
def proxy_withdraw(*, by: User, consent: ProxyConsent) -> ProxyConsent:
    """The worker takes the consent back: the application is withdrawn, the station stops managing them."""
    consent = _check_own(by, consent)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        _undo(by, consent)
    return consent


@transaction.atomic
def proxy_contest(*, by: User, consent: ProxyConsent) -> ProxyConsent:
    """ "不是我本人同意的": withdrawn as above, and the bureau is told to look into it."""
    consent = _check_own(by, consent)
    now = timezone.now()
    consent.contested_at = consent.contested_at or now
    consent.withdrawn_at = consent.withdrawn_at or now
    consent.save(update_fields=["contested_at", "withdrawn_at"])
    _undo(by, consent)
    for bureau in User.objects.filter(role=Role.BUREAU, is_active=True):
        notify(user=bureau, kind="proxy_contested", title=_("代办申诉：%(name)s") % {"name": consent.name},
               body=_("%(name)s说%(station)s的“%(what)s”不是本人同意的，请核查。") % {
                   "name": consent.name, "station": consent.acted_by, "what": consent.get_purpose_display()},
               dedupe_key=f"proxy-contest-{consent.pk}")  # fmt: skip
    return consent


def assist_consent(*, by: User, consent_id: int) -> ProxyConsent:
    """The 帮我填 this staff member may be doing now: confirmed by the person's code, not taken back,
    within ASSIST_HOURS. Anything else is refused: the wizard is the person's own otherwise."""
    consent = (ProxyConsent.objects.select_related("user__profile", "station")
               .filter(pk=consent_id, staff=by, purpose=ProxyPurpose.ASSIST).first())  # fmt: skip
    if consent is None or consent.confirmed_at is None:
        raise PermissionDenied(_("找不到这次帮填，请让本人先告诉您验证码。"))
    if consent.withdrawn_at or consent.contested_at:
        raise PermissionDenied(_("本人已撤回同意，不能再帮填。"))
    if timezone.now() - consent.confirmed_at > ASSIST_TIME:
        raise PermissionDenied(_("帮填已超过%(hours)s小时，请重新发送验证码。") % {"hours": ASSIST_HOURS})
    return consent
