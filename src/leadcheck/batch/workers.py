"""``batch --workers N``: leads checked by N worker processes, one per core.

A batch is CPU-bound in Python, and one process uses one core. The pool forks N
workers once the parent has imported and loaded what every check needs (the
taxonomy and its automaton, the page signatures, the lists), so the workers start
at once and share those pages of memory. Each worker runs its own event loop and its
own :class:`~leadcheck.pipeline.CheckSession` (its own resolver sockets, connections
and caches) and checks the leads it is given.

The parent keeps everything else, exactly as a single-process run does: it reads the
input, consults and writes the results database (its lock and resume rules), shares
one check between rows with the same lead, and writes the output in input order. It
hands each lead to the worker of its domain (:func:`leadcheck.batch.sharding.worker_of`),
so each site is fetched by one worker only.

Parent and worker talk over a socket pair: length-prefixed pickles, read and written
by asyncio streams (never a blocking send). A worker ignores SIGINT (the parent
decides when to stop), exits when its socket closes (so it never outlives a parent
killed with ``kill -9``), and ends with ``os._exit`` so that nothing the parent
had open (the output's buffers, the database) is flushed or closed twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import pickle
import signal
import socket
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadcheck import eventloop
from leadcheck.batch.heap import HeapTrimmer
from leadcheck.batch.outcome import error_columns, report_columns
from leadcheck.batch.runner import Checked
from leadcheck.batch.sharding import worker_of
from leadcheck.errors import LeadcheckError
from leadcheck.inquiry import Inquiry

if TYPE_CHECKING:
    from leadcheck.pipeline import CheckSession

START_TIMEOUT = 120.0  # a worker opens its session (the taxonomy is loaded already)
STOP_TIMEOUT = 10.0
_HEADER = struct.Struct("!I")
_FIELDS = ("email", "website", "phone", "country", "company", "contact", "message")


def default_workers() -> int:
    """The machine's cores (those this process may run on)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32"


def warm_up(taxonomy_path: Path | None = None) -> None:
    """Import and load, before the workers are forked, what every check needs: each
    worker then starts at once and shares these pages of memory."""
    import leadcheck.pipeline  # noqa: F401  (the stages and their models)
    from leadcheck.contacts import normalize_phone
    from leadcheck.fit import load_taxonomy
    from leadcheck.fit.matcher import compile_taxonomy
    from leadcheck.verify import maillists, page_kinds
    from leadcheck.verify.page import read_page

    if taxonomy_path is None:  # the shipped one is cached; a file of one's own is not
        compile_taxonomy(load_taxonomy())
    page_kinds.load_signatures()
    maillists.warm_up()
    normalize_phone("+49 30 1234567", "DE")
    read_page("<html><title>warm</title><body><p>up</p></body></html>", "text/html")
    _warm_network_and_tables()


def _warm_network_and_tables() -> None:
    """The modules and tables a check loads on first use, loaded before the fork: each
    worker would otherwise import and parse its own copy (some 10 MiB a worker)."""
    import dns.asyncresolver
    import dns.exception
    import dns.name
    import dns.nameserver
    import dns.rdatatype
    import dns.resolver  # noqa: F401

    import leadcheck.fit.more_pages
    import leadcheck.lead
    import leadcheck.net.dns_wire
    import leadcheck.net.health
    import leadcheck.net.http
    import leadcheck.verify.address_forms  # noqa: F401
    from leadcheck.followup import plan_followup
    from leadcheck.followup.breaks import load_breaks
    from leadcheck.lead import normalize_lead
    from leadcheck.net.suffixes import load_rules
    from leadcheck.pipeline import load_stage_one_data
    from leadcheck.verify import mail_providers

    load_stage_one_data()  # what each worker's session would load when it opens
    load_rules()
    load_breaks()
    mail_providers.load_providers()
    # the e-mail syntax check; the follow-up tables, the phone numbers' time zones and
    # every country module of the holidays package (imported on the first look-up)
    normalize_lead(Inquiry(email="info@warm-up.example", phone="+49 30 1234567"))
    plan_followup("BR", phone="+55 11 3456 7890")  # a country of several time zones


def tune_gc() -> None:
    """For a long batch: what is loaded now stays (frozen out of the collector's
    scans), and collections come rarely: a run makes many short-lived objects and
    few cycles, and a full scan of a large heap frees almost nothing."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


async def _send(writer: asyncio.StreamWriter, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    writer.write(_HEADER.pack(len(data)) + data)
    await writer.drain()


async def _receive(reader: asyncio.StreamReader) -> Any:
    """The next message, or None when the other side is gone."""
    try:
        size = _HEADER.unpack(await reader.readexactly(_HEADER.size))[0]
        return pickle.loads(await reader.readexactly(size))
    except (asyncio.IncompleteReadError, ConnectionError, OSError):
        return None


@dataclass(frozen=True, slots=True)
class _Job:
    """What a worker needs to check leads: made by the parent, inherited by fork."""

    factory: Callable[[], CheckSession]
    row_timeout: float | None
    with_reports: bool


# -- the worker's side ------------------------------------------------------------------


def _worker_main(sock: socket.socket, job: _Job) -> None:
    """The body of a forked worker; never returns."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        eventloop.run(_serve(sock, job))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


async def _serve(sock: socket.socket, job: _Job) -> None:
    reader, writer = await asyncio.open_connection(sock=sock)
    try:
        session = job.factory()
        await session.__aenter__()
        await session.check_network()
    except BaseException as exc:
        await _send(writer, ("failed", _portable(exc)))
        return
    tasks: set[asyncio.Task[None]] = set()
    trimmer = HeapTrimmer()
    try:
        await _send(writer, ("ready", None))
        while True:
            message = await _receive(reader)
            if message is None or message[0] == "stop":
                break
            _kind, request, fields = message
            task = asyncio.ensure_future(_check(session, job, writer, request, fields))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            task.add_done_callback(lambda _task: trimmer.tick())
    finally:
        for task in list(tasks):
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        with contextlib.suppress(Exception):
            await session.aclose()
        writer.close()


async def _check(
    session: CheckSession,
    job: _Job,
    writer: asyncio.StreamWriter,
    request: int,
    fields: tuple[str | None, ...],
) -> None:
    inquiry = Inquiry.model_construct(None, **dict(zip(_FIELDS, fields, strict=True)))
    report_json = None
    checked_at = None
    network = None
    try:
        async with asyncio.timeout(job.row_timeout):
            report = await session.check(inquiry)
        columns = report_columns(report)
        checked_at = report.checked_at
        if report.network is not None:
            network = report.network.message  # not stored: the parent counts it
        elif job.with_reports:
            report_json = report.model_dump(mode="json")
    except TimeoutError:
        columns = error_columns(
            f"the check took longer than {job.row_timeout:g} s; the next run tries again"
        )
    except Exception as exc:
        columns = error_columns(
            f"the check failed ({type(exc).__name__}: {exc}); the next run tries again"
        )
    with contextlib.suppress(ConnectionError, OSError):
        await _send(writer, ("done", request, columns, report_json, checked_at, network))


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a LeadcheckError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return LeadcheckError(f"{type(exc).__name__}: {exc}")
    return exc


# -- the parent's side ------------------------------------------------------------------


class _Worker:
    def __init__(self, number: int, pid: int, sock: socket.socket) -> None:
        self.number = number
        self.pid = pid
        self.sock = sock
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.pending: dict[int, asyncio.Future[Checked]] = {}
        self.alive = True
        self.listener: asyncio.Task[None] | None = None


class WorkerPool:
    """N forked workers behind one :class:`~leadcheck.batch.runner.Checker`.

    Start it (fork) with :meth:`start` before the event loop runs, then use it as an
    async context manager inside the loop.
    """

    def __init__(
        self,
        factory: Callable[[], CheckSession],
        workers: int,
        *,
        row_timeout: float | None = None,
        with_reports: bool = True,
    ) -> None:
        if workers < 2:
            raise ValueError("a pool needs at least two workers")
        self._job = _Job(factory=factory, row_timeout=row_timeout, with_reports=with_reports)
        self._count = workers
        self._workers: list[_Worker] = []
        self._next = 0

    def start(self) -> None:
        """Fork the workers (no event loop may be running in this thread)."""
        tune_gc()
        parent_ends: list[socket.socket] = []
        for number in range(self._count):
            parent_end, child_end = socket.socketpair()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the worker
                parent_end.close()
                for other in parent_ends:
                    other.close()
                _worker_main(child_end, self._job)
            child_end.close()
            parent_ends.append(parent_end)
            self._workers.append(_Worker(number, pid, parent_end))

    async def __aenter__(self) -> WorkerPool:
        for worker in self._workers:
            worker.reader, worker.writer = await asyncio.open_connection(sock=worker.sock)
        try:
            async with asyncio.timeout(START_TIMEOUT):
                for worker in self._workers:
                    assert worker.reader is not None
                    message = await _receive(worker.reader)
                    if message is None:
                        raise LeadcheckError(f"worker {worker.number} ended before it was ready")
                    if message[0] == "failed":
                        raise message[1]
        except TimeoutError as exc:
            raise LeadcheckError(f"the workers were not ready within {START_TIMEOUT:g} s") from exc
        except BaseException:
            await self.aclose()
            raise
        for worker in self._workers:
            worker.listener = asyncio.ensure_future(self._listen(worker))
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for worker in self._workers:
            if worker.writer is not None and worker.alive:
                with contextlib.suppress(Exception):
                    await _send(worker.writer, ("stop",))
        for worker in self._workers:
            if worker.listener is not None:
                worker.listener.cancel()
            if worker.writer is not None:
                worker.writer.close()
            else:
                worker.sock.close()
            self._fail(worker, "the run stopped before this lead was checked")
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._reap)

    def _reap(self) -> None:
        """Wait for the workers to exit (killing those that will not)."""
        import time

        deadline = time.monotonic() + STOP_TIMEOUT
        for worker in self._workers:
            while True:
                try:
                    pid, _status = os.waitpid(worker.pid, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid != 0:
                    break
                if time.monotonic() >= deadline:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(worker.pid, signal.SIGKILL)
                    with contextlib.suppress(ChildProcessError):
                        os.waitpid(worker.pid, 0)
                    break
                time.sleep(0.01)

    async def _listen(self, worker: _Worker) -> None:
        assert worker.reader is not None
        while True:
            message = await _receive(worker.reader)
            if message is None:
                worker.alive = False
                self._fail(worker, f"worker process {worker.pid} ended unexpectedly")
                return
            _kind, request, columns, report, checked_at, network = message
            future = worker.pending.pop(request, None)
            if future is not None and not future.done():
                future.set_result(Checked(columns, report, checked_at, network))

    def _fail(self, worker: _Worker, why: str) -> None:
        for future in worker.pending.values():
            if not future.done():
                future.set_result(Checked(error_columns(f"{why}; the next run tries again")))
        worker.pending.clear()

    def _worker_for(self, inquiry: Inquiry) -> _Worker | None:
        worker = self._workers[worker_of(inquiry, len(self._workers))]
        if worker.alive:
            return worker
        alive = [w for w in self._workers if w.alive]
        return alive[worker_of(inquiry, len(alive))] if alive else None

    async def check_outcome(self, inquiry: Inquiry) -> Checked:
        """The result of one lead, checked by the worker of its domain."""
        worker = self._worker_for(inquiry)
        if worker is None or worker.writer is None:
            return Checked(error_columns("no worker process is left; the next run tries again"))
        self._next += 1
        request = self._next
        future: asyncio.Future[Checked] = asyncio.get_running_loop().create_future()
        worker.pending[request] = future
        fields = tuple(getattr(inquiry, name) for name in _FIELDS)
        try:
            await _send(worker.writer, ("check", request, fields))
            return await future
        finally:
            worker.pending.pop(request, None)

    async def check(self, inquiry: Inquiry) -> Any:  # pragma: no cover - not used by the runner
        raise NotImplementedError("a worker pool returns result columns: use check_outcome")


__all__ = ["WorkerPool", "can_fork", "default_workers", "tune_gc", "warm_up"]
