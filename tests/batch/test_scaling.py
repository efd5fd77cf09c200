"""``--workers``, ``--shard K/N`` and ``leadcheck merge`` give the rows one run gives.

The leads go through the real session (every stage) over the fake network of
tests/fakes.py, at a fixed moment, so two runs can be compared cell by cell: one
process against several forked workers, one run against shards merged again.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from leadcheck.batch import BatchOptions, run_file
from leadcheck.batch.merge import merge_databases, merge_outputs
from leadcheck.batch.sharding import bucket, lead_domain, parse_shard, shard_of, worker_of
from leadcheck.batch.workers import can_fork
from leadcheck.errors import BadOptionError, InputFileError
from leadcheck.inquiry import Inquiry
from leadcheck.pipeline import CheckOptions, CheckSession
from tests.batch.files import table_of, write_csv
from tests.fakes import FakeNet

# Worker processes and shard runs: end to end.
pytestmark = pytest.mark.world

AT = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
TIME_COLUMNS = ("checked_at",)
needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked")


def fake_world() -> FakeNet:
    net = FakeNet()
    for number in range(8):
        net.company(
            f"uvtech-{number}.de",
            f"UV Tech {number} GmbH",
            "UV-C disinfection systems for drinking water, aquaculture and hospitals",
        )
    net.company("furniture-shop.it", "Mobili Roma", "Oak tables, sofas and wardrobes")
    net.mail_domain("gmail.com")
    return net


def leads_file(tmp_path: Path) -> Path:
    rows: list[list[str]] = [["Company", "Email", "Website", "Country", "Message"]]
    for i in range(40):
        number = i % 8
        email = f"buyer{i}@gmail.com" if i % 3 == 0 else f"p{i}@uvtech-{number}.de"
        website = f"https://www.uvtech-{number}.de" if i % 2 else f"uvtech-{number}.de"
        rows.append([f"UV Tech {number}", email, website, "DE", "Quote for UV lamps"])
    rows.append(["Mobili", "sales@furniture-shop.it", "furniture-shop.it", "IT", "sofas"])
    rows.append(["Ghost", "x@no-such-domain-zz.com", "", "US", "price?"])
    rows.append(["Nobody", "", "", "", "hello"])  # nothing to check: a row error
    rows.append(["Private", "only@gmail.com", "", "", ""])
    return write_csv(tmp_path / "leads.csv", rows, encoding="utf-8")


def factory(net: FakeNet) -> Any:
    def open_session(options: BatchOptions) -> CheckSession:
        return CheckSession(
            CheckOptions(at=AT, rep=options.rep), resolver=net.resolver, fetcher=net.fetcher
        )

    return open_session


def rows_of(path: Path) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for line in lines:
        for column in TIME_COLUMNS:
            line.pop(column, None)
    return lines


def test_a_shard_is_k_of_n() -> None:
    assert parse_shard("0/4").index == 0
    assert str(parse_shard(" 3 / 4 ")) == "3/4"
    for bad in ("4/4", "-1/4", "1", "a/b", "0/0", "1/2/3"):
        with pytest.raises(BadOptionError, match="--shard"):
            parse_shard(bad)


def test_leads_are_split_by_their_domain() -> None:
    def domain(**fields: str) -> str:
        return lead_domain(Inquiry(**fields))

    assert domain(website="https://www.Acme-Wasser.de/kontakt?x=1") == "acme-wasser.de"
    assert domain(website="shop.acme.co.uk", email="li@other.com") == "acme.co.uk"
    assert domain(email="Li@Acme.de") == "acme.de"
    assert domain(email="li@mail.acme.de") == "acme.de"
    # a free-mail address is split by the address: Gmail leads spread over the workers
    assert domain(email="Li.Wei@gmail.com") == "li.wei@gmail.com"
    assert domain(phone="+49 30 1234567") == "+49 30 1234567"


def test_the_split_is_the_same_everywhere() -> None:
    # BLAKE2b, not Python's per-process hash: these numbers hold on every machine
    assert [bucket("acme-wasser.de", 7, salt=b"leadcheck-shard") for _ in range(3)] == [
        bucket("acme-wasser.de", 7, salt=b"leadcheck-shard")
    ] * 3
    spread = [bucket(f"company-{i}.de", 4, salt=b"leadcheck-shard") for i in range(400)]
    assert {spread.count(k) for k in range(4)} <= set(range(70, 131))  # roughly even
    # the workers of one shard are not all the same worker
    inquiries = [Inquiry(website=f"company-{i}.de") for i in range(200)]
    in_shard = [inquiry for inquiry in inquiries if shard_of(inquiry, 2) == 0]
    assert {worker_of(inquiry, 2) for inquiry in in_shard} == {0, 1}
    assert shard_of(None, 5) == 0  # a row without a lead


@needs_fork
@pytest.mark.parametrize("workers", [2, 3])
def test_workers_write_what_one_process_writes(tmp_path: Path, workers: int) -> None:
    net = fake_world()
    source = leads_file(tmp_path)
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    run_file(source, BatchOptions(output=one, use_database=False), session_factory=factory(net))
    summary = run_file(
        source,
        BatchOptions(output=many, use_database=False, workers=workers),
        session_factory=factory(net),
    )
    assert rows_of(many) == rows_of(one)
    assert summary.rows == 44
    assert summary.errors == 1
    assert {"genuine", "suspicious"} <= {row["verdict"] for row in rows_of(one)}


@needs_fork
def test_workers_keep_the_results_database(tmp_path: Path) -> None:
    net = fake_world()
    source = leads_file(tmp_path)
    db = tmp_path / "results.sqlite3"
    first = run_file(
        source,
        BatchOptions(output=tmp_path / "a.jsonl", database=db, workers=2),
        session_factory=factory(net),
    )
    again = run_file(
        source,
        BatchOptions(output=tmp_path / "b.jsonl", database=db, workers=2),
        session_factory=factory(net),
    )
    assert first.checked == 43
    assert first.cached == 0
    assert again.checked == 0
    assert again.cached == 43
    a, b = rows_of(tmp_path / "a.jsonl"), rows_of(tmp_path / "b.jsonl")
    for row in a + b:
        row.pop("from_cache")
        for column in ("next_window_local", "next_window_rep"):  # replanned from now
            row.pop(column)
    assert a == b


@needs_fork
def test_a_worker_that_cannot_start_fails_the_run(tmp_path: Path) -> None:
    def broken(options: BatchOptions) -> CheckSession:
        raise InputFileError("the taxonomy file is broken")

    with pytest.raises(InputFileError, match="taxonomy file is broken"):
        run_file(
            leads_file(tmp_path),
            BatchOptions(output=tmp_path / "x.jsonl", use_database=False, workers=2),
            session_factory=broken,
        )
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json", ".xlsx"])
def test_shards_merged_are_one_run(tmp_path: Path, suffix: str) -> None:
    net = fake_world()
    source = leads_file(tmp_path)
    whole = tmp_path / f"whole{suffix}"
    run_file(source, BatchOptions(output=whole, use_database=False), session_factory=factory(net))
    parts = []
    rows = 0
    for index in range(3):
        part = tmp_path / f"part-{index}{suffix}"
        summary = run_file(
            source,
            BatchOptions(
                output=part,
                database=tmp_path / f"results-{index}.sqlite3",
                shard=parse_shard(f"{index}/3"),
            ),
            session_factory=factory(net),
        )
        rows += summary.rows
        parts.append(part)
    assert rows == 44  # every row in exactly one shard
    merged = tmp_path / f"merged{suffix}"
    summary = merge_outputs(list(reversed(parts)), merged)  # any order of the files
    assert summary.rows == 44
    assert summary.errors == 1
    assert table_of(merged, TIME_COLUMNS) == table_of(whole, TIME_COLUMNS)
    copied = merge_databases(
        [tmp_path / f"results-{index}.sqlite3" for index in range(3)], tmp_path / "all.sqlite3"
    )
    assert copied == 43
    # merged again: nothing newer, nothing copied
    again = merge_databases([tmp_path / "results-0.sqlite3"], tmp_path / "all.sqlite3")
    assert again == 0


def test_a_shard_output_starts_with_the_row_number(tmp_path: Path) -> None:
    net = fake_world()
    out = tmp_path / "part.jsonl"
    run_file(
        leads_file(tmp_path),
        BatchOptions(output=out, use_database=False, shard=parse_shard("1/2")),
        session_factory=factory(net),
    )
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    numbers = [int(line["input_row"]) for line in lines]
    assert numbers == sorted(numbers)
    assert 0 < len(numbers) < 44
    assert next(iter(lines[0])) == "input_row"


def test_merge_refuses_what_is_not_a_shard(tmp_path: Path) -> None:
    net = fake_world()
    source = leads_file(tmp_path)
    whole = tmp_path / "whole.jsonl"
    run_file(source, BatchOptions(output=whole, use_database=False), session_factory=factory(net))
    with pytest.raises(InputFileError, match="--shard run"):
        merge_outputs([whole], tmp_path / "merged.jsonl")
    part = tmp_path / "part.jsonl"
    run_file(
        source,
        BatchOptions(output=part, use_database=False, shard=parse_shard("0/2")),
        session_factory=factory(net),
    )
    with pytest.raises(InputFileError, match="two of the shard outputs"):
        merge_outputs([part, part], tmp_path / "merged.jsonl")
    assert not (tmp_path / "merged.jsonl").exists()
    with pytest.raises(BadOptionError, match="one of the shard outputs"):
        merge_outputs([part], part)


def test_a_shard_run_has_no_report(tmp_path: Path) -> None:
    with pytest.raises(BadOptionError, match="--report"):
        run_file(
            leads_file(tmp_path),
            BatchOptions(
                output=tmp_path / "p.csv", report=tmp_path / "r.html", shard=parse_shard("0/2")
            ),
        )


@needs_fork
def test_a_worker_that_dies_costs_its_rows_only(tmp_path: Path) -> None:
    net = fake_world()

    class Dying(CheckSession):
        async def check(self, inquiry: Any, *, deadline: Any = None) -> Any:
            if inquiry.email == "sales@furniture-shop.it":
                import os

                os._exit(3)  # the worker process ends, as if killed
            return await super().check(inquiry, deadline=deadline)

    def dying(options: BatchOptions) -> CheckSession:
        return Dying(CheckOptions(at=AT), resolver=net.resolver, fetcher=net.fetcher)

    out = tmp_path / "out.jsonl"
    summary = run_file(
        leads_file(tmp_path),
        BatchOptions(output=out, database=tmp_path / "db.sqlite3", workers=2),
        session_factory=dying,
    )
    rows = rows_of(out)
    assert summary.rows == 44
    furniture = next(row for row in rows if row["Email"] == "sales@furniture-shop.it")
    assert "ended unexpectedly" in furniture["error"]
    assert sum(1 for row in rows if row["verdict"]) >= 20  # the other worker's rows
    # nothing of the dead worker's rows was stored: the next run checks them again
    again = run_file(
        leads_file(tmp_path),
        BatchOptions(output=tmp_path / "again.jsonl", database=tmp_path / "db.sqlite3"),
        session_factory=factory(net),
    )
    assert again.checked == summary.errors - 1  # the row with no lead is never checked


@pytest.mark.parametrize("workers", [1, 2])
def test_the_network_is_judged_before_the_first_lead(tmp_path: Path, workers: int) -> None:
    if workers > 1 and not can_fork():
        pytest.skip("worker processes are forked")
    net = fake_world()
    log = tmp_path / "events.log"

    class Recording(CheckSession):
        def note(self, event: str) -> None:
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()} {event}\n")

        async def check_network(self) -> None:
            self.note("network")
            await super().check_network()

        async def check(self, inquiry: Any, *, deadline: Any = None) -> Any:
            self.note("lead")
            return await super().check(inquiry, deadline=deadline)

    def open_session(options: BatchOptions) -> CheckSession:
        return Recording(
            CheckOptions(at=AT, rep=options.rep), resolver=net.resolver, fetcher=net.fetcher
        )

    run_file(
        leads_file(tmp_path),
        BatchOptions(output=tmp_path / "out.jsonl", use_database=False, workers=workers),
        session_factory=open_session,
    )
    by_process: dict[str, list[str]] = {}
    for line in log.read_text("utf-8").splitlines():
        pid, event = line.split()
        by_process.setdefault(pid, []).append(event)
    assert len(by_process) == workers
    for events in by_process.values():  # each checking process, before its first lead
        assert events[0] == "network"
        assert events.count("network") == 1
        assert "lead" in events
