"""The demo events `seed_demo` adds, and the last places of an event raced for by many at once."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from config.celery import app
from livestream.events.selectors import outcome_totals, outcomes_by_event
from livestream.events.services.tickets import event_sign_up
from livestream.models import EventRegistration, EventSeries, RecruitmentEvent
from tests.factories import RecruitmentEventFactory, SeekerFactory


@pytest.mark.django_db
def test_seed_demo_adds_a_weekly_series_special_sessions_and_fairs_with_outcomes():
    call_command("seed_demo", verbosity=0, employers=5, postings=30, profiles=60)

    series = EventSeries.objects.get(title="凯里市周周招聘")
    assert series.weekdays == [2] and series.events.count() >= 6
    specials = RecruitmentEvent.objects.filter(kind="special")
    assert {e.title for e in specials} == {"高校毕业生专场招聘会", "脱贫劳动力专场招聘会"}
    assert all(e.target_groups and e.booths.filter(status="approved").exists() for e in specials)
    past = [e for e in series.events.all() if e.has_ended()]
    total = outcome_totals(outcomes_by_event(past))
    assert total.sign_ups > 0 and 0 < total.check_ins <= total.sign_ups
    assert total.applications > 0 and total.hires <= total.interviews <= total.applications

    call_command("seed_demo", verbosity=0, employers=5, postings=30, profiles=60, reset=True)
    assert EventSeries.objects.filter(title="凯里市周周招聘").count() == 1  # replaced, not doubled


def test_beat_runs_occurrence_generation_and_reminders():
    app.finalize()
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {"livestream.events_generate_occurrences", "livestream.event_reminders_send"} <= tasks


@pytest.mark.django_db(transaction=True)
def test_twelve_people_racing_for_the_last_three_places_give_exactly_three_tickets():
    event = RecruitmentEventFactory(capacity=3, starts_at=timezone.now() + datetime.timedelta(days=1))
    people = [SeekerFactory(display_name=f"求职者{n}") for n in range(12)]
    go = threading.Barrier(len(people), timeout=60)
    outcomes: list[str] = []

    def sign_up(person) -> None:
        try:
            go.wait()
            event_sign_up(by=person, event=event)
            outcomes.append("ticket")
        except ValidationError as exc:
            outcomes.append(exc.error_list[0].code)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)

    assert sorted(outcomes) == ["event_full"] * 9 + ["ticket"] * 3
    assert EventRegistration.objects.filter(event=event).count() == 3
