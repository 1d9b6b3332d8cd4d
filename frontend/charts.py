"""Bar charts as inline SVG, drawn on the server: no chart library, no CDN, readable without JS.

Every text in the SVG is escaped (labels come from data: event and employer names).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

PALETTE = ("#9aa5b1", "#5b8def", "#f0a030", "#2f9e6b", "#c8102e", "#7b4fc9")


@dataclass(frozen=True)
class Series:
    label: str
    color: str


def grouped_bars(
    title: str, groups: list[tuple[str, list[int]]], series: list[Series], *, width: int = 360
) -> SafeString:
    """Horizontal bars: one group per row (an event, an employer), one bar per series in the group.

    The view box is phone-sized (360 wide), so its 12px text stays 12px on a phone.
    """
    label_w, bar_h, gap, legend_h = 116, 10, 12, 26 + 18 * ((len(series) + 2) // 3)
    plot_w = width - label_w - 34
    top = max((max(values, default=0) for _label, values in groups), default=0) or 1
    group_h = bar_h * len(series) + gap
    height = legend_h + group_h * max(len(groups), 1) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>'
    ]
    for index, item in enumerate(series):
        x, ly = (index % 3) * 120, 6 + 18 * (index // 3)
        parts.append(f'<rect x="{x}" y="{ly}" width="11" height="11" fill="{item.color}"/>')
        parts.append(f'<text x="{x + 15}" y="{ly + 10}" font-size="12">{escape(item.label)}</text>')
    y = legend_h
    for label, values in groups:
        short = label if len(label) <= 9 else label[:8] + "…"
        mid = y + bar_h * len(series) / 2 + 4
        parts.append(f'<text x="0" y="{mid:.0f}" font-size="12"><title>{escape(label)}</title>{escape(short)}</text>')
        for index, value in enumerate(values):
            bar_w = round(plot_w * value / top) if value else 0
            by = y + index * bar_h
            color = series[index].color
            parts.append(
                f'<rect x="{label_w}" y="{by}" width="{max(bar_w, 1)}" height="{bar_h - 2}" fill="{color}">'
                f"<title>{escape(series[index].label)}：{value}</title></rect>"
            )
            parts.append(f'<text x="{label_w + bar_w + 3}" y="{by + bar_h - 1}" font-size="10">{value}</text>')
        y += group_h
    if not groups:
        parts.append(f'<text x="0" y="{legend_h + 16}" font-size="12" fill="#666">{escape(_("暂无数据"))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text above is escaped


def share_bar(title: str, parts: list[tuple[str, int]], *, width: int = 360) -> SafeString:
    """One stacked bar of shares (e.g. hires by key group), with a legend of counts and percentages."""
    total = sum(n for _label, n in parts) or 1
    height = 40 + 22 * len(parts)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>'
    ]
    x = 0.0
    for index, (label, n) in enumerate(parts):
        w = width * n / total
        color = PALETTE[index % len(PALETTE)]
        out.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="24" fill="{color}">'
            f"<title>{escape(label)}：{n}</title></rect>"
        )
        ly = 44 + 22 * index
        out.append(f'<rect x="0" y="{ly - 11}" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="18" y="{ly}" font-size="12">{escape(label)} {n}（{100 * n / total:.0f}%）</text>')
        x += w
    if not parts:
        out.append(f'<text x="0" y="40" font-size="12" fill="#666">{escape(_("暂无数据"))}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text above is escaped
