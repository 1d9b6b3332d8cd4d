"""Charts drawn on the server as inline SVG: no chart library, no CDN, readable without JavaScript.

One shape is enough for the pages that compare things: grouped horizontal bars, one group per row
(a livestream, say), one bar per series, each labelled with its value. Labels are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 340
LABEL_HEIGHT = 18
BAR_HEIGHT = 12
BAR_GAP = 3
GROUP_GAP = 14
VALUE_ROOM = 46  # space right of the longest bar for its number


@dataclass(frozen=True)
class Series:
    name: str
    color: str


def grouped_bars(
    title: str, series: Sequence[Series], rows: Sequence[tuple[str, Sequence[float]]], *, unit: str = ""
) -> SafeString:
    """An accessible SVG: <title> names the chart, each bar carries its value as text too."""
    top = 8 + LABEL_HEIGHT  # the legend
    group_height = LABEL_HEIGHT + len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    height = top + max(1, len(rows)) * group_height
    peak = max((v for _label, values in rows for v in values), default=0) or 1
    scale = (WIDTH - VALUE_ROOM) / peak
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    x = 0
    for item in series:
        parts.append(f'<rect x="{x}" y="6" width="10" height="10" rx="2" fill="{escape(item.color)}"/>')
        parts.append(f'<text x="{x + 14}" y="15" font-size="11" fill="#1f2328">{escape(item.name)}</text>')
        x += 14 + 12 * len(item.name) + 14
    y = top
    for label, values in rows:
        parts.append(f'<text x="0" y="{y + 13}" font-size="12" font-weight="600" fill="#1f2328">{escape(label)}</text>')
        y += LABEL_HEIGHT
        for item, value in zip(series, values, strict=True):
            width = max(1.0, value * scale) if value else 0
            parts.append(
                f'<rect x="0" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" rx="2" fill="{escape(item.color)}">'
                f"<title>{escape(item.name)}：{_number(value)}{escape(unit)}</title></rect>"
            )
            parts.append(
                f'<text x="{width + 4:.1f}" y="{y + BAR_HEIGHT - 2}" font-size="11" fill="#5f6b76">'
                f"{_number(value)}{escape(unit)}</text>"
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    if not rows:
        parts.append(f'<text x="0" y="{top + 14}" font-size="12" fill="#5f6b76">暂无数据</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text above is escaped


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
