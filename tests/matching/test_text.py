"""How text is cut into search words, with the taxonomy's words added to jieba's dictionary."""

from __future__ import annotations

import pytest

from marketplace.models import Occupation
from marketplace.occupations.services import occupations_load
from marketplace.occupations.taxonomy import taxonomy_changed
from matching.text import tokens, vocabulary_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomy")]


def test_a_postings_words_are_cut_the_same_after_the_taxonomy_is_read_again():
    """The index is built by one process and queried by others: each must cut words alike.

    Adding the taxonomy's words again on every reload grew jieba's total count, and after a few
    reload 打菜 and 上料 were cut into single characters, and a search for them missed the posts.
    """
    texts = ["食堂备餐、打菜、收拾餐桌", "护栏、铁门加工小厂，焊点简单", "搅拌站上料，白班为主"]
    before = [tokens(text) for text in texts]

    for _ in range(2):  # the taxonomy loaded again, as after an import of a new edition
        Occupation.objects.all().delete()
        occupations_load()
        taxonomy_changed()
        vocabulary_changed()
        after = [tokens(text) for text in texts]

    assert after == before
