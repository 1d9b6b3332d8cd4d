from django.contrib import admin

from marketplace.models import Employer, JobPosting, Occupation, OccupationFamily


@admin.register(OccupationFamily)
class OccupationFamilyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sort_order"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "family"]
    list_filter = ["family"]
    search_fields = ["name", "code"]


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "verification"]
    list_filter = ["verification", "county"]
    search_fields = ["name", "credit_code"]


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "job_type", "county", "status", "published_at"]
    list_filter = ["status", "job_type", "county"]
    search_fields = ["title", "description"]
    raw_id_fields = ["employer", "occupation"]
