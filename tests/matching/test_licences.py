"""Driving licence classes as drivers and postings write them, and what each class may drive."""

from __future__ import annotations

import pytest

from matching.licences import classes_in, held, lacking


def test_classes_are_read_where_people_write_them():
    assert classes_in("B2照 开了8年货车") == {"B2"}
    assert classes_in("公交驾驶员 A1/A3照") == {"A1", "A3"}
    assert classes_in("c1驾照") == {"C1"}
    assert classes_in("SMT操作员 B12线") == frozenset()  # not a licence


@pytest.mark.parametrize(
    ("holds", "asked", "lacks"),
    [("C1照开了十年", "客运司机（A1）", "A1"), ("B2照", "货车司机 A2", "A2"),
     ("A1", "C1及以上 送货", ""), ("B2", "货车 C1", ""),  # a higher class drives what a lower one may
     ("会开车", "客运司机（A1）", "")],  # who names no class is not judged on one
)  # fmt: skip
def test_a_class_covers_the_ones_below_it_and_no_other(holds, asked, lacks):
    assert lacking(classes_in(asked), held(holds)) == lacks
