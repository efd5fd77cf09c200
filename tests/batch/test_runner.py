from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from leadcheck.batch.columns import Aliases, map_columns
from leadcheck.batch.readers import RawRecord
from leadcheck.batch.rows import SourceRow, build_rows
from leadcheck.batch.runner import run_batch
from leadcheck.batch.store import ResultStore
from leadcheck.batch.summary import BatchSummary
from leadcheck.batch.writers import RowResult

from .fakes import FakeChecker

HEADER = ("Email", "Website", "Country")


class ListWriter:
    def __init__(self) -> None:
        self.rows: list[RowResult] = []

    def write(self, row: RowResult) -> None:
        self.rows.append(row)


class Recorder:
    def __init__(self) -> None:
        self.started: int | str | None = "never"
        self.done = 0
        self.summary: BatchSummary | None = None

    def on_start(self, total: int | None) -> None:
        self.started = total

    def on_row_done(self, row: RowResult) -> None:
        self.done += 1

    def on_finish(self, summary: BatchSummary) -> None:
        self.summary = summary


def source_rows(aliases: Aliases, emails: list[str]) -> Iterator[SourceRow]:
    mapping = map_columns(HEADER, aliases)
    records = (RawRecord(line=i + 2, cells=(e, "", "DE")) for i, e in enumerate(emails))
    return build_rows(records, mapping)


def run(
    aliases: Aliases, emails: list[str], checker: FakeChecker, **kwargs: Any
) -> tuple[BatchSummary, ListWriter]:
    writer = ListWriter()
    summary = asyncio.run(run_batch(source_rows(aliases, emails), checker, writer, **kwargs))
    return summary, writer


def test_order_kept_under_concurrency(aliases: Aliases) -> None:
    emails = [f"user{i}@company{i % 37}.com" for i in range(600)]
    checker = FakeChecker(delay=0.001, jitter=0.01)
    recorder = Recorder()
    summary, writer = run(aliases, emails, checker, concurrency=16, observer=recorder, total=600)
    assert [r.index for r in writer.rows] == list(range(600))
    assert [r.cells[0] for r in writer.rows] == emails
    assert checker.peak == 16
    assert summary.rows == summary.checked == 600
    assert recorder.started == 600
    assert recorder.done == 600
    assert recorder.summary == summary


def test_duplicates_checked_once_errors_become_rows(aliases: Aliases) -> None:
    emails = ["a@x.com", "A@X.com ", "", "b@fake.com", "boom@x.com", "a@x.com"]
    checker = FakeChecker(delay=0.01, fail_on="boom@x.com")
    summary, writer = run(aliases, emails, checker, concurrency=8)
    assert checker.calls["a@x.com"] + checker.calls["A@X.com"] == 1
    errors = [r.columns.error for r in writer.rows]
    assert errors[2] is not None
    assert "no email" in errors[2]
    assert errors[4] is not None
    assert "RuntimeError" in errors[4]
    assert writer.rows[3].columns.verdict == "fake"
    assert summary.errors == 2
    assert summary.verdicts == {"genuine": 3, "fake": 1}


def test_a_lead_met_again_after_its_check_gets_the_same_columns(aliases: Aliases) -> None:
    # one check at a time: the first row's check is over when its twin comes, and what
    # the twin gets is the outcome kept (frozen), an equal copy, not a second check
    emails = ["a@x.com", "b@y.com", "A@X.com", "c@z.com", "a@x.com"]
    checker = FakeChecker(delay=0.001)
    _, writer = run(aliases, emails, checker, concurrency=1)
    assert checker.calls["a@x.com"] + checker.calls["A@X.com"] == 1
    first, twin, again = (writer.rows[i].columns for i in (0, 2, 4))
    assert twin == first
    assert again == first
    assert twin is not first  # thawed from what was kept
    assert not twin.from_cache  # the results database was not asked


def test_slow_check_times_out_as_a_row_error(aliases: Aliases) -> None:
    checker = FakeChecker(delay=1.0)
    summary, writer = run(aliases, ["a@x.com"], checker, row_timeout=0.05)
    assert "longer than" in writer.rows[0].columns.error
    assert summary.errors == 1


def test_store_skips_finished_rows(aliases: Aliases, tmp_path: Path) -> None:
    emails = [f"u{i}@c{i}.com" for i in range(50)]
    db = tmp_path / "r.sqlite3"
    with ResultStore(db) as store:
        first = FakeChecker()
        run(aliases, emails, first, store=store)
    with ResultStore(db) as store:
        again = FakeChecker()
        summary, writer = run(aliases, [*emails, "new@c.com"], again, store=store)
    assert sum(again.calls.values()) == 1
    assert summary.cached == 50
    assert summary.checked == 1
    assert all(r.columns.from_cache for r in writer.rows[:50])
    assert writer.rows[0].columns.verdict == "genuine"
    with ResultStore(db, refresh=True) as store:
        fresh = FakeChecker()
        run(aliases, emails, fresh, store=store)
    assert sum(fresh.calls.values()) == 50


def test_stop_writes_the_finished_prefix_and_keeps_the_rest(
    aliases: Aliases, tmp_path: Path
) -> None:
    emails = [f"u{i}@c{i}.com" for i in range(400)]
    db = tmp_path / "r.sqlite3"

    async def interrupted() -> tuple[BatchSummary, ListWriter]:
        stop = asyncio.Event()
        writer = ListWriter()
        checker = FakeChecker(delay=0.002, jitter=0.02)
        asyncio.get_running_loop().call_later(0.15, stop.set)
        with ResultStore(db) as store:
            summary = await run_batch(
                source_rows(aliases, emails), checker, writer, concurrency=8, store=store, stop=stop
            )
        return summary, writer

    summary, writer = asyncio.run(interrupted())
    assert summary.interrupted
    assert 0 < summary.rows < 400
    assert [r.index for r in writer.rows] == list(range(summary.rows))
    with ResultStore(db) as store:
        stored = store.count()
        assert stored >= summary.rows
        again = FakeChecker()
        summary2, writer2 = run(aliases, emails, again, store=store, concurrency=8)
    assert not summary2.interrupted
    assert [r.index for r in writer2.rows] == list(range(400))
    assert summary2.cached == stored
    assert sum(again.calls.values()) == 400 - stored


def test_leads_failed_by_the_network_are_not_stored(aliases: Aliases, tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    emails = ["a@offline.com", "b@x.com", "c@offline.com"]
    with ResultStore(db) as store:
        summary, writer = run(aliases, emails, FakeChecker(), store=store)
        assert store.count() == 1  # only the lead the network did not fail
    assert [r.columns.verdict for r in writer.rows] == ["unknown", "genuine", "unknown"]
    assert summary.network_rows == 2
    assert summary.network_problem is not None
    assert summary.network_problem.startswith("Your DNS says every domain is missing")
    with ResultStore(db) as store:
        again = FakeChecker()
        summary2, _ = run(aliases, emails, again, store=store)
    assert again.calls == {"a@offline.com": 1, "c@offline.com": 1}  # checked again
    assert summary2.cached == 1
