"""Real ASGI server processes for load tests: daphne on free loopback ports, as production runs it.

Each server is `daphne config.asgi:application` in a process of its own with the environment it
is given (settings module, DATABASE_URL, REDIS_URL…), so several of them share work only through
PostgreSQL and the Redis channel layer, exactly like a deployment behind a load balancer.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench import BenchError

ROOT = Path(__file__).resolve().parents[2]
DAPHNE = str(Path(sys.executable).parent / "daphne")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kb(pid: int) -> int:
    """Resident memory of a process in KiB, from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise BenchError(f"process {pid} has no VmRSS")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far, from /proc (Linux).

    Wall times on a shared machine say how busy the neighbours were; CPU time per operation says
    what the operation costs, so benchmarks report both.
    """
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3 of proc(5), utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws_url(self, path: str) -> str:
        return f"ws://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


@dataclass
class ServerPool:
    servers: list[Server] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.servers)

    def ws_url(self, path: str, client: int) -> str:
        """The URL client number `client` uses: clients are dealt round-robin over the servers."""
        return self.servers[client % len(self.servers)].ws_url(path)

    def rss_kb(self) -> list[int]:
        return [rss_kb(server.process.pid) for server in self.servers]

    def cpu_seconds(self) -> float:
        """CPU time used by all the servers so far (take a difference around what you measure)."""
        return sum(cpu_seconds(server.process.pid) for server in self.servers)

    def check_alive(self) -> None:
        for server in self.servers:
            if server.process.poll() is not None:
                raise BenchError(f"daphne on port {server.port} exited; log:\n{server.log_tail()}")

    def stop(self) -> None:
        for server in self.servers:
            if server.process.poll() is None:
                server.process.terminate()
        for server in self.servers:
            try:
                server.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait(timeout=5)

    def __enter__(self) -> ServerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _wait_healthy(server: Server, deadline: float) -> None:
    url = f"{server.url}/healthz"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(f"daphne on port {server.port} exited with {server.process.returncode}; "
                             f"log:\n{server.log_tail()}")  # fmt: skip
        try:
            with urllib.request.urlopen(url, timeout=3):  # noqa: S310 - loopback URL built here
                return
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"{url} did not answer within the time allowed; log:\n{server.log_tail()}")


def start_servers(
    count: int, *, env: dict[str, str], log_dir: Path, timeout: float = 90.0, ports: list[int] | None = None
) -> ServerPool:
    """Start `count` daphne processes with `env` and return once every one answers /healthz.

    `ports` (one per server) restarts a server where its clients already point; by default each
    gets a free port.

    The environment is the whole environment of the servers (nothing else leaks in), so the caller
    says which settings and databases they use. Stop them with `stop()` or a `with` block.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    pool = ServerPool()
    try:
        for n in range(count):
            port = ports[n] if ports else free_port()
            log = log_dir / f"daphne-{n}-{port}.log"
            with log.open("w") as out:
                process = subprocess.Popen(  # noqa: S603 - our own daphne, arguments built here
                    [DAPHNE, "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
                    env=env,
                    cwd=ROOT,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            pool.servers.append(Server(process=process, port=port, log=log))
        deadline = time.monotonic() + timeout
        for server in pool.servers:
            _wait_healthy(server, deadline)
    except BaseException:
        pool.stop()
        raise
    return pool


def server_env(*, settings: str, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a server process: this process's, with the settings and services named."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update({"DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": database_url, "REDIS_URL": redis_url})
    env.update(extra)
    return env
