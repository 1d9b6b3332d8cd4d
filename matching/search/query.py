"""What a search asks and what it answers, independent of the engine behind it.

Everything a user sends is checked here, once, before any backend sees it: length, coordinates,
known filter values. A bad value is a `QueryError` with a Chinese message (a 400 in the API),
and nothing the user typed ever becomes query syntax: text is reduced to analysed tokens.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from marketplace.enums import BENEFITS, JobType
from marketplace.places import Area, Home, resolve_area, suggest_places, valid_coordinates
from marketplace.validators import is_digits
from matching.text import query_tokens

MAX_TEXT_CHARS = 100
MAX_PAGE_SIZE = 50
MAX_PAGE = 200
MAX_RADIUS_KM = 3000.0
SORTS = ("relevance", "newest", "distance", "pay")
FACETS = ("job_type", "county", "family_code", "benefits")


class QueryError(ValueError):
    """A search the user must change; `message` is shown to them, `field` names the input."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class GeoFilter:
    lat: float
    lon: float
    radius_km: float | None = None
    place_name: str = ""


@dataclass(frozen=True)
class PostingQuery:
    text: str = ""
    tokens: tuple[str, ...] = ()
    job_types: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    occupation_ids: tuple[int, ...] = ()
    family_codes: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    pay_floor_month: int | None = None
    posted_within_days: int | None = None
    verified_only: bool = False
    geo: GeoFilter | None = None
    #: in any of these divisions (浙江, 珠三角) / in none of them (外省): GB/T 2260 codes
    place_codes: tuple[str, ...] = ()
    exclude_place_codes: tuple[str, ...] = ()
    #: the area those codes came from, as the person wrote it resolved (浙江省, 珠三角, 外省)
    area_label: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    with_facets: bool = True
    #: the engine may leave out words found in more than this share of postings (keeping one at
    #: least): recommendations' long self-descriptions, where 工作 or 包吃住 rank nothing and cost a pass
    #: over half the index. Never set for searches people type, whose counts must not change.
    common_token_share: float | None = None


@dataclass
class SearchHit:
    id: int
    score: float
    distance_km: float | None
    doc: dict[str, Any]
    highlight: str = ""


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestions: dict[str, Any] = field(default_factory=dict)


def _list(params: dict[str, Any], key: str) -> list[str]:
    value = params.get(key)
    if value is None or value == "":
        return []
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def _number(params: dict[str, Any], key: str, label: str, *, integer: bool = False) -> float | None:
    raw = params.get(key)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw) if integer else float(raw)
    except (TypeError, ValueError) as exc:
        raise QueryError(_("%(label)s必须是数字。") % {"label": label}, key) from exc
    if value != value or value in (float("inf"), float("-inf")):  # NaN or infinite
        raise QueryError(_("%(label)s必须是数字。") % {"label": label}, key)
    return value


TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def _flag(params: dict[str, Any], key: str, label: str, *, default: bool) -> bool:
    """A yes/no parameter; anything else is refused, not read as "no" (``verified=maybe``)."""
    raw = params.get(key)
    if raw is None:
        return default
    value = str(raw).strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False if value else default
    raise QueryError(_("%(label)s只能填 true 或 false。") % {"label": label}, key)


def parse_posting_query(params: dict[str, Any], *, known_families: set[str] | None = None) -> PostingQuery:
    """Turn request parameters (query string or JSON) into a checked PostingQuery."""
    text = str(params.get("q") or "").strip()
    if len(text) > MAX_TEXT_CHARS:
        raise QueryError(_("搜索词太长了，请不超过%(n)d个字。") % {"n": MAX_TEXT_CHARS}, "q")
    job_types = _list(params, "job_type")
    if set(job_types) - set(JobType.values):
        raise QueryError(_("用工类型不正确。"), "job_type")
    benefits = _list(params, "benefits")
    if set(benefits) - set(BENEFITS):
        raise QueryError(_("福利选项不正确。"), "benefits")
    families = _list(params, "family")
    if known_families is not None and set(families) - known_families:
        raise QueryError(_("工种大类不正确。"), "family")
    occupation_ids = []
    for raw in _list(params, "occupation"):
        if not is_digits(raw):
            raise QueryError(_("工种不正确。"), "occupation")
        occupation_ids.append(int(raw))

    pay_floor = _number(params, "pay_min", "最低月薪", integer=True)
    if pay_floor is not None and not 0 <= pay_floor <= 1_000_000:
        raise QueryError(_("最低月薪超出范围。"), "pay_min")
    within = _number(params, "within_days", "发布时间", integer=True)
    if within is not None and not 1 <= within <= 3650:
        raise QueryError(_("发布时间范围应在1到3650天之间。"), "within_days")

    geo, area = _parse_geo(params)
    sort = str(params.get("sort") or ("distance" if geo and not text else "relevance"))
    if sort not in SORTS:
        raise QueryError(_("排序方式不正确。"), "sort")
    if sort == "distance" and geo is None and area is not None and (middle := area.middle()) is not None:
        geo = GeoFilter(lat=middle[0], lon=middle[1], place_name=area.label)  # asked for: from its middle
    if sort == "distance" and geo is None:
        raise QueryError(_("按距离排序需要提供位置或地名。"), "sort")
    page = _number(params, "page", "页码", integer=True)
    page = 1 if page is None else page
    page_size = _number(params, "page_size", "每页数量", integer=True)
    page_size = 20 if page_size is None else page_size
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(_("页码超出范围。"), "page")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise QueryError(_("每页数量应在1到%(n)d之间。") % {"n": MAX_PAGE_SIZE}, "page_size")
    return PostingQuery(
        text=text,
        tokens=tuple(query_tokens(text)),
        job_types=tuple(job_types),
        counties=tuple(_list(params, "county")),
        towns=tuple(_list(params, "town")),
        occupation_ids=tuple(occupation_ids),
        family_codes=tuple(families),
        benefits=tuple(benefits),
        pay_floor_month=int(pay_floor) if pay_floor is not None else None,
        posted_within_days=int(within) if within is not None else None,
        verified_only=_flag(params, "verified", "只看已认证单位", default=False),
        geo=geo,
        place_codes=tuple(sorted(area.codes)) if area else (),
        exclude_place_codes=tuple(sorted(area.exclude)) if area else (),
        area_label=area.label if area else "",
        sort=sort,
        page=int(page),
        page_size=int(page_size),
        with_facets=_flag(params, "facets", "分面统计", default=True),
    )


def _parse_geo(params: dict[str, Any]) -> tuple[GeoFilter | None, Area | None]:
    """Where to search: a point; a city or county, measured from its seat (as far as the radius
    says); or an area (浙江, 珠三角, 外省) that filters by division and measures from its middle."""
    lat = _number(params, "lat", "纬度")
    lon = _number(params, "lon", "经度")
    radius = _number(params, "radius_km", "距离范围")
    if radius is not None and not 0 < radius <= MAX_RADIUS_KM:
        raise QueryError(_("距离范围应在0到%(n)d公里之间。") % {"n": int(MAX_RADIUS_KM)}, "radius_km")
    place = str(params.get("near") or "").strip()
    point = None
    if lat is not None or lon is not None:
        if lat is None or lon is None or not valid_coordinates(lat, lon):
            raise QueryError(_("位置坐标不正确。"), "lat")
        point = GeoFilter(lat=lat, lon=lon, radius_km=radius)
    if not place:
        if point is None and radius is not None:
            raise QueryError(_("按距离筛选需要提供位置或地名。"), "radius_km")
        return point, None
    area = resolve_area(place[:40], Home.of(lat, lon))
    if area is None:
        names = suggest_places(place)
        if names:
            message = _("找不到地名“%(p)s”。你要找的是不是：%(names)s？") % {"p": place[:20], "names": "、".join(names)}
        else:
            message = _("找不到地名“%(p)s”，请换个写法，例如“凯里”“浙江”或“珠三角”。") % {"p": place[:20]}
        raise QueryError(message, "near")
    by_point = area.kind == "local" or (area.place is not None and area.place.level != "province")
    if by_point:  # a city, a county or 家附近: distance from its seat or the seeker, as the radius says
        center = area.middle()
        radius = radius if radius is not None else (area.radius_km if area.kind == "local" else None)
        return GeoFilter(lat=center[0], lon=center[1], radius_km=radius, place_name=area.label), None
    # A province or a region filters; distance from its middle would mean nothing to anyone, so it
    # is measured from the person's own position when they gave one, and otherwise not at all.
    return point, area


def highlight(text: str, tokens: tuple[str, ...]) -> str:
    """HTML-escaped text with the query's words in <mark>; longest words first, no nesting."""
    if not tokens:
        return html.escape(text)
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for token in sorted(set(tokens), key=len, reverse=True):
        start = lowered.find(token)
        while start != -1:
            end = start + len(token)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
            start = lowered.find(token, end)
    merged: list[list[int]] = []
    for start, end in sorted(spans):  # 包吃 + 住 side by side read as one mark: 包吃住
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out, cursor = [], 0
    for start, end in merged:
        out.append(html.escape(text[cursor:start]))
        out.append("<mark>" + html.escape(text[start:end]) + "</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


@dataclass(frozen=True)
class ProfileQuery:
    """Employers looking for candidates among open profiles."""

    text: str = ""
    tokens: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    occupation_ids: tuple[int, ...] = ()
    family_codes: tuple[str, ...] = ()
    job_types: tuple[str, ...] = ()
    key_groups: tuple[str, ...] = ()
    geo: GeoFilter | None = None
    page: int = 1
    page_size: int = 20


# Ordering both backends promise, whatever the engine's scoring: ties always fall back to these.
SORT_KEYS = {
    "newest": (("published_at", "desc"), ("id", "desc")),
    "pay": (("pay_max_month", "desc"), ("id", "desc")),
    "distance": (("_distance", "asc"), ("id", "desc")),
    "relevance": (("_score", "desc"), ("published_at", "desc"), ("id", "desc")),
}
