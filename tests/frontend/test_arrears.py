"""欠薪投诉 on a phone: a worker files with a photo and sees progress; the bureau handles the case."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.models import PersonalDataAccess, WageArrearsCase
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def test_a_worker_files_a_complaint_and_the_bureau_closes_it(client, seeker, bureau_user):
    client.force_login(seeker)
    upload = SimpleUploadedFile("工资条.png", png_bytes((300, 200)), content_type="image/png")
    complaint = {"employer_name": "某建筑劳务公司", "workers": 3, "amount": 9000, "description": "干了两个月没发工资"}
    response = client.post("/arrears/new/", {**complaint, "photos": [upload]}, follow=True)
    assert "人社局将在" in response.content.decode()
    case = WageArrearsCase.objects.get()
    assert case.evidence.count() == 1

    client.force_login(bureau_user)
    html = client.get(f"/bureau/arrears/{case.pk}/").content.decode()
    assert "某建筑劳务公司" in html and "证据照片" in html
    assert PersonalDataAccess.objects.filter(record="arrears_case", actor=bureau_user).exists()
    client.post(f"/bureau/arrears/{case.pk}/", {"action": "step", "step-note": "已电话联系老板"})
    client.post(f"/bureau/arrears/{case.pk}/", {"action": "close", "close-outcome": "recovered"})

    client.force_login(seeker)
    html = client.get("/me/arrears/").content.decode()
    assert "已追回工资" in html and "已电话联系老板" in html


def test_a_complaint_without_a_description_keeps_what_was_typed(client, seeker):
    client.force_login(seeker)
    response = client.post("/arrears/new/", {"employer_name": "某建筑劳务公司", "workers": 1, "amount": 9000})
    html = response.content.decode()
    assert response.status_code == 400 and "某建筑劳务公司" in html and 'value="9000"' in html
