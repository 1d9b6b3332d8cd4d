"""The taxonomy as matching reads it: cached per process, and never stale from one request to the next."""

from __future__ import annotations

import pytest

from marketplace.models import Occupation, OccupationFamily
from marketplace.occupations.taxonomy import suggest_occupations, taxonomy_pinned

pytestmark = pytest.mark.django_db


def _added_by_another_process(name: str) -> None:
    """A load elsewhere: rows appear without this process's cache being told."""
    family, _ = OccupationFamily.objects.get_or_create(code="T99", defaults={"name": "测试大类"})
    Occupation.objects.create(code=f"T99-{name}", name=name, family=family)


def test_a_trade_added_elsewhere_is_read_by_the_next_request_not_halfway_through_one():
    _added_by_another_process("掏耳师")
    assert [s.name for s in suggest_occupations(title="招掏耳师")] == ["掏耳师"]

    with taxonomy_pinned():
        suggest_occupations(title="预热")  # the request's first lookup reads the taxonomy
        _added_by_another_process("修脚师")
        during = [s.name for s in suggest_occupations(title="招修脚师")]

    after = [s.name for s in suggest_occupations(title="招修脚师")]
    assert during == []  # one request ranks everything against one taxonomy
    assert after == ["修脚师"]
