"""Chinese text analysis for search: jieba segmentation with the project's own vocabulary.

Elasticsearch's integ-test distribution has no CJK analyzers, and SQLite FTS5 has none either,
so text is segmented here, in Python, and both backends index the space-joined tokens with a
plain whitespace tokenizer. The same function analyses queries, so both sides always agree.
Occupation names, synonyms and skills from the taxonomy are added to jieba's dictionary so
二保焊 or 月嫂 stay whole words.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata

import jieba

logger = logging.getLogger(__name__)

# Everything that is not a letter, digit or CJK character separates tokens.
_SEPARATORS = re.compile(r"[^\w\u4e00-\u9fff]+", re.UNICODE)
_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "有",
        "我",
        "你",
        "他",
        "她",
        "们",
        "要",
        "会",
        "能",
        "找",
        "想",
        "招",
        "招聘",
        "急招",
        "诚聘",
        "工作",
        "岗位",
    ]
)
_lock = threading.Lock()
_vocabulary_version: object = None
_vocabulary_checked_at = float("-inf")
# How often a long-running process looks for a changed taxonomy (one cheap query).
VOCABULARY_RECHECK_SECONDS = 60.0
VOCABULARY_FREQ = 20000  # high enough that a taxonomy word is cut whole

jieba.setLogLevel(logging.WARNING)


def _ensure_vocabulary() -> None:
    """Load taxonomy words into jieba once per process (and again after the taxonomy changes)."""
    global _vocabulary_version, _vocabulary_checked_at
    now = time.monotonic()
    if now - _vocabulary_checked_at < VOCABULARY_RECHECK_SECONDS:
        return
    _vocabulary_checked_at = now
    from marketplace.occupations.taxonomy import vocabulary

    version, words = vocabulary()
    if version == _vocabulary_version:
        return
    with _lock:
        if version == _vocabulary_version:
            return
        for word in words:
            # Each add_word also adds to jieba's total count, and the total weighs every cut: added
            # again after a reload, the same words cut 普工包吃住 otherwise than the index did.
            if jieba.get_FREQ(word) != VOCABULARY_FREQ:
                jieba.add_word(word, freq=VOCABULARY_FREQ)
        _vocabulary_version = version


def vocabulary_changed() -> None:
    """Look at the taxonomy again on the next analysis (after a load in this process)."""
    global _vocabulary_checked_at
    _vocabulary_checked_at = float("-inf")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case: ＳＭＴ and smt are the same word to a user."""
    return unicodedata.normalize("NFKC", text or "").lower()


def tokens(text: str, *, for_query: bool = False) -> list[str]:
    """Search tokens of a text: whole words plus their parts (电焊工 → 电焊, 焊工, 电焊工)."""
    _ensure_vocabulary()
    text = normalize(text)
    result: list[str] = []
    for piece in jieba.cut_for_search(text):
        for token in _SEPARATORS.split(piece):
            if token and (not for_query or token not in _STOPWORDS):
                result.append(token)
    return result


def analyze(text: str) -> str:
    """The indexed form of a text field: tokens joined by spaces."""
    return " ".join(tokens(text))


def query_tokens(text: str) -> list[str]:
    """Tokens of what a user typed, without filler words, each at most once, in order."""
    return list(dict.fromkeys(tokens(text, for_query=True)))
