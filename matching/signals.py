"""Signal receivers: stale documents go to the search outbox, a reloaded taxonomy clears the analyser's words.

Nothing else happens here; the work is in matching.sync (indexing) and matching.text."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from marketplace.effects import task_after_commit
from marketplace.events import taxonomy_loaded
from marketplace.models import BlacklistEntry, Employer, GroupTag, JobPosting, WorkerProfile
from matching import sync
from matching.tasks import index_outbox
from matching.text import vocabulary_changed


def outbox_record(kind: str, object_id: int) -> None:
    """Note that a document may be stale, in the change's transaction, and drain once it commits.

    A failed start loses nothing: the row stays and the periodic drain (beat) picks it up.
    """
    sync.outbox_record(kind, object_id)
    task_after_commit(index_outbox, what=f"start index work for {kind} {object_id}; the outbox keeps it")


@receiver(taxonomy_loaded, dispatch_uid="taxonomy-caches")
def _taxonomy(sender, **kwargs) -> None:
    vocabulary_changed()


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
