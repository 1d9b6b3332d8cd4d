"""A person's rights over their own data under PIPL: a copy of it (第四十五条) and erasure (第四十七条).

The copy is everything the service holds about the person, in words they can read (Chinese
labels, enum labels, full ID and phone numbers: they are theirs). Erasure keeps what others
rightly hold (an employer's record that an application happened, the bureau's counts) but with
nothing left that points at the person: ID and phone numbers, names, texts, positions,
certificates and notices go, application snapshots are replaced, the account can no longer sign
in, and the profile leaves the search index (its save queues the removal, as any hidden profile).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.effects import after_commit
from marketplace.enums import ProfileVisibility
from marketplace.models import Notification, SmsCode, User

ERASED_SNAPSHOT = {"erased": True, "name": "已注销用户"}


def _when(value) -> str | None:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else None


def _label(instance, field: str) -> str:
    display = getattr(instance, f"get_{field}_display", None)
    return str(display()) if display else str(getattr(instance, field) or "")


def personal_data_export(user: User) -> dict[str, Any]:
    """个人信息副本: what the service holds about `user`, as a readable JSON-able dict."""
    data: dict[str, Any] = {
        "导出时间": _when(timezone.now()),
        "账号": {
            "手机号": user.phone,
            "称呼": user.display_name,
            "角色": _label(user, "role"),
            "注册时间": _when(user.date_joined),
            "最近登录": _when(user.last_login),
        },
        "消息": [
            {"标题": n.title, "内容": n.body, "时间": _when(n.created_at), "已读": n.read_at is not None}
            for n in Notification.objects.filter(user=user).order_by("created_at")
        ],
    }
    profile = getattr(user, "profile", None)
    if profile is None:
        return data
    data["求职档案"] = {
        "姓名": profile.name,
        "性别": _label(profile, "gender"),
        "出生年份": profile.birth_year,
        "身份证号": profile.id_number,
        "实名核验时间": _when(profile.identity_verified_at),
        "户籍乡镇": profile.hukou_township,
        "现居县市": profile.current_county,
        "现居乡镇/街道": profile.current_town,
        "位置": {"纬度": profile.lat, "经度": profile.lon} if profile.lat is not None else None,
        "学历": _label(profile, "education"),
        "技能": list(profile.skills or []),
        "想做的工作": [o.name for o in profile.wanted_occupations.all()],
        "意向工作地": list(profile.wanted_places or []),
        "意向用工类型": list(profile.wanted_job_types or []),
        "期望薪资": profile.expected_pay,
        "求职方式": _label(profile, "availability"),
        "谁能看到我的档案": _label(profile, "visibility"),
        "同意处理身份证号的时间": _when(profile.sensitive_consent_at),
        "同意被企业搜索的时间": _when(profile.findable_consent_at),
        "自我介绍": profile.intro,
        "证书": [{"名称": c.name, "照片": bool(c.photo)} for c in profile.certificates.all()],
        "工作经历": [
            {k: str(v) for k, v in row.items() if k not in {"id", "profile_id"}} for row in profile.experiences.values()
        ],
        "重点群体": [{"类别": _label(t, "group"), "确认时间": _when(t.confirmed_at)} for t in profile.group_tags.all()],
    }
    data["投递记录"] = [
        {
            "岗位": a.posting.title,
            "单位": a.posting.employer.name,
            "状态": _label(a, "status"),
            "投递时间": _when(a.created_at),
            "来源": a.source,
        }
        for a in profile.applications.select_related("posting__employer").order_by("created_at")
    ]
    data["零工"] = [
        {
            "零工": c.gig.title,
            "日期": str(c.gig.work_date),
            "状态": _label(c, "status"),
            "抢单时间": _when(c.created_at),
        }
        for c in profile.gig_claims.select_related("gig").order_by("created_at")
    ]
    data["招聘会报名"] = [
        {"招聘会": t.event.title, "状态": _label(t, "status"), "报名时间": _when(t.created_at)}
        for t in profile.event_tickets.select_related("event").order_by("created_at")
    ]
    return data


@transaction.atomic
def account_erase(*, user: User) -> None:
    """注销账号: remove what identifies the person; keep, anonymised, what others rightly hold."""
    photos: list = []
    profile = getattr(user, "profile", None)
    if profile is not None:
        photos = [c.photo for c in profile.certificates.all() if c.photo]
        profile.certificates.all().delete()
        profile.experiences.all().delete()
        profile.group_tags.all().delete()
        profile.wanted_occupations.clear()
        profile.applications.update(snapshot=ERASED_SNAPSHOT)
        for field, empty in {
            "name": "", "gender": "", "birth_year": None, "id_number": "", "identity_verified_at": None,
            "hukou_township": "", "current_county": "", "current_town": "", "education": "", "skills": [],
            "wanted_places": [], "wanted_job_types": [], "expected_pay": None, "intro": "", "lat": None,
            "lon": None, "visibility": ProfileVisibility.APPLICATIONS_ONLY, "sensitive_consent_at": None,
            "findable_consent_at": None,
        }.items():  # fmt: skip
            setattr(profile, field, empty)
        profile.save()  # not open any more: its signal queues the profile's removal from the search index
    Notification.objects.filter(user=user).delete()
    SmsCode.objects.filter(phone_digest=user.phone_digest).delete()
    # Bypassing save(): it would digest the empty number, and every erased account would collide.
    user.set_unusable_password()
    User.objects.filter(pk=user.pk).update(
        phone="", phone_digest=f"erased-{uuid.uuid4().hex}", display_name=_("已注销用户"), is_active=False,
        password=user.password, employer=None, station=None,
    )  # fmt: skip
    for photo in photos:
        after_commit(lambda photo=photo: photo.storage.delete(photo.name), what="delete an erased certificate photo")
