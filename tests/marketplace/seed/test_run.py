"""`manage.py seed_demo`: reproducible, realistic demo data that a reset removes and nothing else."""

import datetime
import itertools
import json

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from marketplace.applications.services import profile_snapshot
from marketplace.enums import EDUCATION_RANK, ApplicationStatus, Education, JobType, KeyGroup, PostingStatus
from marketplace.models import (
    Application,
    ApplicationTransition,
    BlacklistEntry,
    CooperationStation,
    Employer,
    EmploymentOutcome,
    GroupTag,
    JobPosting,
    User,
    WorkerProfile,
)
from marketplace.places import COUNTIES
from marketplace.privacy import mask_id_number, mask_phone
from marketplace.profiles.models import id_number_digest
from marketplace.validators import credit_code_check_char, validate_credit_code, validate_id_number, validate_phone

pytestmark = pytest.mark.django_db


# The real day: what the blacklist and the ID-number validator compare against.
def today() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate()


SMALL = {"employers": 5, "postings": 30, "profiles": 60}
QEDN_CODES = {county.code for county in COUNTIES}


def seed(**options):
    call_command("seed_demo", verbosity=0, today=today(), **{**SMALL, **options})


def seeded_employers():
    return Employer.objects.filter(credit_code__contains="MAJYT")


def fingerprint() -> dict[str, list]:
    """What a person browsing the demo would notice if it changed between two runs."""
    return {
        "employers": sorted(seeded_employers().values_list("name", "credit_code", "county", "verification")),
        "postings": sorted(
            JobPosting.objects.filter(employer__in=seeded_employers()).values_list(
                "title", "county", "pay_min", "pay_max", "pay_unit", "status", "published_at", "valid_until"
            )
        ),
        "profiles": sorted(
            (p.name, p.masked_id_number, p.birth_year, p.current_county, p.expected_pay, tuple(p.skills))
            for p in WorkerProfile.objects.all()
        ),
        "applications": sorted(
            Application.objects.values_list("profile__name", "posting__title", "status", "created_at")
        ),
        "tags": sorted(GroupTag.objects.values_list("profile__name", "group", "confirmed_at")),
    }


def test_the_same_seed_and_day_give_the_same_data_and_another_seed_does_not():
    seed(seed=7)
    first = fingerprint()

    seed(seed=7, reset=True)
    again = fingerprint()
    seed(seed=8, reset=True)
    other = fingerprint()

    assert first == again
    assert len(first["postings"]) == SMALL["postings"]
    assert len(first["profiles"]) == SMALL["profiles"]
    assert other["profiles"] != first["profiles"]
    assert other["postings"] != first["postings"]


def test_every_job_type_status_county_and_key_group_occurs_even_in_a_small_run():
    seed()

    postings = JobPosting.objects.filter(employer__in=seeded_employers())
    assert set(postings.values_list("job_type", flat=True)) == set(JobType.values)
    assert set(postings.values_list("status", flat=True)) == set(PostingStatus.values)
    assert {c.name for c in COUNTIES} <= set(postings.values_list("county", flat=True))
    assert set(Application.objects.values_list("status", flat=True)) == set(ApplicationStatus.values)
    assert set(GroupTag.objects.values_list("group", flat=True)) == set(KeyGroup.values)
    assert CooperationStation.objects.filter(name="驻东莞劳务协作站", city="东莞市").exists()
    assert CooperationStation.objects.count() >= 6


def test_a_medium_run_looks_like_the_prefecture():
    seed(employers=20, postings=200, profiles=300)

    postings = JobPosting.objects.filter(employer__in=seeded_employers())
    published = postings.filter(status=PostingStatus.PUBLISHED)
    assert published.count() > postings.count() / 2
    assert published.filter(published_at__date__lt=today() - datetime.timedelta(days=61)).count() == 0
    assert published.filter(valid_until__lt=today()).count() == 0
    assert postings.filter(status=PostingStatus.EXPIRED, valid_until__gte=today()).count() == 0
    assert all(p.status_note for p in postings.filter(status=PostingStatus.REJECTED))
    assert all(p.pay_min <= p.pay_max for p in postings)
    # Public-welfare posts come from public units at home; coastal jobs through the city's station.
    for posting in postings.filter(job_type=JobType.PUBLIC_WELFARE).select_related("employer"):
        assert posting.employer.credit_code[:2] in {"11", "12"}
        assert posting.county in {c.name for c in COUNTIES}
    for posting in postings.exclude(station=None).select_related("employer"):
        assert posting.station_id == posting.employer.station_id
        assert posting.county == posting.station.city
    assert postings.exclude(station=None).exists()

    profiles = list(WorkerProfile.objects.prefetch_related("group_tags", "wanted_occupations"))
    assert {p.hukou_township[:3] for p in profiles} == {c.name for c in COUNTIES}
    ages = [today().year - p.birth_year for p in profiles]
    assert min(ages) >= 16 and max(ages) <= 62
    assert sum(age >= 50 for age in ages) > len(ages) / 10
    for profile in profiles:
        age = today().year - profile.birth_year
        groups = {t.group for t in profile.group_tags.all()}
        if KeyGroup.GRADUATE in groups:
            assert age <= 26
            assert EDUCATION_RANK[profile.education] >= EDUCATION_RANK[Education.COLLEGE]
        if KeyGroup.OLDER_WORKER in groups:
            assert age >= 50
        assert profile.wanted_occupations.exists()
        assert profile.wanted_places
    assert GroupTag.objects.exclude(confirmed_at=None).filter(confirmed_by__role="bureau").exists()
    assert GroupTag.objects.filter(confirmed_at=None).exists()
    assert {p.visibility for p in profiles} == {"open", "applications_only"}

    employers = list(seeded_employers())
    assert {e.verification for e in employers} == {"verified", "pending", "rejected"}
    assert all(e.verification_note for e in employers if e.verification == "rejected")
    blacklisted = [e for e in employers if e.is_blacklisted]
    assert len(blacklisted) == 2
    assert all(e.integrity_grade == "C" for e in blacklisted)
    assert not JobPosting.objects.filter(employer__in=blacklisted, status=PostingStatus.PUBLISHED).exists()
    assert BlacklistEntry.objects.filter(employer__in=blacklisted, reason__contains="农民工").count() == 2


def test_identifiers_are_valid_and_lookups_by_phone_and_id_work():
    seed()

    for profile in WorkerProfile.objects.all():
        validate_id_number(profile.id_number)
        assert profile.id_number[:6] in QEDN_CODES
        assert int(profile.id_number[6:10]) == profile.birth_year
        assert int(profile.id_number[16]) % 2 == (1 if profile.gender == "male" else 0)
        assert profile.id_number_digest == id_number_digest(profile.id_number)
    for employer in Employer.objects.all():
        validate_credit_code(employer.credit_code)
    for employer in seeded_employers():
        validate_phone(employer.contact_phone)
        assert employer.members.exists()
    for user in User.objects.all():
        validate_phone(user.phone)
        assert user.phone.startswith("1990")
        assert User.objects.get_by_phone(user.phone) == user
    assert User.objects.filter(role="seeker").count() == SMALL["profiles"]
    assert User.objects.filter(role="bureau", is_staff=True).count() == 1
    assert User.objects.filter(role="station").count() == CooperationStation.objects.count()


def test_the_printed_demo_logins_work_for_every_role(capsys):
    call_command("seed_demo", verbosity=1, today=today(), **SMALL)
    output = capsys.readouterr().out

    assert "jiuyetong2023" in output
    roles = set()
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("1990"):
            user = authenticate(None, phone=parts[1], password="jiuyetong2023")
            assert user is not None, line
            roles.add(user.role)
    assert roles == {"seeker", "employer", "station", "bureau"}
    assert authenticate(None, phone="19900000010", password="jiuyetong2023") is None  # only a handful


def test_snapshots_show_the_profile_but_never_its_id_number_or_phone():
    seed()

    applications = Application.objects.select_related("profile__user")
    assert applications.exists()
    for application in applications:
        profile, text = application.profile, json.dumps(application.snapshot, ensure_ascii=False)
        real = profile_snapshot(profile)  # what application_submit would have sent
        assert set(application.snapshot) == set(real)
        assert application.snapshot["name"] == profile.name
        # Labels an employer reads (男, 初中), never the stored codes (male, junior).
        shown = (application.snapshot["gender"], application.snapshot["education"])
        assert shown == (real["gender"], real["education"])
        for secret in (profile.id_number, profile.user.phone, mask_id_number(profile.id_number)):
            assert secret not in text
        assert mask_phone(profile.user.phone) not in text


def test_histories_are_consistent_and_every_hire_is_counted():
    seed()

    allowed = {PostingStatus.PUBLISHED, PostingStatus.PAUSED, PostingStatus.CLOSED}
    for application in Application.objects.select_related("posting", "profile"):
        assert application.posting.status in allowed
        steps = list(ApplicationTransition.objects.filter(application=application).order_by("at", "id"))
        assert (steps[0].from_status, steps[0].to_status) == ("", ApplicationStatus.SUBMITTED)
        assert all(a.to_status == b.from_status for a, b in itertools.pairwise(steps))
        assert all(a.at <= b.at for a, b in itertools.pairwise(steps))
        assert steps[-1].to_status == application.status
        assert application.created_at == steps[0].at
        assert application.posting.published_at <= application.created_at <= steps[-1].at
    hired = Application.objects.filter(status=ApplicationStatus.HIRED)
    assert hired.exists()
    assert EmploymentOutcome.objects.count() == hired.count()
    for outcome in EmploymentOutcome.objects.select_related("application__posting", "profile"):
        posting = outcome.application.posting
        assert outcome.profile_id == outcome.application.profile_id
        assert (outcome.employer_id, outcome.county, outcome.job_type) == (
            posting.employer_id,
            posting.county,
            posting.job_type,
        )
        assert sorted(outcome.key_groups) == sorted(outcome.profile.group_tags.values_list("group", flat=True))
    for posting in JobPosting.objects.filter(employer__in=seeded_employers()).exclude(status=PostingStatus.DRAFT):
        steps = list(posting.transitions.order_by("at", "id"))
        assert steps[-1].to_status == posting.status
        assert all(a.to_status == b.from_status for a, b in itertools.pairwise(steps))


def test_running_again_without_reset_refuses_and_changes_nothing():
    seed()
    models = (User, Employer, JobPosting, WorkerProfile, Application, GroupTag, EmploymentOutcome)
    before = [m.objects.count() for m in models]
    demo_dates = sorted(JobPosting.objects.exclude(employer__in=seeded_employers()).values_list("published_at"))

    with pytest.raises(CommandError, match="--reset"):
        seed(seed=99)

    assert [m.objects.count() for m in models] == before
    assert sorted(JobPosting.objects.exclude(employer__in=seeded_employers()).values_list("published_at")) == (
        demo_dates
    )


def test_if_missing_seeds_a_fresh_database_once_and_keeps_what_users_changed_on_the_next_start():
    seed(if_missing=True)
    assert WorkerProfile.objects.count() == SMALL["profiles"]
    profile = WorkerProfile.objects.order_by("pk").first()
    WorkerProfile.objects.filter(pk=profile.pk).update(name="改过的名字")

    seed(if_missing=True, seed=99)  # the README's first command, started a second time

    assert WorkerProfile.objects.count() == SMALL["profiles"]
    assert WorkerProfile.objects.get(pk=profile.pk).name == "改过的名字"


def test_reset_removes_only_seeded_data():
    someone = User.objects.create_user("13812345678", password="secret-pw-1")
    code = "91522601MA6XY0123"
    own = Employer.objects.create(name="本地真实企业", credit_code=code + credit_code_check_char(code), county="凯里市")
    seed()
    demo_employers = Employer.objects.exclude(credit_code__contains="MAJYT").count()

    seed(reset=True, seed=3)

    assert User.objects.filter(pk=someone.pk).exists()
    assert Employer.objects.filter(pk=own.pk).exists()
    assert Employer.objects.exclude(credit_code__contains="MAJYT").count() == demo_employers
    assert WorkerProfile.objects.count() == SMALL["profiles"]
    assert seeded_employers().count() == SMALL["employers"]


def test_sizes_too_small_to_cover_the_prefecture_are_refused():
    with pytest.raises(CommandError, match="16 个县市"):
        seed(postings=10)
    assert not Employer.objects.exists()


def test_the_demo_has_two_gigs_with_claims_at_every_stage_and_a_reset_removes_them():
    from livestream.gigs.models import Gig, GigClaim, GigRating, GigSettlement, WageComplaint

    seed()

    gigs = {g.title: g for g in Gig.objects.all()}
    assert set(gigs) == {"仓库卸货", "酒席帮厨"}
    assert gigs["仓库卸货"].work_date == today() - datetime.timedelta(days=1)
    states = sorted(GigClaim.objects.values_list("gig__title", "status"))
    assert states == [("仓库卸货", "checked_out"), ("仓库卸货", "checked_out"), ("仓库卸货", "no_show"),
                      ("酒席帮厨", "claimed"), ("酒席帮厨", "confirmed")]  # fmt: skip
    # 07:52 → 17:05 counts from 08:00: 9 h 05 min ≈ 9 h at 22 元; 08:10 → 16:40 is 8.5 h.
    assert sorted(GigSettlement.objects.values_list("amount", "status")) == [(187, "unpaid"), (198, "paid")]
    assert GigRating.objects.count() == 3 and WageComplaint.objects.get().status == "open"
    # The first demo seeker login worked yesterday's gig.
    first = WorkerProfile.objects.get(user__phone_digest=User.objects.get_by_phone("19900000000").phone_digest)
    assert GigClaim.objects.get(profile=first).status == "checked_out"

    seed(reset=True)
    assert Gig.objects.count() == 2
