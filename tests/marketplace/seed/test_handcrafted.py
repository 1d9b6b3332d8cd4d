"""The shipped taxonomy and demo data load, and loading again changes nothing."""

import pytest

from marketplace.enums import PostingStatus
from marketplace.models import Employer, JobPosting, Occupation, OccupationFamily
from marketplace.occupations.services import TaxonomyError, occupations_load
from marketplace.seed.handcrafted import demo_load

pytestmark = pytest.mark.django_db


def test_taxonomy_covers_the_trades_this_population_works_in_with_colloquial_names():
    result = occupations_load()

    assert result.occupations >= 150
    assert OccupationFamily.objects.count() == result.families
    welder = Occupation.objects.get(name="电焊工")
    assert "焊工" in welder.synonyms
    assert welder.family.name == "建筑施工"
    assert Occupation.objects.filter(synonyms=[]).count() == 0


def test_demo_load_is_idempotent_and_publishes_postings_of_verified_employers():
    first = demo_load()
    counts = (Employer.objects.count(), JobPosting.objects.count(), Occupation.objects.count())

    second = demo_load()

    assert first == second
    assert (Employer.objects.count(), JobPosting.objects.count(), Occupation.objects.count()) == counts
    assert JobPosting.objects.filter(status=PostingStatus.PUBLISHED).count() == first.postings
    assert JobPosting.objects.filter(occupation__isnull=True).count() == 0
    for employer in Employer.objects.all():
        employer.full_clean()  # every demo credit code passes its check character


def test_a_broken_taxonomy_file_is_refused_and_nothing_is_loaded(tmp_path):
    broken = tmp_path / "occupations.json"
    broken.write_text('{"families": [{"code": "F1", "name": "x", "occupations": [{"code": "A"}]}]}', "utf-8")

    with pytest.raises(TaxonomyError):
        occupations_load(path=broken)

    assert OccupationFamily.objects.count() == 0
