"""Every socket's protocol fed garbage: each bad frame gets a Chinese error frame with a code.

The README promises that malformed, oversized, unknown or non-host commands get an error frame
in Chinese with a code and that the socket stays open. This holds each socket (health, gig board,
live room, the bell) to it, anonymous and signed in as each role that uses it: invalid JSON, JSON
of every wrong type, unknown commands, the right commands with wrong, missing or extreme fields
(huge and negative numbers, NaN, emoji, NUL, lone surrogates, 100 KB strings), binary frames and a
1 MiB frame, then a flood. After every frame a ping must still get its pong on the same socket
(or, where the protocol closes it with a documented code, a new socket must work), no row may
change that a refusal should have left alone, and nothing may be logged at ERROR.

The frames come from a seeded generator: a failure names the seed and the frame, and
`JYT_WS_FUZZ_SEED=<seed>` replays it. Frames are sent in-process (WebsocketCommunicator), which
enforces no transport limit; tests/livestream/test_socket_fuzz_daphne.py sends the big frames
through a production-mode daphne.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from livestream.gigs.models import BoardEvent, GigClaim, board_area
from livestream.live.services import card_push, chat_post
from livestream.models import LiveApplication, LiveCard, LiveMessage, LiveMute, LiveRoom
from livestream.ratelimit import CLOSE_TOO_MANY
from marketplace.enums import Role
from marketplace.models import Application, Notification, User
from marketplace.notifications.services import notify
from tests.factories import EmployerMemberFactory, JobPostingFactory, SeekerFactory, UserFactory
from tests.livestream.gigs.test_consumers import county, post_gig
from tests.livestream.live.test_consumers import make_live_room
from tests.livestream.sockets import ORIGIN, session_cookie

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sockets_closed")]

SEED = int(os.environ.get("JYT_WS_FUZZ_SEED", "20240611"))
# Random frames per socket and role, on top of the fixed catalogue below.
RANDOM_CASES = int(os.environ.get("JYT_WS_FUZZ_RANDOM", "24"))
# The rate limit allows 10 frames a second per socket; each case is two frames (the case and the
# ping that proves the socket still works), so a socket carries this many cases before a fresh one.
CASES_PER_SOCKET = 4
# WebsocketCommunicator cancels the application when a receive times out: generous, never hit.
TIMEOUT = 10
MIB = 1024 * 1024
CLOSE_LOGIN_REQUIRED = 4401
PING = json.dumps({"command": "ping"})
# Frames the server sends whenever something changes, not in answer to a frame.
BACKGROUND = {"viewers", "applications"}
HAN = re.compile("[\u4e00-\u9fff]")
CODE = re.compile("[a-z][a-z_]*")


# --- what is sent ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One frame to send and the answers it may get: an error frame unless it is a well-formed command."""

    label: str
    text: str | None = None
    data: bytes | None = None
    accept: frozenset[str] = frozenset({"error"})

    def __repr__(self) -> str:
        shown = self.text if self.text is not None else repr(self.data)
        return f"<{self.label}: {shown[:120]!r}{'…' if len(shown) > 120 else ''} ({len(shown)} chars)>"


def generator(name: str) -> random.Random:
    """The seed gives each test, socket and role its own frames, the same on every run."""
    return random.Random(f"{SEED}-{name}")  # noqa: S311 - reproducible fuzz frames, not secrets


def raw(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def command(name: str, **fields: str) -> str:
    """A command frame whose field values are raw JSON text, so NaN and 5000-digit numbers fit."""
    return "{" + ", ".join([f'"command": {raw(name)}', *(f"{raw(k)}: {v}" for k, v in fields.items())]) + "}"


# Values for a field that takes an id. None is a real row's id: small positive numbers are left out.
BAD_IDS = [raw(v) for v in (None, True, False, 0, -1, -(2**63), 2**31, 2**63, 10**30, 1.5, 1e308, "7", "七", "",
                            "NaN", "\x00", "👷\u200d♀️", [], [7], {}, {"id": 7})]  # fmt: skip
BAD_IDS += ["NaN", "Infinity", "-Infinity", "1e999", "-0", "9" * 5000, '"\\ud800"']
# Chat texts no room may show: empty, too long, NUL, a lone surrogate, not text at all.
BAD_TEXTS = [raw(v) for v in (None, 0, True, [], {}, "", "   ", "\x00", "工资\x00多少", "👷" * 101, "好" * 101)]
BAD_TEXTS += ['"\\ud800"', '"\\udfff工资怎么算"', raw("长" * 3000), raw("x" * 100_000)]
BAD_MINUTES = [raw(v) for v in (None, 0, -1, 2**63, 10**30, 1.5, "10", "NaN", True, [], {}, 10**6)]
BAD_MINUTES += ["NaN", "Infinity", "1e999", "9" * 5000]
BAD_READ_IDS = [raw(v) for v in (0, "1", {}, [None], ["1"], [1.5], [True], [[1]], list(range(1, 202)))]
BAD_READ_IDS += ["[NaN]", "[" + "9" * 5000 + "]", "[" * 3000 + "]" * 3000]

NOT_JSON = ["", " ", "{", "}", "{not json", "{'command': 'ping'}", '{"command": "ping",}', "undefined",
            '\ufeff{"command": "ping"}', '{"command": "ping"} {"command": "ping"}', "\x00", "{\x00}",
            '{"command": "ping"', "[" * 3000, "{" * 3000]  # fmt: skip
WRONG_TYPES = ["[]", '["command", "ping"]', "1", "-1", "1.5", "null", "true", '"ping"', "NaN", "Infinity",
               "9" * 5000, "{}", '{"command": 1}', '{"command": null}', '{"command": []}', '{"command": {}}',
               '{"command": true}', '{"command": ["ping"]}', '{"type": "ping"}', '{"Command": "ping"}',
               "[" * 3000 + "]" * 3000, '{"a": ' * 1500 + "1" + "}" * 1500,
               '{"command": "ping", "x": ' + "[" * 3000 + "]" * 3000 + "}"]  # fmt: skip
# Commands no socket has: near misses, names of the consumers' own methods and channel-layer types.
UNKNOWN = ["PING", " ping", "ping ", "ping\x00", "\x00", "", "👷", "抢单", "websocket.disconnect",
           "websocket.receive", "health.broadcast", "user.notification", "board.events", "__init__",
           "handle", "close", "dispatch", "x" * 5000]  # fmt: skip
JUNK_ALPHABET = string.printable + "零工抢单报名直播主播禁言👷🎥🔥" + "\x00\x01\x1f\x7f\u2028\ufeff" + '{}[]":,' * 4


@dataclass(frozen=True)
class Socket:
    name: str
    path: str
    # Commands whose fields are fuzzed: command → field → bad values (raw JSON).
    fields: dict[str, dict[str, list[str]]]
    commands: tuple[str, ...]
    answers: dict[str, frozenset[str]] = field(default_factory=dict)  # command → non-error answers allowed


def sockets(stage: Stage) -> dict[str, Socket]:
    return {
        "health": Socket("health", "/ws/health/", {"echo": {"payload": BAD_IDS}}, ("ping", "echo", "broadcast"),
                         {"echo": frozenset({"echo"})}),
        "gigs": Socket("gigs", f"/ws/gigs/{stage.area}/", {"claim": {"gig": BAD_IDS}}, ("ping", "claim")),
        "live": Socket("live", f"/ws/live/{stage.room.pk}/",
                       {"apply": {"card": BAD_IDS}, "chat": {"text": BAD_TEXTS}, "push": {"posting": BAD_IDS},
                        "pin": {"card": BAD_IDS}, "delete": {"message": BAD_IDS},
                        "mute": {"message": BAD_IDS, "minutes": BAD_MINUTES}},
                       ("ping", "apply", "chat", "start", "push", "pin", "unpin", "delete", "mute", "end")),
        "me": Socket("me", "/ws/me/", {"read": {"ids": BAD_READ_IDS}}, ("ping", "read")),
    }  # fmt: skip


def field_cases(socket: Socket, stage: Stage) -> Iterator[Case]:
    """The socket's own commands with each field wrong, missing, or buried in a 100 KB frame."""
    for name, fields in socket.fields.items():
        accept = frozenset({"error"}) | socket.answers.get(name, frozenset())
        for fuzzed, values in fields.items():
            # mute takes two fields: each is fuzzed beside a right value of the other (a real message).
            others = {("mute", "minutes"): {"message": raw(stage.message.pk)}, ("mute", "message"): {"minutes": "5"}}
            others = others.get((name, fuzzed), {})
            for value in values:
                yield Case(f"{name}.{fuzzed}", command(name, **{**others, fuzzed: value}), accept=accept)
        if name not in ("echo", "read"):  # echo null and read all are right commands
            yield Case(f"{name} without fields", command(name))
        yield Case(f"{name} in a 100 KB frame", command(name, padding=raw("长" * 40_000)))
    if socket.name == "me":
        # Ids that are numbers are a right command; someone else's notice must stay unread.
        for ids in ([], [2**63], [10**30], [-1], [0], [stage.others_notice.pk]):
            yield Case("read.ids (numbers)", command("read", ids=raw(ids)), accept=frozenset({"read"}))


def catalogue(socket: Socket, stage: Stage, rng: random.Random) -> list[Case]:
    cases = [Case("not JSON", text) for text in NOT_JSON]
    cases += [Case("wrong type", text) for text in WRONG_TYPES]
    cases += [Case("unknown command", command(name)) for name in UNKNOWN]
    cases.append(Case("unknown command (lone surrogate)", '{"command": "\\ud800"}'))
    cases += [Case("another socket's command", command(name)) for name in ("claim", "read", "echo", "apply", "push")
              if name not in socket.commands]  # fmt: skip
    cases += list(field_cases(socket, stage))
    cases += [Case("binary", data=data) for data in (b"", PING.encode(), b"\xff" * 10, rng.randbytes(64))]
    cases.append(Case("1 MiB text frame", one_mib_frame()))
    cases.append(Case("1 MiB binary frame", data=b"\x00" * MIB))
    for _ in range(RANDOM_CASES):
        cases.append(random_case(socket, rng))
    return cases


def one_mib_frame() -> str:
    """A chat command of exactly 1 MiB of UTF-8: what a phone pasting a huge text would send."""
    head, tail = '{"command": "chat", "text": "', '"}'
    return head + "x" * (MIB - len(head) - len(tail)) + tail


def junk(rng: random.Random, longest: int) -> str:
    return "".join(rng.choice(JUNK_ALPHABET) for _ in range(rng.randint(1, longest)))


def random_case(socket: Socket, rng: random.Random) -> Case:
    kind = rng.choice(("junk", "truncated", "unknown", "field"))
    if kind == "junk":  # a valid command can hardly come out of this alphabet: still checked below
        return Case("random junk", junk(rng, 200))
    if kind == "truncated":  # any proper prefix of an object is invalid JSON
        name = rng.choice(socket.commands)
        text = command(name, **{key: rng.choice(values) for key, values in socket.fields.get(name, {}).items()})
        return Case("truncated command", text[: rng.randrange(1, len(text))])
    if kind == "unknown":
        name = junk(rng, 60)
        while name in socket.commands:
            name = junk(rng, 60)
        return Case("random unknown command", command(name))
    name = rng.choice(sorted(socket.fields))
    fuzzed = rng.choice(sorted(socket.fields[name]))
    value = rng.choice((raw(junk(rng, 80)), raw(rng.randint(-(2**70), 0)), raw(rng.random() * -1e300)))
    accept = frozenset({"error"}) | socket.answers.get(name, frozenset())
    return Case(f"random {name}.{fuzzed}", command(name, **{fuzzed: value}), accept=accept)


# --- the world the sockets live in ----------------------------------------------------------------


@dataclass
class Stage:
    area: str
    gig_id: int
    room: LiveRoom
    posting_id: int
    card_id: int
    message: LiveMessage
    others_notice: Notification
    people: dict[str, User | None]
    other: User


def build_stage() -> Stage:
    """A county board with an open gig, a live room showing a card with one chat line, and each role."""
    place = county()
    host = EmployerMemberFactory(display_name="王经理")
    gig = post_gig(host, place, places=3)
    room = make_live_room(host)
    posting = JobPostingFactory(employer=host.employer, title="食品包装工")
    card = card_push(by=host, room=room, posting=posting)
    chatter, other = SeekerFactory(display_name="网友甲"), SeekerFactory(display_name="吴老二")
    message = chat_post(by=chatter, room=room, text="包住吗？")
    notice = notify(user=other, kind="test", title="别人的通知", body="不是你的")
    worker = SeekerFactory(display_name="杨师傅")
    notify(user=worker, kind="test", title="你的通知", body="附近有零工")
    return Stage(area=board_area(place), gig_id=gig.pk, room=room, posting_id=posting.pk, card_id=card.pk,
                 message=message, others_notice=notice, other=other,
                 people={"anonymous": None, "worker": worker, "employer": host,
                         "staff": UserFactory(role=Role.BUREAU, display_name="人社局小李")})  # fmt: skip


@pytest.fixture
async def stage() -> Stage:
    return await sync_to_async(build_stage)()


def database_state(stage: Stage) -> dict[str, Any]:
    """Every row a refused frame must leave alone."""
    return {
        "applications": Application.objects.count(),
        "live applications": LiveApplication.objects.count(),
        "claims": GigClaim.objects.count(),
        "board events": BoardEvent.objects.count(),
        "cards": list(LiveCard.objects.order_by("pk").values_list("pk", "hidden_at")),
        "messages": list(LiveMessage.objects.order_by("pk").values_list("pk", "deleted_at", "text")),
        "mutes": LiveMute.objects.count(),
        "room": LiveRoom.objects.values("status", "current_card_id", "pinned_card_id").get(pk=stage.room.pk),
        "someone else's unread": Notification.objects.filter(user=stage.other, read_at__isnull=True).count(),
    }


# --- talking to a socket --------------------------------------------------------------------------


async def open_socket(path: str, user: User | None) -> WebsocketCommunicator:
    headers = [ORIGIN]
    if user is not None:
        headers.append(await sync_to_async(session_cookie)(user))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect(timeout=TIMEOUT)
    assert connected, f"{path} refused the handshake ({code})"
    hello = await communicator.receive_json_from(timeout=TIMEOUT)
    assert hello["type"] == "hello", hello
    return communicator


def strict_json(text: str) -> dict[str, Any]:
    """A frame as a browser's JSON.parse reads it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"the server sent {constant}, which JSON.parse cannot read: {text[:200]}")

    frame = json.loads(text, parse_constant=refuse)
    assert isinstance(frame, dict) and isinstance(frame.get("type"), str), text[:200]
    return frame


async def answers(communicator: WebsocketCommunicator, case: Case | None) -> tuple[list[dict[str, Any]], int | None]:
    """Send the case and a ping; the frames that came before the pong, or the code the socket closed with."""
    if case is not None:  # sent as the ASGI message itself: send_to() refuses an empty frame
        frame = {"bytes": case.data} if case.data is not None else {"text": case.text}
        await communicator.send_input({"type": "websocket.receive", **frame})
    await communicator.send_to(text_data=PING)
    frames: list[dict[str, Any]] = []
    while True:
        output = await communicator.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            return frames, output.get("code")
        frame = strict_json(output["text"])
        if frame["type"] == "pong":
            return frames, None
        if frame["type"] not in BACKGROUND:
            frames.append(frame)


def assert_refused(case: Case, frames: list[dict[str, Any]], closed: int | None, allowed_close: set[int]) -> None:
    where = f"{case!r} (seed {SEED})"
    assert frames, f"no answer to {where}"
    for frame in frames:
        assert frame["type"] in case.accept, f"{where} got {frame}"
        if frame["type"] == "error":
            assert isinstance(frame.get("code"), str) and CODE.fullmatch(frame["code"]), f"{where} got {frame}"
            assert HAN.search(frame.get("message", "")), f"{where} got an error not in Chinese: {frame}"
    assert closed is None or closed in allowed_close, f"{where} closed the socket with {closed}"


ROLES = {"health": ("anonymous", "worker"), "gigs": ("anonymous", "worker", "employer", "staff"),
         "live": ("anonymous", "worker", "employer", "staff"), "me": ("worker", "employer", "staff")}  # fmt: skip


@pytest.mark.parametrize(("socket_name", "role"), [(s, r) for s, roles in ROLES.items() for r in roles])
async def test_every_bad_frame_gets_a_chinese_error_with_a_code_and_the_socket_keeps_working(
    stage: Stage, socket_name: str, role: str, caplog: pytest.LogCaptureFixture
):
    socket = sockets(stage)[socket_name]
    user = stage.people[role]
    rng = generator(f"{socket_name}-{role}")
    cases = catalogue(socket, stage, rng)
    # Claiming is the board's one signed-in command: it closes an anonymous socket (4401), as documented.
    allowed_close = {CLOSE_LOGIN_REQUIRED} if (socket_name, role) == ("gigs", "anonymous") else set()
    before = await sync_to_async(database_state)(stage)

    communicator, sent = None, 0
    try:
        for case in cases:
            if communicator is None or sent == CASES_PER_SOCKET:
                if communicator is not None:
                    await communicator.disconnect()
                communicator, sent = await open_socket(socket.path, user), 0
            try:
                frames, closed = await answers(communicator, case)
            except AssertionError:
                raise
            except Exception as exc:  # the consumer crashed: its exception surfaces here
                raise AssertionError(f"{case!r} (seed {SEED}) crashed the consumer: {exc!r}") from exc
            assert_refused(case, frames, closed, allowed_close)
            sent += 1
            if closed is not None:
                await communicator.disconnect()
                communicator = None
    finally:
        if communicator is not None:
            await communicator.disconnect()

    assert await sync_to_async(database_state)(stage) == before
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]


async def still_works(stage: Stage, socket_name: str, role: str) -> None:
    """The role's real command on a new socket: what a phone does next after all that garbage."""
    socket = sockets(stage)[socket_name]
    communicator = await open_socket(socket.path, stage.people[role])
    try:
        if (socket_name, role) == ("gigs", "worker"):
            await communicator.send_json_to({"command": "claim", "gig": stage.gig_id})
            result = await next_of(communicator, "claim_result")
            assert result["ok"] is True and "抢到了" in result["message"]
        elif (socket_name, role) == ("live", "worker"):
            await communicator.send_json_to({"command": "apply", "card": stage.card_id})
            result = await next_of(communicator, "apply_result")
            assert result["ok"] is True and "报名成功" in result["message"]
        elif (socket_name, role) == ("live", "employer"):
            await communicator.send_json_to({"command": "push", "posting": stage.posting_id})
            assert (await next_of(communicator, "ack"))["command"] == "push"
        elif socket_name == "me":
            await communicator.send_json_to({"command": "read"})
            assert await next_of(communicator, "read") == {"type": "read", "unread": 0}
        else:
            frames, closed = await answers(communicator, None)
            assert (frames, closed) == ([], None)
    finally:
        await communicator.disconnect()


async def next_of(communicator: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    while True:
        frame = strict_json(await communicator.receive_from(timeout=TIMEOUT))
        if frame["type"] == kind:
            return frame
        assert frame["type"] != "error", frame


@pytest.mark.parametrize(
    ("socket_name", "role"),
    [("gigs", "worker"), ("live", "worker"), ("live", "employer"), ("me", "worker"), ("health", "anonymous")],
)
async def test_after_the_garbage_a_real_command_does_what_it_says(stage: Stage, socket_name: str, role: str):
    socket = sockets(stage)[socket_name]
    rng = generator(f"{socket_name}-{role}-then")
    communicator = await open_socket(socket.path, stage.people[role])
    try:
        for case in rng.sample(catalogue(socket, stage, rng), CASES_PER_SOCKET):
            assert_refused(case, *await answers(communicator, case), set())
    finally:
        await communicator.disconnect()
    await still_works(stage, socket_name, role)


@pytest.mark.parametrize(("socket_name", "role"), [("health", "anonymous"), ("gigs", "anonymous"),
                                                    ("live", "anonymous"), ("me", "worker")])  # fmt: skip
async def test_a_flood_is_refused_then_closed_with_4429_and_a_new_socket_works(
    stage: Stage, socket_name: str, role: str
):
    socket = sockets(stage)[socket_name]
    user = stage.people[role]
    rng = generator(f"{socket_name}-flood")
    flood = [PING if rng.random() < 0.5 else junk(rng, 40) for _ in range(60)]
    communicator = await open_socket(socket.path, user)
    for text in flood:
        await communicator.send_to(text_data=text)
    frames, closed = [], None
    while closed is None:
        output = await communicator.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            closed = output["code"]
        else:
            frame = strict_json(output["text"])
            if frame["type"] not in BACKGROUND:
                frames.append(frame)
    await communicator.disconnect()

    assert closed == CLOSE_TOO_MANY
    refused = [frame for frame in frames if frame.get("code") == "rate_limited"]
    assert len(refused) == 20 and all("太频繁" in frame["message"] for frame in refused)
    assert len(frames) == 30  # ten answered, twenty refused, and the next one closed the socket
    await still_works(stage, socket_name, role)


async def test_socket_addresses_that_name_nothing_are_refused_with_4404_not_a_crash():
    rng = generator("paths")
    bad_areas = ["ABC", "a" * 33, "%00", "..", "522601%2F", "area_1", "%F0%9F%91%B7"]
    bad_areas += ["".join(rng.choice(string.ascii_uppercase + "_.~!$") for _ in range(8)) for _ in range(5)]
    for area in bad_areas:
        communicator = WebsocketCommunicator(application, f"/ws/gigs/{area}/", headers=[ORIGIN])
        assert await communicator.connect(timeout=TIMEOUT) == (False, 4404), area
    for room in ("0", "2147483648", "9223372036854775808", "9" * 40):
        communicator = WebsocketCommunicator(application, f"/ws/live/{room}/", headers=[ORIGIN])
        assert (await communicator.connect(timeout=TIMEOUT))[0]
        assert (await communicator.receive_json_from(timeout=TIMEOUT))["code"] == "room_not_found"
        assert await communicator.receive_output(timeout=TIMEOUT) == {"type": "websocket.close", "code": 4404}
        await communicator.disconnect()
