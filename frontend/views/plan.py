"""The bureau's dashboard against the plan: figures, charts, drill-down lists, targets, exports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontend.charts import Series, grouped_bars, month_columns, progress_bar, target_bars
from frontend.views.common import error_text, role_required
from marketplace.audit.models import RECORD_LABELS, AuditAction
from marketplace.audit.selectors import audit_search
from marketplace.enums import Role
from marketplace.places import COUNTIES, COUNTY_BY_NAME
from marketplace.plan import export, measures, risks, services
from marketplace.plan.enums import Comparison, Measure
from marketplace.plan.selectors import Figure, dashboard, figure, target_changes, targets_of
from marketplace.tabular import parse_date

bureau_only = role_required(Role.BUREAU)
PAGE_SIZE = 50
# Where a measure's records are kept by staff: the card links there as well as to the drill-down.
RECORD_PAGES = {Measure.ZERO_EMPLOYMENT_HOUSEHOLDS: "frontend:households", Measure.TRAINING: "frontend:training",
                Measure.MEDIATION_SUCCESS: "frontend:disputes", Measure.ARBITRATION_CLOSURE: "frontend:disputes",
                Measure.SURVEYED_UNEMPLOYMENT: "frontend:plan_targets"}  # fmt: skip


def _year(request: HttpRequest) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        return today.year
    return year if services.FIRST_YEAR <= year <= services.LAST_YEAR else today.year


def _definition(measure: str) -> measures.Definition:
    if measure not in measures.DEFINITIONS:
        raise Http404(_("没有这个指标。"))
    return measures.DEFINITIONS[measure]


def _charts(item: Figure) -> dict:
    d = item.definition
    label = str(d.measure.label)
    charts = {}
    if item.progress is not None:
        charts["progress"] = progress_bar(_("%(m)s完成进度") % {"m": label}, float(item.actual or 0),
                                          float(item.target), float(item.expected) if item.expected else None,
                                          str(d.unit))  # fmt: skip
    months = [(_("%(m)s月") % {"m": m}, float(v) if v is not None else None) for m, v in item.months]
    rate_target = float(item.target) if item.target is not None and d.kind != measures.COUNT else None
    charts["months"] = month_columns(_("%(m)s：%(t)s") % {"m": label, "t": d.trend or _("按月")}, months,
                                     target=rate_target, unit=str(d.unit))  # fmt: skip
    county_title = _("%(m)s：各县市") % {"m": label}
    if d.kind == measures.COUNT:
        groups = [(c.county, [int(c.actual or 0)]) for c in item.counties]
        charts["counties"] = grouped_bars(county_title, groups, [Series(str(d.unit), "#5b8def")])
    elif d.comparison == Comparison.AT_LEAST and item.target is not None:
        rows = [(c.county, float(c.actual) / 100, "") for c in item.counties if c.actual is not None]
        charts["counties"] = target_bars(county_title, rows, float(item.target) / 100)
    else:
        groups = [(c.county, [float(c.actual)]) for c in item.counties if c.actual is not None]
        charts["counties"] = grouped_bars(county_title, groups, [Series(str(d.unit), "#5b8def")]) if groups else ""
    return charts


@bureau_only
def plan_dashboard(request: HttpRequest) -> HttpResponse:
    year, today = _year(request), timezone.localdate()
    figures = dashboard(year, today)
    short_of_people, short_of_jobs = risks.occupation_balance()
    idle_total, idle = risks.seekers_idle()
    return render(request, "frontend/bureau/plan_dashboard.html", {
        "year": year, "today": today, "years": range(today.year - 3, today.year + 2),
        "items": [{"figure": f, "charts": _charts(f), "records_page": RECORD_PAGES.get(f.measure)} for f in figures],
        "short_of_people": short_of_people, "short_of_jobs": short_of_jobs, "idle_total": idle_total, "idle": idle,
        "complained": risks.employers_complained_of(), "idle_days": risks.IDLE_DAYS,
        "complaint_days": risks.COMPLAINT_DAYS, "idle_capped": idle_total >= risks.IDLE_COUNT_CAP,
    })  # fmt: skip


@bureau_only
def plan_records(request: HttpRequest, measure: str) -> HttpResponse:
    """The records behind one figure: the whole year, or one county's, or one month's."""
    definition, year = _definition(measure), _year(request)
    county = request.GET.get("county", "")
    county = county if county in COUNTY_BY_NAME else ""
    try:
        month = int(request.GET.get("month") or 0)
    except ValueError:
        month = 0
    month = month if 1 <= month <= 12 else None
    qs = measures.records(definition, year, county=county, month=month)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [[(c.header, c.value(record)) for c in definition.columns] for record in page.object_list]
    item = figure(measure, year, timezone.localdate())
    return render(request, "frontend/bureau/plan_records.html", {
        "definition": definition, "figure": item, "year": year, "county": county, "month": month, "page": page,
        "headers": [c.header for c in definition.columns], "rows": rows, "counties": COUNTIES,
        "total": page.paginator.count, "months": range(1, 13),
        "query": urlencode({"year": year, "county": county, "month": month or ""}),
    })  # fmt: skip


@bureau_only
def plan_records_csv(request: HttpRequest, measure: str) -> HttpResponse:
    definition, year = _definition(measure), _year(request)
    county = request.GET.get("county", "")
    try:
        month = int(request.GET.get("month") or 0) or None
    except ValueError:
        month = None
    body = export.records_csv(definition, year, county=county if county in COUNTY_BY_NAME else "",
                              month=month if month and 1 <= month <= 12 else None, by=request.user)  # fmt: skip
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{measure}-{year}.csv"'
    return response


@bureau_only
def plan_export(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    data = export.workbook(year, timezone.localdate(), by=request.user)
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="dashboard-{year}.xlsx"'
    return response


@bureau_only
@require_http_methods(["GET", "POST"])
def plan_targets(request: HttpRequest) -> HttpResponse:
    """Targets of a year, each editable with a reason; a county's own target; the month's surveyed rate."""
    year = _year(request)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "surveyed":
                month = parse_date((request.POST.get("month") or "") + "-01")
                if month is None:
                    raise ValidationError({"month": [_("请选择月份。")]})
                services.surveyed_record(by=request.user, month=month, value=request.POST.get("value", ""),
                                         source=request.POST.get("source", ""),
                                         county=request.POST.get("county", ""))  # fmt: skip
                messages.success(request, _("已记录%(month)s的调查失业率。") % {"month": f"{month:%Y-%m}"})
            else:
                post = request.POST
                services.target_set(by=request.user, year=year, measure=post.get("measure", ""),
                                    county=post.get("county", ""), value=post.get("value", ""),
                                    reason=post.get("reason", ""), note=post.get("note", ""))  # fmt: skip
                messages.success(request, _("目标已保存。"))
            return redirect(f"{reverse('frontend:plan_targets')}?year={year}")
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            messages.error(request, error_text(exc))
    targets = targets_of(year)
    rows = [{"measure": m, "definition": measures.DEFINITIONS[m], "target": targets.get((m, ""))}
            for m in Measure.values]  # fmt: skip
    county_targets = sorted((t for (m, c), t in targets.items() if c), key=lambda t: (t.measure, t.county))
    return render(request, "frontend/bureau/plan_targets.html", {
        "year": year, "rows": rows, "county_targets": county_targets, "changes": target_changes(year)[:50],
        "counties": COUNTIES, "measures": Measure.choices, "errors": errors, "post": request.POST,
        "today": timezone.localdate(),
    }, status=400 if errors else 200)  # fmt: skip


@bureau_only
def audit_log(request: HttpRequest) -> HttpResponse:
    """个人信息访问日志, searchable by who, what record and when; only bureau staff read it."""
    get = request.GET
    since, until = parse_date(get.get("since") or ""), parse_date(get.get("until") or "")
    action = get.get("action", "")
    qs = audit_search(who=get.get("who", "").strip()[:30], record=get.get("record", "").strip()[:40],
                      record_id=get.get("record_id", "").strip()[:40],
                      action=action if action in AuditAction.values else "", since=since, until=until)  # fmt: skip
    page = Paginator(qs, PAGE_SIZE).get_page(get.get("page"))
    query = get.copy()
    query.pop("page", None)
    return render(request, "frontend/bureau/audit_log.html", {
        "page": page, "actions": AuditAction.choices, "get": get, "query": query.urlencode(),
        "records": list(RECORD_LABELS.items()),
    })  # fmt: skip
