"""The marketplace's data, one module per noun."""

from marketplace.accounts.models import SmsCode, User
from marketplace.applications.models import Application, ApplicationTransition, EmploymentOutcome
from marketplace.arrears.models import ArrearsEvidence, ArrearsStep, WageArrearsCase
from marketplace.audit.models import PersonalDataAccess
from marketplace.disputes.models import DisputeCase
from marketplace.employers.models import BlacklistEntry, Employer
from marketplace.households.models import Household, HouseholdMember
from marketplace.notifications.models import Notification
from marketplace.occupations.models import Occupation, OccupationFamily
from marketplace.plan.models import PlanTarget, PlanTargetChange, SurveyedFigure
from marketplace.postings.models import JobPosting, PostingTransition
from marketplace.profiles.models import Certificate, GroupTag, WorkerProfile, WorkExperience
from marketplace.ratings.models import ServiceRating
from marketplace.stations.models import (
    CooperationStation,
    Dispatch,
    DispatchMember,
    FollowUp,
    ProxyConsent,
    RosterEntry,
    RosterHandover,
)
from marketplace.training.models import TrainingCourse, TrainingEnrolment
from marketplace.trips.models import Seat, Trip

__all__ = [
    "Application",
    "ApplicationTransition",
    "ArrearsEvidence",
    "ArrearsStep",
    "BlacklistEntry",
    "Certificate",
    "CooperationStation",
    "Dispatch",
    "DispatchMember",
    "DisputeCase",
    "Employer",
    "EmploymentOutcome",
    "FollowUp",
    "GroupTag",
    "Household",
    "HouseholdMember",
    "JobPosting",
    "Notification",
    "Occupation",
    "OccupationFamily",
    "PersonalDataAccess",
    "PlanTarget",
    "PlanTargetChange",
    "PostingTransition",
    "ProxyConsent",
    "RosterEntry",
    "RosterHandover",
    "Seat",
    "ServiceRating",
    "SmsCode",
    "SurveyedFigure",
    "TrainingCourse",
    "TrainingEnrolment",
    "Trip",
    "User",
    "WageArrearsCase",
    "WorkExperience",
    "WorkerProfile",
]
