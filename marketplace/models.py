"""The marketplace's data, one module per noun."""

from marketplace.accounts.models import SmsCode, User
from marketplace.applications.models import Application, ApplicationTransition, EmploymentOutcome
from marketplace.employers.models import BlacklistEntry, CooperationStation, Employer
from marketplace.notifications.models import Notification
from marketplace.occupations.models import Occupation, OccupationFamily
from marketplace.postings.models import JobPosting, PostingTransition
from marketplace.profiles.models import Certificate, GroupTag, WorkerProfile, WorkExperience

__all__ = [
    "Application",
    "ApplicationTransition",
    "BlacklistEntry",
    "Certificate",
    "CooperationStation",
    "Employer",
    "EmploymentOutcome",
    "GroupTag",
    "JobPosting",
    "Notification",
    "Occupation",
    "OccupationFamily",
    "PostingTransition",
    "SmsCode",
    "User",
    "WorkExperience",
    "WorkerProfile",
]
