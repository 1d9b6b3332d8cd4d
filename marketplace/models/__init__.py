"""The marketplace's data, one module per noun."""

from marketplace.models.accounts import SmsCode, User
from marketplace.models.applications import Application, ApplicationTransition, EmploymentOutcome
from marketplace.models.employers import BlacklistEntry, CooperationStation, Employer
from marketplace.models.notifications import Notification
from marketplace.models.occupations import Occupation, OccupationFamily
from marketplace.models.postings import JobPosting, PostingTransition
from marketplace.models.profiles import Certificate, GroupTag, WorkerProfile, WorkExperience

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
