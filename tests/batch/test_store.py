from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RowOutcome
from leadcheck.batch.store import ResultStore, lead_key, parse_age
from leadcheck.errors import BadOptionError, StoreBusyError, StoreError
from leadcheck.inquiry import Inquiry

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def put(store: ResultStore, key: str, verdict: str, at: datetime) -> None:
    store.put(
        key, lead="x", columns=RowOutcome(verdict=verdict), report={"v": verdict}, checked_at=at
    )


def test_parse_age() -> None:
    assert parse_age("7d") == timedelta(days=7)
    assert parse_age("12h") == timedelta(hours=12)
    assert parse_age("30m") == timedelta(minutes=30)
    assert parse_age("2w") == timedelta(weeks=2)
    assert parse_age("3") == timedelta(days=3)
    with pytest.raises(BadOptionError):
        parse_age("soon")


def test_lead_key_normalises() -> None:
    a = Inquiry(email=" Li@Acme.DE ", website="https://www.acme.de/en/", phone="+49 (30) 123")
    b = Inquiry(email="li@acme.de", website="acme.de", phone="4930123")
    assert lead_key(a) == lead_key(b)
    assert lead_key(a) != lead_key(a.model_copy(update={"message": "other text"}))
    assert lead_key(a) != lead_key(a, context="taxonomy=x")


def test_max_age_refresh_and_unknown(tmp_path: Path) -> None:
    path = tmp_path / "db" / "results.sqlite3"
    with ResultStore(path, max_age=timedelta(days=7)) as store:
        put(store, "fresh", "genuine", NOW - timedelta(days=6))
        put(store, "old", "genuine", NOW - timedelta(days=8))
        put(store, "unknown", "unknown", NOW - timedelta(hours=13))
        assert store.get("fresh", now=NOW) is not None
        assert store.get("old", now=NOW) is None
        assert store.get("unknown", now=NOW) is None  # unknown verdicts expire sooner
        assert store.get("missing", now=NOW) is None
        assert store.report("fresh") == {"v": "genuine"}
    with ResultStore(path, refresh=True) as store:
        assert store.get("fresh", now=NOW) is None
        assert store.count() == 3


def test_second_run_is_refused_then_allowed(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    with ResultStore(path):
        with pytest.raises(StoreBusyError, match=f"process {os.getpid()}"):
            ResultStore(path).open()
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="after waiting"):
            ResultStore(path, wait=0.3).open()
        assert time.monotonic() - started >= 0.3
    with ResultStore(path) as store:
        assert store.count() == 0


def test_lock_dies_with_its_process(tmp_path: Path) -> None:
    """kill -9 of the run holding the database leaves no stale lock behind."""
    path = tmp_path / "results.sqlite3"
    code = (
        "import sys, time; from pathlib import Path; from leadcheck.batch.store import ResultStore;"
        f"s = ResultStore(Path({str(path)!r})).open(); print('locked', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusyError):
            ResultStore(path).open()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        with ResultStore(path, wait=5) as store:
            assert store.count() == 0
    finally:
        holder.kill()
        holder.wait()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="--db"):
        ResultStore(path).open()
    # the lock was released on the way out
    path.unlink()
    with ResultStore(path):
        pass
