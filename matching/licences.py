"""Driving licence classes (准驾车型): 客运司机（A1） is not a job for who holds a C1.

Drivers name the class they hold (C1照开了十年, B2照) and postings the class they need (A1/A3照,
C1及以上), and a class covers the ones below it: an A1 may drive what a B1, B2 or C1 may, a C1 may
not drive a bus. The classes and what each covers are those of 机动车驾驶证申领和使用规定 (准驾车型).
"""

from __future__ import annotations

import re

# What each class may also drive.
COVERS: dict[str, frozenset[str]] = {
    "A1": frozenset({"A1", "A3", "B1", "B2", "C1", "C2", "C3", "C4"}),
    "A2": frozenset({"A2", "B2", "C1", "C2", "C3", "C4"}),
    "A3": frozenset({"A3", "C1", "C2", "C3", "C4"}),
    "B1": frozenset({"B1", "C1", "C2", "C3", "C4"}),
    "B2": frozenset({"B2", "C1", "C2", "C3", "C4"}),
    "C1": frozenset({"C1", "C2", "C3", "C4"}),
    "C2": frozenset({"C2"}),
    "C3": frozenset({"C3", "C4"}),
    "C4": frozenset({"C4"}),
}
_CLASS = re.compile(r"(?<![A-Za-z0-9])([ABCabc][1-4])(?![0-9])")


def classes_in(text: str) -> frozenset[str]:
    """The licence classes named in text: A1/A3照 → {A1, A3}."""
    return frozenset(c.upper() for c in _CLASS.findall(text or "") if c.upper() in COVERS)


def held(text: str) -> frozenset[str]:
    """Every class a seeker may drive, from the classes they name (B2 → B2, C1, C2 …)."""
    return frozenset().union(*(COVERS[c] for c in classes_in(text)))


def lacking(asked: frozenset[str], may_drive: frozenset[str]) -> str:
    """The class a post asks for that the seeker may not drive ("" when any asked class is covered,
    or either side names none)."""
    if not asked or not may_drive or asked & may_drive:
        return ""
    return sorted(asked)[0]
