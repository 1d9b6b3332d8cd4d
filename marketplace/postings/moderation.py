"""Rules that send a posting to a human: charges to seekers, fraud signs, discrimination.

A flag does not reject: a moderator reads it (a 月嫂 posting asking for women may have a reason).
The rules are data (`marketplace/data/moderation.json`) so staff can extend them without code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "moderation.json"


@dataclass(frozen=True)
class Rule:
    code: str
    label: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def _rules() -> tuple[Rule, ...]:
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    return tuple(
        Rule(code=r["code"], label=r["label"], patterns=tuple(re.compile(p) for p in r["patterns"]))
        for r in data["rules"]
    )


def posting_flags_for_text(*texts: str) -> list[dict[str, str]]:
    """The rules the text trips, each with the words that tripped it, for the moderator to read."""
    text = "\n".join(t for t in texts if t)
    flags = []
    for rule in _rules():
        for pattern in rule.patterns:
            match = pattern.search(text)
            if match:
                flags.append({"code": rule.code, "label": rule.label, "match": match.group(0)})
                break
    return flags


@cache
def _chat_patterns() -> tuple[re.Pattern[str], ...]:
    data = json.loads(RULES_PATH.read_text(encoding="utf-8")).get("chat", {})
    reused = set(data.get("reuse_rules", []))
    patterns = [p for rule in _rules() if rule.code in reused for p in rule.patterns]
    return (*patterns, *(re.compile(p) for p in data.get("patterns", [])))


def chat_banned_match(text: str) -> str:
    """The first banned words a live-chat message contains, or "" when it may be shown.

    Unlike posting flags, a chat message is refused outright: nobody reviews chat before it is seen.
    """
    for pattern in _chat_patterns():
        match = pattern.search(text)
        if match:
            return match.group(0)
    return ""
