"""组团输送: a batch to one partner employer, checked in at the gate or by the worker's own phone."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.stations.dispatch import (
    check_in_token,
    dispatch_add,
    dispatch_check_in,
    dispatch_close,
    dispatch_create,
    dispatch_for_token,
)
from marketplace.stations.enums import ArrivalRoute, MemberStatus
from tests.factories import EmployerFactory, JobPostingFactory, SeekerFactory, StationStaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch():
    staff = StationStaffFactory(station__name="驻宁波劳务协作站")
    employer = EmployerFactory(name="宁波某电器有限公司", station=staff.station)
    posting = JobPostingFactory(employer=employer)
    dispatch = dispatch_create(by=staff, station=staff.station, employer=employer, title="3月第1批",
                               arrives_on=timezone.localdate(), posting=posting)  # fmt: skip
    return staff, dispatch


def organised_worker(staff, name: str):
    worker = SeekerFactory(profile__name=name, profile__current_county="凯里市")
    worker.profile.station = staff.station
    worker.profile.save()
    return worker


def test_workers_checked_in_at_the_gate_or_by_their_phone_join_the_roster_and_the_rest_are_absent(batch):
    staff, dispatch = batch
    at_gate, by_phone, missing = (organised_worker(staff, n) for n in ("门口签到", "扫码签到", "没来的"))
    members = [dispatch_add(by=staff, dispatch=dispatch, phone=w.phone) for w in (at_gate, by_phone, missing)]

    dispatch_check_in(by=staff, member=members[0])
    assert dispatch_for_token(check_in_token(dispatch)) == dispatch
    dispatch_check_in(by=by_phone, member=members[1], self_service=True)
    assert dispatch_close(by=staff, dispatch=dispatch) == 1

    assert [m.status for m in dispatch.members.order_by("id")] == [MemberStatus.ARRIVED, MemberStatus.ARRIVED,
                                                                   MemberStatus.ABSENT]  # fmt: skip
    roster = {e.name: e for e in staff.station.roster.all()}
    assert set(roster) == {"门口签到", "扫码签到"}
    assert roster["扫码签到"].route == ArrivalRoute.DISPATCH and roster["扫码签到"].employer == dispatch.employer


def test_only_registered_workers_the_station_organises_and_each_once(batch):
    staff, dispatch = batch
    with pytest.raises(ValidationError, match="还没有求职者账号"):
        dispatch_add(by=staff, dispatch=dispatch, phone="13700009999")
    with pytest.raises(PermissionDenied):
        dispatch_add(by=staff, dispatch=dispatch, phone=SeekerFactory().phone)
    worker = organised_worker(staff, "吴小兰")
    dispatch_add(by=staff, dispatch=dispatch, phone=worker.phone)
    with pytest.raises(ValidationError, match="已在这个批次里"):
        dispatch_add(by=staff, dispatch=dispatch, phone=worker.phone)


def test_a_worker_cannot_check_in_someone_else_and_a_forged_code_opens_nothing(batch):
    staff, dispatch = batch
    member = dispatch_add(by=staff, dispatch=dispatch, phone=organised_worker(staff, "吴小兰").phone)
    with pytest.raises(PermissionDenied):
        dispatch_check_in(by=SeekerFactory(), member=member, self_service=True)
    assert dispatch_for_token(f"{dispatch.pk}-forged") is None


def test_a_batch_goes_only_to_a_partner_employer(batch):
    staff, _dispatch = batch
    with pytest.raises(ValidationError, match="合作单位"):
        dispatch_create(by=staff, station=staff.station, employer=EmployerFactory(), title="x",
                        arrives_on=timezone.localdate())  # fmt: skip
