"""Claims raced through the real WebSocket path: two daphne processes, Redis, PostgreSQL, many OS processes.

The service-level race (tests/livestream/gigs/services/test_claims.py) proves the database
statement; this one proves what a worker's phone sees: sessions resolved by the server, the
consumer's claim path, answers and board frames delivered over sockets by two server processes
that share nothing but PostgreSQL and the Redis channel layer. The clients run in five OS
processes and start on one agreed instant.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from django.conf import settings

from bench.harness.clients import ClientFleet, Target
from bench.harness.servers import ServerPool, server_env, start_servers
from bench.harness.sessions import session_cookies
from livestream.gigs.enums import GigStatus
from livestream.gigs.models import BoardEvent, GigClaim, board_area
from tests.conftest import subprocess_database_url
from tests.factories import EmployerMemberFactory, SeekerFactory

from .test_consumers import county, post_gig

WORKERS = 50
PLACES = 3
ROUNDS = 5
CLIENT_PROCESSES = 5
# "Told at once": every answer, won or refused, reaches its phone within this many seconds of the tap.
ANSWER_WITHIN_S = 10.0

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[ServerPool]:
    """Two daphne processes on the test database and the Redis channel layer, as production runs them."""
    with django_db_blocker.unblock():
        database_url = subprocess_database_url()
    env = server_env(settings=settings.SETTINGS_MODULE, database_url=database_url, redis_url=settings.REDIS_URL)
    with start_servers(2, env=env, log_dir=tmp_path_factory.mktemp("race-daphne")) as pool:
        yield pool


def _connect(fleet: ClientFleet, servers: ServerPool, area: str, cookies: list[str]) -> None:
    path = f"ws/gigs/{area}/"
    assert fleet.connect([Target(servers.ws_url(path, n), cookie) for n, cookie in enumerate(cookies)]) == {}
    assert fleet.wait_for('"hello"', timeout=30) == []
    fleet.drain()


def _board_of(received: list[tuple[float, dict]], gig_id: int) -> list[tuple[int, int, int, str]]:
    """What one phone's board showed of a gig: (first seq, last seq, places left, state) per frame.

    A single event covers its own number; a batch frame (`events`) covers first_seq..last_seq
    and carries the latest state of each gig changed in that range.
    """
    shown = []
    for _at, frame in received:
        if frame["type"] == "event" and frame["gig"]["id"] == gig_id:
            shown.append((frame["seq"], frame["seq"], frame["gig"]["places_left"], frame["gig"]["status"]))
        elif frame["type"] == "events":
            for event in frame["events"]:
                if event["gig"]["id"] == gig_id:
                    gig = event["gig"]
                    shown.append((frame["first_seq"], frame["last_seq"], gig["places_left"], gig["status"]))
    return shown


def _assert_gapless(shown: list[tuple[int, int, int, str]], *, after: int, through: int, client: int) -> None:
    covered = []
    for first, last, _left, _status in shown:
        covered.extend(range(first, last + 1))
    assert covered == list(range(after + 1, through + 1)), f"client {client} saw {shown}"
    lefts = [left for _first, _last, left, _status in shown]
    assert lefts == sorted(lefts, reverse=True) and lefts[-1] == 0, f"client {client} saw {shown}"
    assert shown[-1][3] == GigStatus.FULL, f"client {client} saw {shown}"


def test_fifty_workers_racing_over_websockets_on_two_servers_give_exactly_three_winners_every_round(servers):
    place = county()
    area = board_area(place)
    poster = EmployerMemberFactory()
    workers = [SeekerFactory() for _ in range(WORKERS)]

    with ClientFleet(CLIENT_PROCESSES) as fleet:
        _connect(fleet, servers, area, session_cookies(workers))
        for round_ in range(ROUNDS):
            gig = post_gig(poster, place, PLACES)
            assert fleet.wait_for('"gig_posted"', timeout=15) == [], f"round {round_}: a board missed the post"
            posted_seq = BoardEvent.objects.get(gig=gig, kind="gig_posted").seq
            fleet.drain()

            claim = json.dumps({"command": "claim", "gig": gig.pk})
            sent = fleet.send({n: [claim] for n in range(WORKERS)})
            assert fleet.wait_for('"claim_result"', timeout=30) == [], f"round {round_}: a phone got no answer"
            assert fleet.wait_for('"full"', timeout=15) == [], f"round {round_}: a board never showed the gig full"
            time.sleep(0.3)  # anything extra the servers would send arrives, and is caught below
            frames = fleet.drain()

            answers = {}
            for client, received in frames.items():
                results = [(at, f) for at, f in received if f["type"] == "claim_result"]
                assert len(results) == 1, f"round {round_}, client {client}: {results}"
                at, answers[client] = results[0]
                assert at - sent[client][0] < ANSWER_WITHIN_S, f"round {round_}: client {client} waited {at} s"
            winners = {c: a for c, a in answers.items() if a["ok"]}
            refused = [a for a in answers.values() if not a["ok"]]
            assert len(winners) == PLACES, f"round {round_}: {len(winners)} winners"
            assert len(refused) == WORKERS - PLACES
            assert {a["code"] for a in refused} == {"gig_full"}
            assert all("名额已满" in a["message"] for a in refused)
            assert {a["gig"] for a in answers.values()} == {gig.pk}

            gig.refresh_from_db()
            assert (gig.places_left, gig.status) == (0, GigStatus.FULL)
            claims = GigClaim.objects.filter(gig=gig)
            assert sorted(claims.values_list("pk", flat=True)) == sorted(a["claim"] for a in winners.values())
            assert {c.profile.user_id for c in claims} == {workers[client].pk for client in winners}
            for client, received in frames.items():
                _assert_gapless(_board_of(received, gig.pk), after=posted_seq, through=posted_seq + PLACES,
                                client=client)  # fmt: skip
        assert list(BoardEvent.objects.filter(area=area).order_by("seq").values_list("seq", flat=True)) == list(
            range(1, ROUNDS * (PLACES + 1) + 1)
        )


def test_a_double_tap_and_a_worker_on_both_servers_each_get_one_claim(servers):
    place = county()
    area = board_area(place)
    poster = EmployerMemberFactory()
    tapper, two_phones, watcher = SeekerFactory(), SeekerFactory(), SeekerFactory()
    gig = post_gig(poster, place, 3)
    # Clients 0 and 1 are dealt to different servers: the same worker, signed in on two phones.
    cookies = session_cookies([tapper, two_phones, two_phones, watcher])
    cookies = [cookies[1], cookies[2], cookies[0], cookies[3]]

    with ClientFleet(2) as fleet:
        _connect(fleet, servers, area, cookies)
        claim = json.dumps({"command": "claim", "gig": gig.pk})
        fleet.send({0: [claim], 1: [claim], 2: [claim, claim]})
        assert fleet.wait_for('"claim_result"', count=1, clients=[0, 1], timeout=30) == []
        assert fleet.wait_for('"claim_result"', count=2, clients=[2], timeout=30) == []
        time.sleep(0.5)
        frames = fleet.drain()

    def results(client: int) -> list[dict]:
        return [f for _at, f in frames[client] if f["type"] == "claim_result"]

    tapped = results(2)
    assert [r["ok"] for r in tapped] == [True, True] and tapped[0]["claim"] == tapped[1]["claim"]
    both = results(0) + results(1)
    assert [r["ok"] for r in both] == [True, True] and both[0]["claim"] == both[1]["claim"]

    gig.refresh_from_db()
    assert (gig.places_left, gig.status) == (1, GigStatus.OPEN)
    assert GigClaim.objects.filter(gig=gig, profile__user=tapper).count() == 1
    assert GigClaim.objects.filter(gig=gig, profile__user=two_phones).count() == 1
    # The watcher's board dropped by exactly the two places taken, nothing more.
    shown = _board_of(frames[3], gig.pk)
    covered = [seq for first, last, _left, _status in shown for seq in range(first, last + 1)]
    assert covered == [2, 3] and shown[-1][2] == 1, shown
