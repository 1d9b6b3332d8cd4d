"""Django admin for bureau staff. Personal numbers appear masked; edits go through the services."""

from django.contrib import admin

from marketplace.models import (
    Application,
    ArrearsStep,
    BlacklistEntry,
    CooperationStation,
    Dispatch,
    DispatchMember,
    DisputeCase,
    Employer,
    Household,
    HouseholdMember,
    JobPosting,
    Occupation,
    OccupationFamily,
    PersonalDataAccess,
    PlanTarget,
    PlanTargetChange,
    ProxyConsent,
    RosterEntry,
    Seat,
    ServiceRating,
    SurveyedFigure,
    TrainingCourse,
    TrainingEnrolment,
    Trip,
    User,
    WageArrearsCase,
    WorkerProfile,
)
from marketplace.privacy import mask_phone


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
    list_display = ["name", "city", "city_code"]


@admin.register(RosterEntry)
class RosterEntryAdmin(admin.ModelAdmin):
    """Read-mostly: entries are made and handed over on the station pages, which log each step."""

    list_display = ["name", "masked_phone", "station", "home_county", "route", "status", "owner", "start_date"]
    list_filter = ["station", "home_county", "route", "status", "owner"]
    exclude = ["phone"]
    readonly_fields = ["masked_phone", "owner", "status", "left_on", "last_follow_up_at"]
    raw_id_fields = ["profile", "employer", "posting", "created_by"]


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    fields = ["number", "profile", "status", "pickup_point", "key_group", "boarded_at", "arrived_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Trip)
class TripAdmin(admin.ModelAdmin):
    """Seats are taken and given up through the services (fair order, wait-list): read-only here."""

    list_display = ["title", "station", "home_county", "departs_at", "seats", "status", "key_groups_first"]
    list_filter = ["status", "station", "home_county"]
    raw_id_fields = ["postings", "created_by"]
    readonly_fields = ["status", "allocated_at"]
    inlines = [SeatInline]


class DispatchMemberInline(admin.TabularInline):
    model = DispatchMember
    extra = 0
    fields = ["profile", "status", "arrived_at", "self_checked_in"]
    readonly_fields = fields
    can_delete = False


@admin.register(Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    list_display = ["title", "station", "employer", "arrives_on", "status"]
    list_filter = ["status", "station"]
    raw_id_fields = ["employer", "posting", "created_by"]
    inlines = [DispatchMemberInline]


@admin.register(ProxyConsent)
class ProxyConsentAdmin(admin.ModelAdmin):
    """The consent record itself: read-only, as evidence of who agreed to what and when."""

    list_display = ["name", "masked", "station", "staff", "purpose", "confirmed_at", "withdrawn_at", "contested_at"]
    list_filter = ["purpose", "station"]
    exclude = ["phone", "code_digest"]
    readonly_fields = ["station", "staff", "name", "masked", "purpose", "posting", "expires_at", "attempts",
                       "confirmed_at", "user", "application", "withdrawn_at", "contested_at"]  # fmt: skip

    @admin.display(description="手机号")
    def masked(self, consent: ProxyConsent) -> str:
        return mask_phone(consent.phone)

    def has_add_permission(self, request) -> bool:
        return False


class ArrearsStepInline(admin.TabularInline):
    model = ArrearsStep
    extra = 0
    readonly_fields = ["note", "by", "at"]


@admin.register(WageArrearsCase)
class WageArrearsCaseAdmin(admin.ModelAdmin):
    list_display = ["worker_name", "masked_phone", "employer_name", "home_county", "source", "status", "outcome",
                    "deadline"]  # fmt: skip
    list_filter = ["status", "source", "outcome", "home_county"]
    exclude = ["phone"]
    readonly_fields = ["masked_phone"]
    raw_id_fields = ["roster_entry", "employer", "station", "profile", "filed_by"]
    inlines = [ArrearsStepInline]


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


class PlanTargetChangeInline(admin.TabularInline):
    model = PlanTargetChange
    extra = 0
    can_delete = False
    readonly_fields = ["old_value", "new_value", "reason", "by", "at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # changes go through plan.services.target_set, which writes this history


@admin.register(PlanTarget)
class PlanTargetAdmin(admin.ModelAdmin):
    """Read here, set on the dashboard's target page (with a reason, into the history)."""

    list_display = ["year", "measure", "county", "value", "note", "updated_by", "updated_at"]
    list_filter = ["year", "measure"]
    readonly_fields = ["year", "measure", "county", "value", "note", "updated_by"]
    inlines = [PlanTargetChangeInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(SurveyedFigure)
class SurveyedFigureAdmin(admin.ModelAdmin):
    list_display = ["measure", "month", "county", "value", "source", "entered_by"]
    list_filter = ["measure", "county"]


class TrainingEnrolmentInline(admin.TabularInline):
    model = TrainingEnrolment
    extra = 0
    fields = ["name", "home_county", "status", "completed_on", "certificate_number"]
    readonly_fields = fields


@admin.register(TrainingCourse)
class TrainingCourseAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "provider", "county", "starts_on", "ends_on"]
    list_filter = ["kind", "county"]
    inlines = [TrainingEnrolmentInline]


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0
    raw_id_fields = ["profile"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["head_name", "county", "township", "owner", "next_action", "next_action_on", "cleared_on"]
    list_filter = ["county", ("cleared_on", admin.EmptyFieldListFilter)]
    raw_id_fields = ["owner", "cleared_by"]
    inlines = [HouseholdMemberInline]


@admin.register(DisputeCase)
class DisputeCaseAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "track", "county", "applicant_name", "respondent_name", "opened_on", "outcome",
                    "closed_on"]  # fmt: skip
    list_filter = ["track", "kind", "outcome", "county"]
    raw_id_fields = ["employer", "from_mediation", "handled_by"]


@admin.register(ServiceRating)
class ServiceRatingAdmin(admin.ModelAdmin):
    list_display = ["service", "ref_id", "county", "score", "comment", "created_at", "followed_up_at"]
    list_filter = ["service", "score", "county"]
    readonly_fields = ["service", "ref_id", "rater", "county", "score", "comment", "created_at"]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The audit log: read-only for everyone, deleted only by the retention sweep."""

    list_display = ["at", "actor_label", "action", "record", "record_id", "why", "ip"]
    list_filter = ["action", "record"]
    search_fields = ["actor_label", "record_id"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
