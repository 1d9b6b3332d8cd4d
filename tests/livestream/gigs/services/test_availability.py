"""今天可接活 and the notices it brings (gigs.services.availability): who hears about a new gig, how often."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from livestream.gigs.models import WorkerAvailability
from livestream.gigs.services.availability import (
    availability_clear,
    availability_current,
    availability_set,
    gig_notify_available,
)
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.posting import gig_post
from livestream.gigs.tasks import gig_notify_available as gig_notify_task
from marketplace import sms
from marketplace.enums import KeyGroup, PayUnit
from marketplace.models import Certificate, GroupTag, Notification, Occupation, OccupationFamily
from tests.factories import SeekerFactory


def today() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate()


def tomorrow() -> datetime.date:
    return today() + datetime.timedelta(days=1)


# 舟溪镇 and a spot about 3 km away; 凯里 city centre is about 15 km north-west.
ZHOUXI = (26.4897, 108.0452)
NEAR_ZHOUXI = (26.5150, 108.0400)
FAR = (26.9000, 107.5000)


@pytest.fixture(autouse=True)
def _daytime_and_empty_outbox(settings):
    # Texts are held back at night; these tests are about who is told, so no hour is quiet here.
    settings.NOTIFY_SMS_QUIET_HOURS = ["0", "0"]
    settings.SITE_URL = "https://jyt.example.cn"
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def families(db):
    building = OccupationFamily.objects.create(code="T6", name="建筑施工")
    farming = OccupationFamily.objects.create(code="T5", name="农林牧渔")
    carrier = Occupation.objects.create(code="T6-01", name="搬运工", family=building)
    picker = Occupation.objects.create(code="T5-01", name="采茶工", family=farming)
    return {"building": building, "farming": farming, "carrier": carrier, "picker": picker}


def zhouxi_gig(**extra) -> dict:
    """What gig_post gets for a gig at 舟溪镇 with its position: the one the workers nearby hear of."""
    return {"title": "搬运装车", "county": "凯里市", "town": "舟溪镇", "work_date": tomorrow(),
            "start_time": datetime.time(8, 0), "end_time": datetime.time(17, 0), "pay": 180,
            "pay_unit": PayUnit.DAY, "places": 2, "lat": ZHOUXI[0], "lon": ZHOUXI[1], **extra}  # fmt: skip


def available(name: str, *, where=NEAR_ZHOUXI, county: str = "凯里市", day=None, families=()):
    user = SeekerFactory(profile__name=name)
    lat, lon = where if where else (None, None)
    availability_set(by=user, county=county, lat=lat, lon=lon, families=families, day=day or tomorrow())
    return user


@pytest.fixture
def tell(django_capture_on_commit_callbacks):
    """Run the notices for a gig as its task does, sending what waits for the commit (push, SMS)."""

    def run(gig) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return gig_notify_available(gig)

    return run


def told(gig) -> set[str]:
    rows = Notification.objects.filter(kind="gig_nearby", dedupe_key=f"gig:{gig.pk}")
    return {row.user.profile.name for row in rows.select_related("user__profile")}


@pytest.mark.django_db
def test_a_new_gig_tells_the_available_workers_nearby_who_want_that_kind_of_work(world, families, tell):
    near = available("杨阿妹", families=[families["building"]])
    available("吴老二")  # any kind of work
    available("远处的", where=FAR)
    available("别的县", county="丹寨县")
    available("只采茶", families=[families["farming"]])
    available("只有今天", day=today())  # the gig is tomorrow
    SeekerFactory(profile__name="没标记")

    gig = gig_post(by=world.employer_member, data=zhouxi_gig(occupation=families["carrier"]))
    assert tell(gig) == 2

    assert told(gig) == {"杨阿妹", "吴老二"}
    notice = Notification.objects.get(user=near, dedupe_key=f"gig:{gig.pk}")
    assert notice.title == "附近有零工：搬运装车"
    assert "距你约2.9公里" in notice.body and "180 元/天" in notice.body and "还剩2个名额" in notice.body
    assert notice.url == f"/gigs/{gig.area}/#gig-{gig.pk}"
    texts = {m.phone: m.text for m in sms.outbox}
    assert texts[near.phone].startswith("【就业通】附近有零工：搬运装车")
    assert texts[near.phone].endswith(f"https://jyt.example.cn/gigs/{gig.area}/#gig-{gig.pk}")


@pytest.mark.django_db
def test_a_worker_without_a_position_hears_of_gigs_anywhere_on_the_county_board(world, tell):
    available("没定位", where=None)
    gig = gig_post(by=world.employer_member, data=zhouxi_gig())
    tell(gig)
    notice = Notification.objects.get(dedupe_key=f"gig:{gig.pk}")
    assert "距你" not in notice.body and "在舟溪镇" in notice.body


@pytest.mark.django_db
def test_running_the_task_again_tells_nobody_twice(world, django_capture_on_commit_callbacks):
    available("杨阿妹")
    gig = gig_post(by=world.employer_member, data=zhouxi_gig())

    with django_capture_on_commit_callbacks(execute=True):
        assert gig_notify_task(gig.pk) == 1
        assert gig_notify_task(gig.pk) == 0
    assert Notification.objects.count() == 1 and len(sms.outbox) == 1


@pytest.mark.django_db
def test_nobody_hears_of_more_gigs_a_day_than_the_cap(world, settings, tell):
    settings.NOTIFY_GIG_NEARBY_PER_DAY = 2
    worker = available("杨阿妹")
    for n in range(3):
        gig = gig_post(by=world.employer_member, data=zhouxi_gig(title=f"零工{n}"))
        tell(gig)
    assert Notification.objects.filter(user=worker).count() == 2


@pytest.mark.django_db
def test_during_a_key_group_window_only_the_favoured_are_told_and_the_rest_when_it_opens(world, tell):
    favoured = available("脱贫户")
    tag = GroupTag.objects.create(profile=favoured.profile, group=KeyGroup.POVERTY_RELIEVED)
    GroupTag.objects.filter(pk=tag.pk).update(confirmed_at=timezone.now(), confirmed_by=world.bureau)
    available("普通人")
    gig = gig_post(
        by=world.employer_member,
        data=zhouxi_gig(
            priority_groups=[KeyGroup.POVERTY_RELIEVED], priority_until=timezone.now() + datetime.timedelta(minutes=10)
        ),
    )
    tell(gig)
    assert told(gig) == {"脱贫户"}

    type(gig).objects.filter(pk=gig.pk).update(priority_until=timezone.now() - datetime.timedelta(seconds=1))
    assert tell(gig) == 1
    assert told(gig) == {"脱贫户", "普通人"}
    assert Notification.objects.filter(user=favoured).count() == 1


@pytest.mark.django_db
def test_workers_missing_a_required_certificate_are_not_told(world, tell):
    welder = available("有证的")
    Certificate.objects.create(profile=welder.profile, name="焊工证")
    available("没证的")
    gig = gig_post(by=world.employer_member, data=zhouxi_gig(certificates_required=["焊工证"]))
    tell(gig)
    assert told(gig) == {"有证的"}


@pytest.mark.django_db
def test_a_small_gig_tells_only_the_nearest_few(world, tell):
    workers = [available(f"工人{n}", where=(ZHOUXI[0] + n * 0.001, ZHOUXI[1])) for n in range(32)]
    gig = gig_post(by=world.employer_member, data=zhouxi_gig(places=1))
    assert tell(gig) == 30
    told_ids = set(Notification.objects.values_list("user_id", flat=True))
    assert told_ids == {w.pk for w in workers[:30]}


@pytest.mark.django_db
def test_a_worker_who_already_claimed_or_a_gig_that_filled_tells_nobody(world, tell):
    worker = available("杨阿妹")
    gig = gig_post(by=world.employer_member, data=zhouxi_gig(places=1))
    gig_claim(by=worker, gig=gig)
    assert tell(gig) == 0


@pytest.mark.django_db
def test_availability_is_for_today_or_tomorrow_and_lapses_at_midnight(world):
    worker = world.seeker
    row = availability_set(by=worker, county="凯里市", town="舟溪镇")
    again = availability_set(by=worker, county="凯里市", town="湾水镇", note="有摩托车")
    assert row.pk == again.pk and again.town == "湾水镇"
    local_expiry = timezone.localtime(again.expires_at)
    assert (local_expiry.date(), local_expiry.time()) == (tomorrow(), datetime.time(0, 0))
    assert [r.day for r in availability_current(worker)] == [today()]

    WorkerAvailability.objects.filter(pk=row.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert availability_current(worker) == []
    assert availability_clear(by=worker) is True
    assert availability_clear(by=worker) is False


@pytest.mark.django_db
def test_bad_availability_input_is_refused_with_reasons(world):
    with pytest.raises(ValidationError) as refused:
        availability_set(by=world.seeker, county=" ", lat=26.5, day=today() + datetime.timedelta(days=3))
    errors = refused.value.message_dict
    assert errors["county"] == ["请选择所在县市。"]
    assert errors["lat"] == ["请同时提供纬度和经度。"]
    assert errors["day"] == ["只能标记今天或明天可接活。"]
    assert not WorkerAvailability.objects.exists()


@pytest.mark.django_db
def test_only_job_seekers_mark_themselves_available(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        availability_set(by=world.employer_member, county="凯里市")
