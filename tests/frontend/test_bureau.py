"""Bureau pages: counts, moderation with the flagged words, verification and grades, the blacklist."""

import datetime

import pytest
from django.utils import timezone

from marketplace.enums import IntegrityGrade, PostingStatus, VerificationStatus
from marketplace.models import BlacklistEntry
from marketplace.postings.moderation import posting_flags_for_text
from tests.factories import EmployerFactory, JobPostingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, bureau_user):
    client.force_login(bureau_user)
    return client


def pending_posting(employer, title="普工", description=""):
    return JobPostingFactory(
        employer=employer,
        title=title,
        description=description,
        status=PostingStatus.PENDING,
        published_at=None,
        flags=posting_flags_for_text(title, description),
    )


def test_the_dashboard_counts_what_needs_attention(staff, employer, bureau_user):
    pending_posting(employer)
    EmployerFactory(verification=VerificationStatus.PENDING)
    BlacklistEntry.objects.create(employer=employer, reason="欠薪", starts_on=timezone.localdate())

    html = staff.get("/bureau/").content.decode()

    assert "<strong>1</strong><span>待审核岗位</span>" in html
    assert "<strong>1</strong><span>待认证单位</span>" in html
    assert "<strong>1</strong><span>黑名单单位</span>" in html


def test_flagged_postings_come_first_with_the_words_that_tripped_them(staff, employer):
    pending_posting(employer, title="仓库理货员")
    flagged = pending_posting(employer, title="服装厂车工", description="入职先交押金500元")

    html = staff.get("/bureau/moderation/").content.decode()

    assert html.index("服装厂车工") < html.index("仓库理货员")
    assert "需要人工复核" in html
    assert "向求职者收费" in html and "<mark>押金</mark>" in html
    assert f'action="/bureau/moderation/{flagged.pk}/"' in html


def test_approving_publishes(staff, employer):
    posting = pending_posting(employer)

    response = staff.post(f"/bureau/moderation/{posting.pk}/", {"decision": "approve"}, follow=True)

    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED
    assert "已审核通过并发布" in response.content.decode()


def test_rejecting_needs_a_reason_which_the_employer_then_sees(staff, employer):
    posting = pending_posting(employer, description="先交押金")

    response = staff.post(f"/bureau/moderation/{posting.pk}/", {"decision": "reject", f"r{posting.pk}-reason": " "})
    assert response.status_code == 400
    assert "请填写不通过的原因，方便单位修改。" in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PENDING

    staff.post(f"/bureau/moderation/{posting.pk}/", {"decision": "reject", f"r{posting.pk}-reason": "请删除押金要求"})
    posting.refresh_from_db()
    assert (posting.status, posting.status_note) == (PostingStatus.REJECTED, "请删除押金要求")


def test_verifying_and_refusing_employers(staff):
    good = EmployerFactory(name="待认证甲", verification=VerificationStatus.PENDING)
    bad = EmployerFactory(name="待认证乙", verification=VerificationStatus.PENDING)
    html = staff.get("/bureau/employers/").content.decode()
    assert "待认证甲" in html and "待认证乙" in html

    staff.post(f"/bureau/employers/{good.pk}/verify/", {"decision": "approve"})
    response = staff.post(f"/bureau/employers/{bad.pk}/verify/", {"decision": "reject", f"v{bad.pk}-note": ""})
    assert response.status_code == 400
    assert "请填写未通过认证的原因。" in response.content.decode()
    staff.post(f"/bureau/employers/{bad.pk}/verify/", {"decision": "reject", f"v{bad.pk}-note": "执照已过期"})

    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.verification == VerificationStatus.VERIFIED
    assert (bad.verification, bad.verification_note) == (VerificationStatus.REJECTED, "执照已过期")


def test_setting_an_integrity_grade(staff, employer):
    response = staff.post(f"/bureau/employers/{employer.pk}/grade/", {f"g{employer.pk}-grade": "C"}, follow=True)

    employer.refresh_from_db()
    assert employer.integrity_grade == IntegrityGrade.C
    assert "C级（失信）" in response.content.decode()


def test_blacklisting_hides_the_jobs_and_lifting_brings_them_back(staff, client, employer, search_index):
    posting = JobPostingFactory(employer=employer, title="被拉黑单位的岗位")
    search_index()
    assert "被拉黑单位的岗位" in staff.get("/jobs/").content.decode()

    response = staff.post(
        "/bureau/blacklist/",
        {"employer": employer.pk, "reason": "拖欠农民工工资12万元", "starts_on": "", "ends_on": ""},
        follow=True,
    )

    html = response.content.decode()
    assert "已列入黑名单" in html and "拖欠农民工工资12万元" in html and "生效中" in html
    assert "被拉黑单位的岗位" not in staff.get("/jobs/").content.decode()  # at once, before the index
    search_index()
    assert "被拉黑单位的岗位" not in staff.get("/jobs/").content.decode()
    assert staff.get(f"/jobs/{posting.pk}/").status_code == 200  # bureau staff may still look

    entry = BlacklistEntry.objects.get()
    staff.post(f"/bureau/blacklist/{entry.pk}/lift/")
    entry.refresh_from_db()
    assert entry.lifted_at is not None
    search_index()
    assert "被拉黑单位的岗位" in staff.get("/jobs/").content.decode()


def test_a_refused_blacklist_entry_keeps_what_was_typed(staff, employer):
    today = timezone.localdate()

    response = staff.post(
        "/bureau/blacklist/",
        {
            "employer": employer.pk,
            "reason": "欠薪",
            "starts_on": today.isoformat(),
            "ends_on": (today - datetime.timedelta(days=3)).isoformat(),
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "截止日期不能早于起始日期。" in html
    assert "欠薪</textarea>" in html and f'value="{today.isoformat()}"' in html
    assert f'<option value="{employer.pk}" selected>' in html
    assert not BlacklistEntry.objects.exists()


def test_a_blacklist_reason_is_required(staff, employer):
    response = staff.post("/bureau/blacklist/", {"employer": employer.pk, "reason": ""})

    assert response.status_code == 400
    assert "请填写列入黑名单的原因。" in response.content.decode()
