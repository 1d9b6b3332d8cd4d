"""Signal receivers that hand index work to matching.sync; nothing else happens here."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from marketplace.models import BlacklistEntry, Employer, GroupTag, JobPosting, WorkerProfile
from matching.sync import outbox_record


@receiver([post_save, post_delete], sender=JobPosting, dispatch_uid="index-posting")
def _posting(sender, instance: JobPosting, **kwargs) -> None:
    outbox_record("postings", instance.pk)


@receiver(post_save, sender=Employer, dispatch_uid="index-employer")
def _employer(sender, instance: Employer, **kwargs) -> None:
    # Verification, grade and name are part of every posting document of the employer.
    if not kwargs.get("created"):
        outbox_record("employer", instance.pk)


@receiver([post_save, post_delete], sender=BlacklistEntry, dispatch_uid="index-blacklist")
def _blacklist(sender, instance: BlacklistEntry, **kwargs) -> None:
    outbox_record("employer", instance.employer_id)


@receiver([post_save, post_delete], sender=WorkerProfile, dispatch_uid="index-profile")
def _profile(sender, instance: WorkerProfile, **kwargs) -> None:
    outbox_record("profiles", instance.pk)


@receiver([post_save, post_delete], sender=GroupTag, dispatch_uid="index-group-tag")
def _group_tag(sender, instance: GroupTag, **kwargs) -> None:
    outbox_record("profiles", instance.profile_id)


@receiver(m2m_changed, sender=WorkerProfile.wanted_occupations.through, dispatch_uid="index-profile-occupations")
def _profile_occupations(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, WorkerProfile):
        outbox_record("profiles", instance.pk)
