"""Run a batch: every row checked concurrently, written back in input order.

:func:`run_batch` reads rows lazily, checks up to ``concurrency`` leads at once
through a :class:`Checker` (the :class:`~leadcheck.pipeline.CheckSession` in
real runs, anything with the same ``verify`` method in tests), takes fresh results
from the :class:`~leadcheck.batch.store.ResultStore` instead of checking again,
records each new result there as soon as it is finished, and hands rows to the
writer in input order.

Memory stays flat: at most ``window`` rows are between "read" and "written", so a
slow row holds the output back (while up to ``window`` rows behind it get done)
rather than piling rows up. Rows with the same lead in one run are checked once.

A lead whose check found the network broken (a lying resolver, no connections:
``LeadReport.network``) is written as ``unknown`` but not stored, so the next run
checks it again; the summary counts such rows and keeps the first message.

Stopping: when ``stop`` is set (or SIGINT/SIGTERM arrives, with ``handle_signals``),
no new row is started, the rows in flight are cancelled, the rows finished in order
are written, and the summary says ``interrupted``. Everything finished is already in
the store, so the next run picks up from there. A second signal stops at once.
"""

from __future__ import annotations

import asyncio
import signal
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from leadcheck.batch.heap import HeapTrimmer
from leadcheck.batch.outcome import RowOutcome, error_columns, report_columns
from leadcheck.batch.rows import SourceRow
from leadcheck.batch.store import COMMIT_INTERVAL, ResultStore, lead_identity, lead_key
from leadcheck.batch.summary import BatchSummary, SummaryBuilder
from leadcheck.batch.writers import RowResult
from leadcheck.inquiry import Inquiry
from leadcheck.memo import Freezer

if TYPE_CHECKING:
    from datetime import datetime

    from leadcheck.batch.columns import ColumnMapping
    from leadcheck.batch.readers import Table
    from leadcheck.report import LeadReport

DEFAULT_CONCURRENCY = 64
WINDOW_PER_WORKER = 16  # rows allowed between "read" and "written", per concurrent check
MIN_WINDOW = 1024
_YIELD_EVERY = 256  # rows served without a check (cache, errors) before letting others run


class Checker(Protocol):
    """What checks one lead: :class:`leadcheck.pipeline.CheckSession` or a test double.
    (A checker that has a ``check_outcome(inquiry) -> Checked`` method, as the worker
    pool of ``--workers`` does, is asked that instead: the columns come ready-made.)"""

    async def check(self, inquiry: Inquiry) -> LeadReport: ...


@dataclass(frozen=True, slots=True)
class Checked:
    """A lead checked elsewhere (in a worker process): its result columns, and the
    report to store (JSON-ready) with its time, or just an error's columns."""

    columns: RowOutcome
    report: dict[str, Any] | None = None
    checked_at: datetime | None = None
    network: str | None = None  # the check found our network broken: this, not stored


class Observer(Protocol):
    """Progress of a run, for a progress bar or a log. Called in the event loop
    (``on_table`` before it starts: the table read and the columns found)."""

    def on_table(self, table: Table, mapping: ColumnMapping) -> None: ...

    def on_start(self, total: int | None) -> None: ...

    def on_row_done(self, row: RowResult) -> None: ...

    def on_finish(self, summary: BatchSummary) -> None: ...


class NullObserver:
    def on_table(self, table: Table, mapping: ColumnMapping) -> None:
        pass

    def on_start(self, total: int | None) -> None:
        pass

    def on_row_done(self, row: RowResult) -> None:
        pass

    def on_finish(self, summary: BatchSummary) -> None:
        pass


class Sink(Protocol):
    def write(self, row: RowResult) -> None: ...


async def run_batch(
    rows: Iterable[SourceRow],
    checker: Checker,
    writer: Sink,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    store: ResultStore | None = None,
    observer: Observer | None = None,
    total: int | None = None,
    stop: asyncio.Event | None = None,
    handle_signals: bool = False,
    row_timeout: float | None = None,
    key_context: str = "",
    flatten: Callable[[LeadReport], RowOutcome] = report_columns,
    replan: Callable[[RowOutcome], RowOutcome] | None = None,
) -> BatchSummary:
    """Check every row and write it, in input order; return what happened.

    ``row_timeout`` is a last-resort bound on one check (the checker bounds its own
    network time); a row that exceeds it, or whose check raises, gets an error and
    is not stored, so the next run tries it again. ``replan`` recomputes the follow-up
    columns of a result taken from the store (its next window is as of now, not as of
    the day it was checked).
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    observer = observer or NullObserver()
    run = _Run(
        checker,
        writer,
        store=store,
        observer=observer,
        concurrency=concurrency,
        row_timeout=row_timeout,
        key_context=key_context,
        flatten=flatten,
        replan=replan,
    )
    observer.on_start(total)
    loop = asyncio.get_running_loop()
    watchers: list[asyncio.Future[Any]] = []
    if stop is not None:
        watchers.append(asyncio.ensure_future(_watch(stop, run.request_stop)))
    if store is not None:
        watchers.append(asyncio.ensure_future(_flush_periodically(store)))
    signals: list[int] = []
    if handle_signals:
        signals = _install_signal_handlers(loop, run.request_stop)
    try:
        await run.feed(rows)
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
        for watcher in watchers:
            watcher.cancel()
        await run.cancel_all()
        if store is not None:
            store.commit()
    summary = run.summary.build(
        interrupted=run.stopping,
        unfinished=len(run.pending),
        total=total if total is not None or run.stopping else run.summary.rows,
        database=str(store.path) if store is not None else None,
        network_rows=run.network_rows,
        network_problem=run.network_message,
    )
    observer.on_finish(summary)
    return summary


class _Run:
    def __init__(
        self,
        checker: Checker,
        writer: Sink,
        *,
        store: ResultStore | None,
        observer: Observer,
        concurrency: int,
        row_timeout: float | None,
        key_context: str,
        flatten: Callable[[LeadReport], RowOutcome],
        replan: Callable[[RowOutcome], RowOutcome] | None = None,
    ) -> None:
        self.checker = checker
        self.check_outcome: Callable[[Inquiry], Awaitable[Checked]] | None = getattr(
            checker, "check_outcome", None
        )
        self.writer = writer
        self.store = store
        self.observer = observer
        self.concurrency = concurrency
        self.window = max(MIN_WINDOW, concurrency * WINDOW_PER_WORKER)
        self.row_timeout = row_timeout
        self.key_context = key_context
        self.flatten = flatten
        self.replan = replan
        self.pending: deque[tuple[SourceRow, RowOutcome | asyncio.Future[RowOutcome]]] = deque()
        # lead key -> its check in flight, or its outcome once done, frozen (a few
        # hundred bytes instead of a task and two dozen strings; the outcomes share a
        # compression dictionary: memo.Freezer), for the rows with the same lead that
        # come later
        self.by_key: dict[str, asyncio.Future[RowOutcome] | bytes] = {}
        self.frozen = Freezer()
        self.running = 0
        self.wake = asyncio.Event()
        self.stopping = False
        self.summary = SummaryBuilder()
        self.network_rows = 0
        self.network_message: str | None = None
        self.trimmer = HeapTrimmer()

    def request_stop(self) -> None:
        self.stopping = True
        self.wake.set()

    async def feed(self, rows: Iterable[SourceRow]) -> None:
        for served, row in enumerate(rows, start=1):
            while not self.stopping and (
                self.running >= self.concurrency or len(self.pending) >= self.window
            ):
                self.wake.clear()
                await self.wake.wait()
                self.drain()
            if self.stopping:
                return
            self.pending.append((row, self.start(row)))
            self.drain()
            if served % _YIELD_EVERY == 0:
                await asyncio.sleep(0)
        while self.pending and not self.stopping:
            self.wake.clear()
            await self.wake.wait()
            self.drain()

    def start(self, row: SourceRow) -> RowOutcome | asyncio.Future[RowOutcome]:
        """The row's result, or the future of its check."""
        if row.inquiry is None:
            return error_columns(row.error or "the row cannot be checked")
        identity = lead_identity(row.inquiry)
        key = lead_key(row.inquiry, self.key_context, identity=identity)
        shared = self.by_key.get(key)
        if isinstance(shared, bytes):
            outcome: RowOutcome = self.frozen.thaw(shared)
            return outcome
        if shared is not None and not shared.cancelled():
            return shared
        if self.store is not None:
            stored = self.store.get(key)
            if stored is not None:
                columns = self.replan(stored.columns) if self.replan else stored.columns
                return columns.cached()
        task = asyncio.ensure_future(self._check_and_keep(row.inquiry, key, identity))
        self.running += 1
        task.add_done_callback(self._finished)
        self.by_key[key] = task
        if len(self.by_key) > 4 * self.window:  # forget the oldest; the store remembers
            for old in list(self.by_key)[: self.window]:
                entry = self.by_key[old]
                if isinstance(entry, bytes) or entry.done():
                    del self.by_key[old]
        return task

    async def _check_and_keep(self, inquiry: Inquiry, key: str, identity: str) -> RowOutcome:
        """:meth:`check`, its outcome then kept frozen for later rows with the same lead
        (a check that failed or was cancelled keeps its task: such a row fails alike,
        or checks again)."""
        columns = await self.check(inquiry, key, identity)
        if self.by_key.get(key) is asyncio.current_task():
            self.by_key[key] = self.frozen.freeze(columns)
        return columns

    def _finished(self, _task: asyncio.Future[RowOutcome]) -> None:
        self.running -= 1
        self.wake.set()
        self.trimmer.tick()

    async def check(self, inquiry: Inquiry, key: str, identity: str) -> RowOutcome:
        if self.check_outcome is not None:
            return await self.check_elsewhere(inquiry, key, identity)
        try:
            async with asyncio.timeout(self.row_timeout):
                report = await self.checker.check(inquiry)
            columns = self.flatten(report)
        except TimeoutError:
            return error_columns(
                f"the check took longer than {self.row_timeout:g} s; the next run tries again"
            )
        except Exception as exc:  # one lead's failure is that row's error, not the run's
            return error_columns(
                f"the check failed ({type(exc).__name__}: {exc}); the next run tries again"
            )
        if report.network is not None:  # our network failed, not the lead: check it again
            self.network_rows += 1
            self.network_message = self.network_message or report.network.message
            return columns
        if self.store is not None:
            self.store.put(
                key,
                lead=identity,
                columns=columns,
                report=report.model_dump(mode="json"),
                checked_at=report.checked_at,
            )
        return columns

    async def check_elsewhere(self, inquiry: Inquiry, key: str, identity: str) -> RowOutcome:
        """A lead checked by the checker's ``check_outcome`` (a worker process)."""
        assert self.check_outcome is not None
        try:
            async with asyncio.timeout(self.row_timeout):
                checked = await self.check_outcome(inquiry)
        except TimeoutError:
            return error_columns(
                f"the check took longer than {self.row_timeout:g} s; the next run tries again"
            )
        if checked.network is not None:  # our network failed, not the lead: check it again
            self.network_rows += 1
            self.network_message = self.network_message or checked.network
            return checked.columns
        if self.store is not None and checked.checked_at is not None and checked.report:
            self.store.put(
                key,
                lead=identity,
                columns=checked.columns,
                report=checked.report,
                checked_at=checked.checked_at,
            )
        return checked.columns

    def drain(self) -> None:
        """Write the finished rows at the head of the queue, in order."""
        pending = self.pending
        while pending:
            row, outcome = pending[0]
            if isinstance(outcome, asyncio.Future):
                if not outcome.done() or outcome.cancelled():
                    return
                columns = outcome.result()  # a store failure stops the run here
            else:
                columns = outcome
            pending.popleft()
            result = RowResult(index=row.index, line=row.line, cells=row.cells, columns=columns)
            self.writer.write(result)
            self.summary.add(columns)
            self.observer.on_row_done(result)

    async def cancel_all(self) -> None:
        tasks = [t for t in self.by_key.values() if not isinstance(t, bytes) and not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self.stopping:
            self.drain()


async def _watch(event: asyncio.Event, callback: Callable[[], None]) -> None:
    await event.wait()
    callback()


async def _flush_periodically(store: ResultStore) -> None:
    while True:
        await asyncio.sleep(COMMIT_INTERVAL)
        store.commit()


def _install_signal_handlers(
    loop: asyncio.AbstractEventLoop, request_stop: Callable[[], None]
) -> list[int]:
    """SIGINT/SIGTERM stop the run gracefully; a second one is not caught."""
    installed: list[int] = []

    def on_signal() -> None:
        request_stop()
        for sig in installed:
            loop.remove_signal_handler(sig)
        installed.clear()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not main thread
            continue
        installed.append(sig)
    return installed
