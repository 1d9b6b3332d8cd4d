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


def target_bars(title: str, rows: list[tuple[str, float, str]], target: float, *, width: int = 360) -> SafeString:
    """One bar per row (a county) for a share from 0 to 1, a dashed line at the target.

    `rows` are (label, share, detail such as "3/4人"); bars at or above the target are green,
    below it red, so a director sees at a glance which counties are short.
    """
    label_w, bar_h, gap = 72, 16, 10
    plot_w = width - label_w - 90  # room on the right for "66% 25/38人"
    height = 22 + (bar_h + gap) * max(len(rows), 1)
    target_x = label_w + plot_w * target
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>',
        f'<text x="{target_x:.1f}" y="11" font-size="11" text-anchor="middle" fill="#444">'
        f"{escape(_('目标'))} {target * 100:.0f}%</text>",
    ]
    for index, (label, share, detail) in enumerate(rows):
        y = 18 + (bar_h + gap) * index
        color = "#2f9e6b" if share >= target else "#c8102e"
        out.append(f'<text x="0" y="{y + 12}" font-size="12">{escape(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#eef1f4"/>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{plot_w * min(share, 1):.1f}" height="{bar_h}" fill="{color}">'
                   f"<title>{escape(label)}：{share * 100:.0f}%（{escape(detail)}）</title></rect>")  # fmt: skip
        out.append(f'<text x="{label_w + plot_w + 4}" y="{y + 12}" font-size="12">'
                   f"{share * 100:.0f}% {escape(detail)}</text>")  # fmt: skip
    if not rows:
        out.append(f'<text x="0" y="34" font-size="12" fill="#666">{escape(_("暂无数据"))}</text>')
    out.append(f'<line x1="{target_x:.1f}" y1="14" x2="{target_x:.1f}" y2="{height}" stroke="#333" '
               'stroke-dasharray="3 3"/>')  # fmt: skip
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text above is escaped


def organised_chart(title: str, shares: list, target: float, *, label) -> SafeString:
    """`target_bars` of rows with `share`, `organised` and `total` (组织化程度), labelled by `label(row)`."""
    rows = [(label(row), row.share, _("%(organised)s/%(total)s人") % {"organised": row.organised, "total": row.total})
            for row in shares]  # fmt: skip
    return target_bars(title, rows, target)


def _svg_open(title: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>'
    ]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:.1f}"


def progress_bar(title: str, actual: float, target: float, expected: float | None, unit: str, *,
                 width: int = 360) -> SafeString:  # fmt: skip
    """A count against its yearly target: the bar is the target, the fill the actual, and a tick shows
    where the count should be by today (the year's share gone by), so "behind" is visible at once."""
    plot_w, bar_y, bar_h = width - 8, 18, 18
    share = actual / target if target else 0
    color = "#2f9e6b" if expected is None or actual >= expected else "#c8102e"
    out = _svg_open(title, width, 64)
    out.append(f'<rect x="0" y="{bar_y}" width="{plot_w}" height="{bar_h}" fill="#eef1f4"/>')
    out.append(f'<rect x="0" y="{bar_y}" width="{plot_w * min(share, 1):.1f}" height="{bar_h}" fill="{color}">'
               f"<title>{escape(title)}：{_number(actual)}{escape(unit)}</title></rect>")  # fmt: skip
    label = f"{share * 100:.0f}%（{_number(actual)}/{_number(target)}{unit}）"
    out.append(f'<text x="0" y="12" font-size="12">{escape(_("完成"))} {escape(label)}</text>')
    if expected is not None and target:
        x = plot_w * min(expected / target, 1)
        out.append(f'<line x1="{x:.1f}" y1="{bar_y - 3}" x2="{x:.1f}" y2="{bar_y + bar_h + 3}" stroke="#333" '
                   'stroke-width="2" stroke-dasharray="3 2"/>')  # fmt: skip
        anchor = "end" if x > plot_w * 0.6 else "start"
        out.append(f'<text x="{x:.1f}" y="{bar_y + bar_h + 16}" font-size="11" text-anchor="{anchor}" fill="#444">'
                   f"{escape(_('时间进度'))} {_number(expected)}</text>")  # fmt: skip
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text above is escaped


def month_columns(title: str, months: list[tuple[str, float | None]], *, target: float | None = None,
                  unit: str = "", width: int = 360) -> SafeString:  # fmt: skip
    """Columns by month (the trend), with a dashed line at a rate's target where it has one."""
    top_pad, bottom, plot_h = (30 if target is not None else 16), 18, 110
    values = [v for _m, v in months if v is not None]
    top = max([*values, target or 0, 1])
    height = top_pad + plot_h + bottom
    out = _svg_open(title, width, height)
    slot = width / max(len(months), 1)
    for index, (label, value) in enumerate(months):
        x = index * slot
        if value is not None:
            h = plot_h * value / top
            y = top_pad + plot_h - h
            out.append(f'<rect x="{x + slot * 0.15:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
                       f'height="{max(h, 1):.1f}" fill="#5b8def">'
                       f"<title>{escape(label)}：{_number(value)}{escape(unit)}</title></rect>")  # fmt: skip
            out.append(f'<text x="{x + slot / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">'
                       f"{_number(value)}</text>")  # fmt: skip
        out.append(f'<text x="{x + slot / 2:.1f}" y="{height - 4}" font-size="11" text-anchor="middle">'
                   f"{escape(label)}</text>")  # fmt: skip
    if target is not None:  # the line across the columns, named once in the top-left corner
        y = top_pad + plot_h - plot_h * target / top
        out.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#c8102e" stroke-dasharray="4 3"/>')
        out.append('<line x1="0" y1="6" x2="18" y2="6" stroke="#c8102e" stroke-dasharray="4 3"/>')
        out.append(f'<text x="22" y="10" font-size="11" fill="#c8102e">'
                   f"{escape(_('目标'))} {_number(target)}{escape(unit)}</text>")  # fmt: skip
    if not months:
        out.append(f'<text x="0" y="40" font-size="12" fill="#666">{escape(_("暂无数据"))}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text above is escaped
