"""Cooperation-station pages: their employers' postings, the workers they organise, bulk import."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from frontend.forms.staff import ImportForm
from frontend.views.common import role_required
from frontend.views.employer import postings_by_status
from marketplace.enums import Role
from marketplace.models import Employer, User, WorkerProfile
from marketplace.permissions import personal_numbers, require


def _employers(user: User) -> QuerySet[Employer]:
    if user.role == Role.BUREAU:
        return Employer.objects.order_by("name")
    return Employer.objects.filter(station_id=user.station_id).order_by("name")


@role_required(Role.STATION)
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    workers = WorkerProfile.objects.filter(station_id=user.station_id).select_related("user").order_by("name")[:200]
    return render(
        request,
        "frontend/station/dashboard.html",
        {
            "station": user.station,
            "groups": postings_by_status(user),
            "employers": _employers(user),
            "workers": [{"profile": w, "numbers": personal_numbers(user, w)} for w in workers],
        },
    )


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def bulk_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV/XLSX of postings; the report names each refused row, field and reason."""
    require(request.user, "posting.import")
    employers = _employers(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, employers=employers)
    report = None
    if request.method == "POST" and form.is_valid():
        # Imported here: the importer is its own module and the rest of the site must not depend on it.
        from marketplace.postings.importing import ImportFileError, postings_import

        upload = form.cleaned_data["file"]
        try:
            report = postings_import(
                by=request.user,
                file=upload,
                filename=upload.name,
                employer=form.cleaned_data["employer"],
                submit=form.cleaned_data["submit"],
            )
        except ImportFileError as exc:
            form.add_error("file", exc.message)
    status = 400 if form.errors else 200
    return render(request, "frontend/station/import.html", {"form": form, "report": report}, status=status)
