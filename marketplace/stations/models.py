"""Cooperation stations (驻外劳务协作站), the workers on their rosters, hand-overs and follow-ups.

A roster entry is one of the prefecture's workers in the station's city. It has one owner at any
time, the station or the home county's bureau, and every change of owner is a logged hand-over.
Follow-ups at 1, 3 and 6 months after the start date ask whether the worker is still employed,
paid on time and housed; a survey link texted to the worker answers one of them, once.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import phone_digest
from marketplace.enums import KeyGroup
from marketplace.places.position import Position
from marketplace.privacy import EncryptedCharField, mask_phone
from marketplace.stations.enums import (
    AnsweredVia,
    ArrivalRoute,
    ContactStatus,
    DispatchStatus,
    MemberStatus,
    Owner,
    ProxyPurpose,
    RosterStatus,
)
from marketplace.validators import normalize_phone, validate_phone


class CooperationStation(Position):
    """驻外劳务协作站: a bureau office in a destination city that organises migrant workers."""

    name = models.CharField(_("协作站名称"), max_length=60, unique=True)
    city = models.CharField(_("所在城市"), max_length=30)
    # The gazetteer's code of the destination city (a prefecture-level city, or a county-level one).
    city_code = models.CharField(_("城市区划代码"), max_length=6, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    # Names of the prefecture's counties whose workers it serves; empty: every county.
    home_counties = models.JSONField(_("服务的户籍县市"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("劳务协作站")

    def __str__(self) -> str:
        return self.name


class RosterEntry(models.Model):
    """在外务工人员: one worker from the prefecture working in a station's city."""

    station = models.ForeignKey(CooperationStation, on_delete=models.PROTECT, related_name="roster")
    # The worker's own account, when there is one and it came through the product.
    profile = models.ForeignKey(
        "marketplace.WorkerProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="roster_entries"
    )
    name = models.CharField(_("姓名"), max_length=30)
    phone = EncryptedCharField(_("手机号"), validators=[validate_phone])
    # One entry per person and station: a worker added twice is found by the keyed digest.
    phone_digest = models.CharField(max_length=64, editable=False)
    home_county = models.CharField(_("户籍县市"), max_length=30)
    home_township = models.CharField(_("户籍乡镇"), max_length=40, blank=True)
    key_groups = models.JSONField(_("重点群体"), default=list, blank=True)
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.SET_NULL, null=True, blank=True, related_name="roster_entries"
    )
    employer_name = models.CharField(_("用工单位"), max_length=100, blank=True)
    posting = models.ForeignKey(
        "marketplace.JobPosting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(_("到岗日期"))
    route = models.CharField(_("外出方式"), max_length=12, choices=ArrivalRoute.choices, default=ArrivalRoute.SELF)
    status = models.CharField(_("状态"), max_length=10, choices=RosterStatus.choices, default=RosterStatus.WORKING)
    left_on = models.DateField(_("离岗日期"), null=True, blank=True)
    contact_status = models.CharField(
        _("联系情况"), max_length=12, choices=ContactStatus.choices, default=ContactStatus.NEW
    )
    owner = models.CharField(_("当前负责方"), max_length=12, choices=Owner.choices, default=Owner.STATION)
    last_follow_up_at = models.DateTimeField(_("最近回访"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=300, blank=True)
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = verbose_name_plural = _("在外务工人员")
        constraints = [models.UniqueConstraint(fields=["station", "phone_digest"], name="roster_once_per_station")]
        indexes = [models.Index(fields=["home_county", "owner", "status"])]

    def __str__(self) -> str:
        return f"{self.name}（{self.station}）"

    def save(self, *args, **kwargs) -> None:
        self.phone = normalize_phone(self.phone)
        self.phone_digest = phone_digest(self.phone)
        super().save(*args, **kwargs)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def organised(self) -> bool:
        return self.route != ArrivalRoute.SELF

    @property
    def key_group_labels(self) -> list[str]:
        return [KeyGroup(group).label for group in self.key_groups if group in KeyGroup.values]

    @property
    def workplace(self) -> str:
        return self.employer.name if self.employer_id else self.employer_name


class RosterHandover(models.Model):
    """A change of owner: who handed the worker to whom, when and why."""

    entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="handovers")
    from_owner = models.CharField(max_length=12, choices=Owner.choices, blank=True)
    to_owner = models.CharField(max_length=12, choices=Owner.choices)
    reason = models.CharField(_("原因"), max_length=200)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = verbose_name_plural = _("交接记录")

    def __str__(self) -> str:
        return f"{self.entry.name}: {self.from_owner or '—'} → {self.to_owner}"


class FollowUp(models.Model):
    """稳岗回访 at `months` after the start date; answered by the worker's survey or by staff."""

    entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField(_("到岗后月数"))
    due_on = models.DateField(_("回访日期"))
    # The survey link's token is texted once; only its keyed digest is kept.
    token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    answered_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    answered_via = models.CharField(max_length=10, choices=AnsweredVia.choices, blank=True)
    answered_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    still_employed = models.BooleanField(_("仍在岗"), null=True)
    paid_on_time = models.BooleanField(_("工资按时发放"), null=True)
    housing_ok = models.BooleanField(_("住宿有着落"), null=True)
    problem = models.CharField(_("遇到的困难"), max_length=500, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = verbose_name_plural = _("稳岗回访")
        constraints = [
            # One per period of each round: a worker who left and is hired again starts a new round.
            models.UniqueConstraint(fields=["entry", "months", "due_on"], name="follow_up_once_per_period"),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answered_via=""), name="follow_up_answer_has_a_way"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry.name} {self.months}个月回访"


class ProxyConsent(models.Model):
    """代办: a worker's consent, by SMS code, to one act by a station's staff (PIPL 第十三、十四条).

    Who asked (staff, station), for what (register an account, apply for one posting), when the
    worker confirmed, and whether they later withdrew it or said it was not them. The code is
    kept only as a keyed digest, is used once and expires.
    """

    # Empty when the bureau's service window (就业服务窗口) acted: 帮我填 at a county's desk.
    station = models.ForeignKey(
        CooperationStation, on_delete=models.PROTECT, null=True, blank=True, related_name="proxy_consents"
    )
    staff = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    name = models.CharField(_("姓名"), max_length=30)
    phone = EncryptedCharField(_("手机号"), validators=[validate_phone])
    phone_digest = models.CharField(max_length=64, db_index=True, editable=False)
    purpose = models.CharField(_("代办事项"), max_length=10, choices=ProxyPurpose.choices)
    posting = models.ForeignKey(
        "marketplace.JobPosting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    code_digest = models.CharField(max_length=64, editable=False)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(_("本人确认时间"), null=True, blank=True)
    # What the consent produced: the account made, or the application sent.
    user = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="proxy_consents"
    )
    application = models.ForeignKey(
        "marketplace.Application", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("本人撤回时间"), null=True, blank=True)
    contested_at = models.DateTimeField(_("本人申诉时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("代办授权")

    def __str__(self) -> str:
        return f"{self.acted_by} → {self.name}: {self.get_purpose_display()}"

    def save(self, *args, **kwargs) -> None:
        self.phone = normalize_phone(self.phone)
        self.phone_digest = phone_digest(self.phone)
        super().save(*args, **kwargs)

    @property
    def acted_by(self) -> str:
        """Whose desk acted, as the person reads it in the SMS and on their page."""
        return self.station.name if self.station_id else str(_("人社局就业服务窗口"))


class Dispatch(models.Model):
    """组团输送: a batch of workers sent to one employer (for one posting), checked in on arrival."""

    station = models.ForeignKey(CooperationStation, on_delete=models.PROTECT, related_name="dispatches")
    employer = models.ForeignKey("marketplace.Employer", on_delete=models.PROTECT, related_name="dispatches")
    posting = models.ForeignKey(
        "marketplace.JobPosting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("批次名称"), max_length=60)
    arrives_on = models.DateField(_("预计到岗日期"))
    status = models.CharField(_("状态"), max_length=10, choices=DispatchStatus.choices, default=DispatchStatus.OPEN)
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-arrives_on", "-id"]
        verbose_name = verbose_name_plural = _("组团输送批次")

    def __str__(self) -> str:
        return self.title


class DispatchMember(models.Model):
    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="members")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="dispatches")
    status = models.CharField(_("状态"), max_length=10, choices=MemberStatus.choices, default=MemberStatus.LISTED)
    arrived_at = models.DateTimeField(_("到岗时间"), null=True, blank=True)
    # Who checked the worker in: a staff member, or the worker by scanning the batch's code (None).
    checked_in_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    self_checked_in = models.BooleanField(default=False)

    class Meta:
        ordering = ["dispatch", "id"]
        verbose_name = verbose_name_plural = _("输送人员")
        constraints = [models.UniqueConstraint(fields=["dispatch", "profile"], name="dispatch_member_once")]

    def __str__(self) -> str:
        return f"{self.dispatch}: {self.profile}"
