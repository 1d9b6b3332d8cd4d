"""Django admin for bureau staff. Personal numbers appear masked; edits go through the services."""

from django.contrib import admin

from marketplace.models import (
    Application,
    BlacklistEntry,
    CooperationStation,
    Employer,
    JobPosting,
    Occupation,
    OccupationFamily,
    User,
    WorkerProfile,
)


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["__str__", "masked_phone", "role", "employer", "station", "is_active", "date_joined"]
    list_filter = ["role", "is_active"]
    exclude = ["password", "phone"]
    readonly_fields = ["masked_phone", "last_login", "date_joined"]


@admin.register(OccupationFamily)
class OccupationFamilyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sort_order"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "family"]
    list_filter = ["family"]
    search_fields = ["name", "code"]


@admin.register(CooperationStation)
class CooperationStationAdmin(admin.ModelAdmin):
    list_display = ["name", "city"]


class BlacklistInline(admin.TabularInline):
    model = BlacklistEntry
    extra = 0
    fields = ["reason", "starts_on", "ends_on", "lifted_at"]


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "verification", "integrity_grade"]
    list_filter = ["verification", "integrity_grade", "county"]
    search_fields = ["name", "credit_code"]
    # Logos go through marketplace.images (re-encoded, metadata stripped), never straight from a form.
    exclude = ["contact_phone", "logo", "logo_thumb"]
    readonly_fields = ["masked_contact_phone"]
    inlines = [BlacklistInline]


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "job_type", "county", "status", "published_at"]
    list_filter = ["status", "job_type", "county"]
    search_fields = ["title", "description"]
    raw_id_fields = ["employer", "occupation", "created_by"]


@admin.register(WorkerProfile)
class WorkerProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "masked_id_number", "current_county", "education", "visibility"]
    list_filter = ["visibility", "education", "current_county"]
    exclude = ["id_number"]
    readonly_fields = ["masked_id_number"]
    raw_id_fields = ["user"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["profile", "posting"]
