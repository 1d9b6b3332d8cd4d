"""Thousands of WebSocket clients driven from a few OS processes, every frame kept with its receive time.

One Python process cannot parse the frames of a thousand busy sockets and still say when each
arrived, and a race started from one event loop is not a race between phones. So the clients are
dealt over worker processes (spawned: no Django, no inherited sockets), each running its share on
an asyncio loop with the `websockets` library. The parent sends commands over a pipe: connect,
send at an agreed instant (the cross-process barrier), wait until frames arrive, hand the frames
over. Times are `time.monotonic()`, which is the system-wide CLOCK_MONOTONIC on Linux, so the
parent compares them with its own clock directly.

A frame's time is taken when the client's loop gets it from the library, so it includes the
client process's own scheduling delay: figures are an upper bound of what the server delivers.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

# --- the parent's side --------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where one client connects, and the `Cookie` header it sends (None: anonymous)."""

    url: str
    cookie: str | None = None


class FleetError(RuntimeError):
    pass


class ClientFleet:
    """WebSocket clients numbered 0, 1, 2… in the order they were asked for, over `processes` workers.

    Use as a context manager; `close()` closes every socket and ends the workers.
    """

    def __init__(self, processes: int = 2, *, origin: str = "http://127.0.0.1") -> None:
        context = multiprocessing.get_context("spawn")
        self._pipes: list[Connection] = []
        self._workers: list[multiprocessing.Process] = []
        for _ in range(max(1, processes)):
            parent, child = context.Pipe()
            worker = context.Process(target=_worker_main, args=(child, origin), daemon=True)
            worker.start()
            child.close()
            self._pipes.append(parent)
            self._workers.append(worker)
        self.size = 0

    def __enter__(self) -> ClientFleet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _worker_of(self, client: int) -> int:
        return client % len(self._pipes)

    def _call(self, per_worker: dict[int, tuple[Any, ...]], command: str) -> dict[int, Any]:
        """Send one command to several workers at once, then gather their answers."""
        for index, args in per_worker.items():
            self._pipes[index].send((command, args))
        answers = {}
        for index in per_worker:
            status, value = self._pipes[index].recv()
            if status != "ok":
                raise FleetError(f"client worker {index}: {value}")
            answers[index] = value
        return answers

    def _all(self, command: str, *args: Any) -> dict[int, Any]:
        return self._call({index: args for index in range(len(self._pipes))}, command)

    def connect(
        self,
        targets: Sequence[Target],
        *,
        concurrency: int = 50,
        batch: int = 100,
        timeout: float = 30.0,
        progress: Callable[[int], None] | None = None,
    ) -> dict[int, str]:
        """Open one client per target; returns the failures by client number (empty when all opened).

        Connections are opened `batch` per worker at a time, at most `concurrency` handshakes in
        flight per worker, and `progress(n)` is told how many opened after each round.
        """
        first = self.size
        numbered = [(first + n, target) for n, target in enumerate(targets)]
        self.size += len(numbered)
        failures: dict[int, str] = {}
        queues: dict[int, list[tuple[int, str, str | None]]] = {i: [] for i in range(len(self._pipes))}
        for client, target in numbered:
            queues[self._worker_of(client)].append((client, target.url, target.cookie))
        while any(queues.values()):
            round_ = {i: (items[:batch], concurrency, timeout) for i, items in queues.items() if items}
            for i in round_:
                queues[i] = queues[i][batch:]
            answers = self._call(round_, "connect")
            opened = 0
            for index, failed in answers.items():
                failures.update(failed)
                opened += len(round_[index][0]) - len(failed)
            if progress is not None:
                progress(opened)
        return failures

    def send(self, messages: dict[int, Sequence[str]], *, delay: float = 0.3) -> dict[int, list[float]]:
        """Every client sends its texts, all workers starting at the same instant `delay` s from now.

        This is the barrier between OS processes: each worker sleeps until the agreed monotonic
        time, then sends its clients' texts back to back. Returns each client's send times.
        """
        at = time.monotonic() + delay
        plan: dict[int, dict[int, list[str]]] = {i: {} for i in range(len(self._pipes))}
        for client, texts in messages.items():
            plan[self._worker_of(client)][client] = list(texts)
        answers = self._call({i: (p, at) for i, p in plan.items() if p}, "send")
        return {client: times for answer in answers.values() for client, times in answer.items()}

    def wait_for(
        self, marker: str, *, count: int = 1, clients: Iterable[int] | None = None, timeout: float = 30.0
    ) -> list[int]:
        """Wait until each client holds `count` undrained frames containing `marker`; returns those still short.

        A client whose socket closed stops being waited for and is returned as short.
        """
        wanted: dict[int, list[int] | None]
        if clients is None:
            wanted = dict.fromkeys(range(len(self._pipes)))
        else:
            wanted = {i: [] for i in range(len(self._pipes))}
            for client in clients:
                wanted[self._worker_of(client)].append(client)
            wanted = {i: c for i, c in wanted.items() if c}
        answers = self._call({i: (marker, count, c, timeout) for i, c in wanted.items()}, "wait")
        return sorted(client for short in answers.values() for client in short)

    def drain(self, fields: Sequence[str] | None = None) -> dict[int, list[tuple[float, Any]]]:
        """Hand over and forget every frame received so far: `{client: [(time, frame), …]}`.

        With `fields` (dotted paths such as `"gig.places_left"`), each frame is the tuple of those
        values (None where absent), which keeps a burst of a few hundred thousand frames cheap to
        ship; without, each frame is the decoded JSON object.
        """
        merged: dict[int, list[tuple[float, Any]]] = {}
        for answer in self._all("drain", tuple(fields) if fields is not None else None).values():
            merged.update(answer)
        return merged

    def received(self) -> int:
        """Frames received and not yet drained, over all clients."""
        return sum(self._all("count").values())

    def cpu_seconds(self) -> float:
        """CPU time used by the client workers so far."""
        from bench.harness.servers import cpu_seconds

        return sum(cpu_seconds(worker.pid) for worker in self._workers if worker.pid is not None)

    def close_codes(self) -> dict[int, int | None]:
        """Clients whose socket has closed, with the close code the server sent."""
        merged: dict[int, int | None] = {}
        for answer in self._all("closed").values():
            merged.update(answer)
        return merged

    def close(self) -> None:
        for index, pipe in enumerate(self._pipes):
            if not self._workers[index].is_alive():
                continue
            try:
                pipe.send(("close", ()))
                pipe.recv()
            except (EOFError, OSError, BrokenPipeError):
                pass
        for worker in self._workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.terminate()
        for pipe in self._pipes:
            pipe.close()
        self._pipes, self._workers = [], []


# --- figures ------------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def first_arrivals(
    frames: dict[int, list[tuple[float, Any]]], match: Callable[[Any], bool], *, since: float
) -> dict[int, float]:
    """Milliseconds from `since` to each client's first frame that `match`es (clients without one are absent)."""
    arrivals = {}
    for client, received in frames.items():
        for at, frame in received:
            if match(frame):
                arrivals[client] = (at - since) * 1000
                break
    return arrivals


# --- the worker's side --------------------------------------------------------------------------


def _pick(frame: Any, path: str) -> Any:
    """`"gig.places_left"` of a frame; a number indexes a list (`"events.-1.seq"`); None when absent."""
    for part in path.split("."):
        if isinstance(frame, dict):
            frame = frame.get(part)
        elif isinstance(frame, list) and part.lstrip("-").isdigit() and -len(frame) <= int(part) < len(frame):
            frame = frame[int(part)]
        else:
            return None
    return frame


class _Worker:
    def __init__(self, pipe: Connection, origin: str) -> None:
        self.pipe = pipe
        self.origin = origin
        self.sockets: dict[int, Any] = {}
        self.frames: dict[int, list[tuple[float, str]]] = {}
        self.closed: dict[int, int | None] = {}
        self.readers: set[asyncio.Task] = set()

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                command, args = await loop.run_in_executor(None, self.pipe.recv)
            except EOFError:
                command, args = "close", ()
            try:
                result = await getattr(self, f"do_{command}")(*args)
                self.pipe.send(("ok", result))
            except Exception as exc:  # the parent raises it as FleetError with this text
                self.pipe.send(("error", f"{type(exc).__name__}: {exc}"))
            if command == "close":
                return

    async def _read(self, client: int, socket: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        frames = self.frames[client]
        try:
            async for message in socket:
                frames.append((time.monotonic(), message))
        except ConnectionClosed:
            pass
        self.closed[client] = socket.close_code

    async def do_connect(self, items: list[tuple[int, str, str | None]], concurrency: int, timeout: float) -> dict:
        from websockets.asyncio.client import connect

        gate = asyncio.Semaphore(concurrency)
        failures: dict[int, str] = {}

        async def one(client: int, url: str, cookie: str | None) -> None:
            async with gate:
                try:
                    socket = await connect(
                        url,
                        origin=self.origin,
                        additional_headers={"Cookie": cookie} if cookie else None,
                        open_timeout=timeout,
                        proxy=None,  # loopback servers; a proxy in the environment must not apply
                        ping_interval=None,  # the benchmark's own traffic only
                        compression=None,  # daphne does not negotiate permessage-deflate anyway
                    )
                except Exception as exc:
                    failures[client] = f"{type(exc).__name__}: {exc}"
                    return
            self.sockets[client] = socket
            self.frames[client] = []
            task = asyncio.create_task(self._read(client, socket))
            self.readers.add(task)
            task.add_done_callback(self.readers.discard)

        await asyncio.gather(*(one(*item) for item in items))
        return failures

    async def do_send(self, plan: dict[int, list[str]], at: float) -> dict[int, list[float]]:
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        sent: dict[int, list[float]] = {}
        for client, texts in plan.items():
            times = sent[client] = []
            for text in texts:
                times.append(time.monotonic())
                await self.sockets[client].send(text)
        return sent

    async def do_wait(self, marker: str, count: int, clients: list[int] | None, timeout: float) -> list[int]:
        pending = set(self.sockets if clients is None else clients)
        seen = dict.fromkeys(pending, 0)
        scanned = dict.fromkeys(pending, 0)
        short: list[int] = []
        deadline = time.monotonic() + timeout
        while pending:
            for client in list(pending):
                frames = self.frames.get(client, [])
                for _at, text in frames[scanned[client] :]:
                    if marker in text:
                        seen[client] += 1
                scanned[client] = len(frames)
                if seen[client] >= count:
                    pending.discard(client)
                elif client in self.closed or client not in self.sockets:
                    pending.discard(client)
                    short.append(client)
            if not pending or time.monotonic() >= deadline:
                break
            await asyncio.sleep(0.005)
        return short + sorted(pending)

    async def do_drain(self, fields: tuple[str, ...] | None) -> dict[int, list[tuple[float, Any]]]:
        out: dict[int, list[tuple[float, Any]]] = {}
        for client, frames in self.frames.items():
            # The reader keeps appending to this same list; nothing awaits between copy and delete.
            taken = frames[:]
            del frames[: len(taken)]
            decoded = []
            for at, text in taken:
                frame = json.loads(text)
                decoded.append((at, frame if fields is None else tuple(_pick(frame, f) for f in fields)))
            out[client] = decoded
        return out

    async def do_count(self) -> int:
        return sum(len(frames) for frames in self.frames.values())

    async def do_closed(self) -> dict[int, int | None]:
        return dict(self.closed)

    async def do_close(self) -> None:
        for task in list(self.readers):
            task.cancel()
        await asyncio.gather(*(socket.close() for socket in self.sockets.values()), return_exceptions=True)


def _worker_main(pipe: Connection, origin: str) -> None:
    asyncio.run(_Worker(pipe, origin).serve())
