"""The gig market's models moved from the marketplace app to livestream.gigs: a database made
before the move migrates forward on PostgreSQL with every row, link and content type in place."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from livestream.gigs.models import Gig, GigClaim, GigClaimTransition, WorkerAvailability
from marketplace.models import Employer, OccupationFamily
from tests.factories import EmployerFactory, SeekerFactory

BEFORE = [("marketplace", "0006_gig_site"), ("livestream", "0002_live_rooms")]
AFTER = [("marketplace", "0007_gigs_to_livestream"), ("livestream", "0003_gigs_from_marketplace")]


def migrate(targets: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_gigs_claims_and_history():
    assert connection.vendor == "postgresql"
    employer: Employer = EmployerFactory()
    poster = SeekerFactory()  # who posted does not matter to the tables
    worker = SeekerFactory(profile__name="吴老二")
    family = OccupationFamily.objects.create(code="move-test", name="搬运装卸")
    try:
        old = migrate(BEFORE)
        # What an existing deployment holds, written through the models as they were before the move.
        OldGig = old.get_model("marketplace", "Gig")
        gig = OldGig.objects.create(
            posted_by_id=poster.pk, employer_id=employer.pk, title="搬运装车", county="凯里市", area="522601",
            work_date=timezone.localdate() + datetime.timedelta(days=1), start_time=datetime.time(8),
            end_time=datetime.time(17), pay=180, pay_unit="day", places=3, places_left=2, checkin_token="t",
        )  # fmt: skip
        claim = old.get_model("marketplace", "GigClaim").objects.create(gig=gig, profile_id=worker.profile.pk)
        old.get_model("marketplace", "GigClaimTransition").objects.create(claim=claim, to_status="claimed")
        flag = old.get_model("marketplace", "WorkerAvailability").objects.create(
            profile_id=worker.profile.pk, day=timezone.localdate(), county="凯里市", area="522601",
            expires_at=timezone.now() + datetime.timedelta(hours=3),
        )  # fmt: skip
        flag.families.add(family.pk)
        old_type = ContentType.objects.get_or_create(app_label="marketplace", model="gig")[0]

        migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    moved = Gig.objects.get(pk=gig.pk)
    assert (moved.title, moved.places_left, moved.employer_id) == ("搬运装车", 2, employer.pk)
    assert list(GigClaim.objects.filter(gig=moved).values_list("pk", "profile_id")) == [(claim.pk, worker.profile.pk)]
    assert GigClaimTransition.objects.get(claim_id=claim.pk).to_status == "claimed"
    assert list(WorkerAvailability.objects.get(pk=flag.pk).families.all()) == [family]
    # Admin history and permissions point at the same content type, now under its new app.
    assert ContentType.objects.get_for_model(Gig).pk == old_type.pk
