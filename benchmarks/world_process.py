"""The test world in a process of its own, optionally pinned to some CPUs.

A benchmark that serves the world from a thread of the process that measures, or
lets it float over every core, measures the servers as much as the client. Here the
world (tests/world) runs in a child process: :class:`WorldProcess` starts it, has a
function of the benchmark build the sites in it, and asks it for its statistics and
its own CPU time. ``cpus`` pins the child with ``os.sched_setaffinity`` (Linux).

The builder runs in the child and must be a module-level function (it is pickled).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class WorldInfo:
    """Where the world listens, and what the builder returned."""

    cli_args: list[str]
    env: dict[str, str]
    built: Any


@dataclass(frozen=True)
class WorldStats:
    dns_queries: int
    dns_tcp_queries: int
    http_requests: int
    cpu_seconds: float  # the world process's CPU time since the last reset


def _serve(
    conn: Connection,
    cpus: tuple[int, ...] | None,
    dns_delay: float,
    http_delay: float,
    builder: Callable[..., Any],
    args: tuple[Any, ...],
) -> None:
    if cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(cpus))
    sys.path.insert(0, str(ROOT / "tests"))
    from world import World

    with World(dns_delay=dns_delay, http_delay=http_delay) as world:
        built = builder(world, *args)
        conn.send(WorldInfo(cli_args=world.cli_args(), env=world.env(), built=built))
        cpu_mark = time.process_time()
        while True:
            command = conn.recv()
            if command == "stats":
                queries = world.dns_queries()
                conn.send(
                    WorldStats(
                        dns_queries=sum(queries.values()),
                        dns_tcp_queries=sum(n for (_, _, p), n in queries.items() if p == "tcp"),
                        http_requests=len(world.requests()),
                        cpu_seconds=time.process_time() - cpu_mark,
                    )
                )
            elif command == "reset":
                world.reset_stats()
                cpu_mark = time.process_time()
                conn.send(True)
            else:
                conn.send(True)
                return


class WorldProcess:
    """``with WorldProcess(build, args, cpus=(1,)) as world: world.info.cli_args ...``"""

    def __init__(
        self,
        builder: Callable[..., Any],
        args: tuple[Any, ...] = (),
        *,
        cpus: tuple[int, ...] | None = None,
        dns_delay: float = 0.0,
        http_delay: float = 0.0,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child, cpus, dns_delay, http_delay, builder, args),
            name="leadcheck-bench-world",
            daemon=True,
        )
        self.info: WorldInfo | None = None

    def __enter__(self) -> WorldProcess:
        self._process.start()
        self.info = self._conn.recv()
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            self._conn.send("stop")
            self._conn.recv()
        except (OSError, EOFError):
            pass
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def stats(self) -> WorldStats:
        self._conn.send("stats")
        stats: WorldStats = self._conn.recv()
        return stats

    def reset(self) -> None:
        self._conn.send("reset")
        self._conn.recv()


def parse_cpus(text: str | None) -> tuple[int, ...] | None:
    """``"1"`` or ``"0,1"`` or ``"0-3"`` to a tuple of CPU numbers; None/"" for no pinning."""
    if not text:
        return None
    cpus: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        cpus.extend(range(int(low), int(high or low) + 1))
    return tuple(cpus)
