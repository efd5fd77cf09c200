"""The results database's follow-up history: schema migration, touches, marks, leads."""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RowOutcome
from leadcheck.batch.store import (
    SCHEMA_VERSION,
    ResultStore,
    TouchRecord,
    fold_email,
    lead_identity,
)
from leadcheck.errors import StoreError
from leadcheck.inquiry import Inquiry

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
REPORT = {
    "inquiry": {"email": "Li@Aquaklar.de", "company": "Aquaklar GmbH", "phone": "0711 258934"},
    "verdict": {
        "label": "suspicious",
        "reasons": [
            {"code": "site_new", "message": "the domain is 12 days old", "points": -20},
            {"code": "mx_ok", "message": "mail is received", "points": 10},
        ],
    },
    "fit": {"tier": "A", "score": 81},
    "email": {"normalized": "li@aquaklar.de"},
    "website": {
        "host": "www.aquaklar.de",
        "contacts": {"phones": ["+497112589340"], "whatsapp": [], "social": []},
    },
    "followup": {
        "country": "DE",
        "timezone": "Europe/Berlin",
        "contacts": {"phone": "+49711258934", "email": "li@aquaklar.de"},
    },
}


def v1_database(path: Path) -> None:
    """A database as leadcheck wrote it before the follow-up history existed."""
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE results (
            lead_key TEXT PRIMARY KEY, lead TEXT NOT NULL, verdict TEXT,
            checked_at REAL NOT NULL, leadcheck_version TEXT NOT NULL,
            columns TEXT NOT NULL, report BLOB
        ) WITHOUT ROWID;
        INSERT INTO meta VALUES ('schema', '1');
        """
    )
    identity = lead_identity(Inquiry(email="Li@Aquaklar.de", website="https://www.aquaklar.de/"))
    db.execute(
        "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            "k1",
            identity,
            "suspicious",
            NOW.timestamp(),
            "0.1.0",
            json.dumps({"verdict": "suspicious", "country": "DE", "fit_tier": "A"}),
            zlib.compress(json.dumps(REPORT).encode()),
        ),
    )
    db.execute(
        "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
        ("k2", " | site.example | ", "genuine", NOW.timestamp(), "0.1.0", "{}", None),
    )
    db.commit()
    db.close()


def test_an_old_database_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    v1_database(path)
    with ResultStore(path, max_age=timedelta(days=3650)) as store:
        assert store.get("k1", now=NOW) is not None  # old results still serve the batch
        assert store.report("k1") == REPORT
        leads = store.leads()
        assert [lead.email for lead in leads] == ["li@aquaklar.de"]  # k2 has no email
        facts = leads[0].facts
        assert facts["country"] == "DE"
        assert facts["timezone"] == "Europe/Berlin"
        assert facts["verdict"] == "suspicious"
        assert facts["fit_tier"] == "A"
        assert facts["phone"] == "+49711258934"
        assert facts["warnings"] == ["the domain is 12 days old"]
        assert facts["contacts"] == {"phones": ["+497112589340"]}
        assert leads[0].first_seen == NOW.timestamp()
        assert store.has_lead("li@aquaklar.de")
    version = sqlite3.connect(path).execute("SELECT value FROM meta").fetchone()[0]
    assert int(version) == SCHEMA_VERSION == 2


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    with ResultStore(path):
        pass
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE name = 'schema'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer leadcheck"):
        ResultStore(path).open()


def test_put_keeps_the_first_seen_time_and_the_facts(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    identity = lead_identity(Inquiry(email="li@aquaklar.de"))
    with ResultStore(path) as store:
        store.put(
            "k", lead=identity, columns=RowOutcome(verdict="genuine"), report=REPORT, checked_at=NOW
        )
        later = NOW + timedelta(days=9)
        store.put(
            "k",
            lead=identity,
            columns=RowOutcome(verdict="genuine"),
            report=REPORT,
            checked_at=later,
        )
        store.put(
            "k2",
            lead=identity,
            columns=RowOutcome(),
            report=None,
            checked_at=NOW + timedelta(days=1),
        )
        (found,) = store.leads()  # two rows of one email are one lead
        assert found.first_seen == NOW.timestamp()
        assert found.checked_at == (NOW + timedelta(days=9)).timestamp()
        assert found.facts["company"] == "Aquaklar GmbH"


def test_touches_are_idempotent_and_grouped(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    at = NOW.timestamp()
    with ResultStore(path) as store:
        first = TouchRecord("li@aquaklar.de", at, "out", "Email", note="quote")
        assert store.add_touch(first)
        assert not store.add_touch(first)
        # the same minute, direction and channel is the same message, whatever the note
        assert not store.add_touch(TouchRecord("li@aquaklar.de", at + 20, "out", "Email"))
        assert store.add_touch(TouchRecord("li@aquaklar.de", at + 20, "out", "WhatsApp"))
        assert store.add_touch(TouchRecord("li@aquaklar.de", at - 3600, "in", "Email"))
        assert store.add_touch(TouchRecord("x@y.de", at, "out", ""))
        store.commit()
    with ResultStore(path, lock=False, create=False) as store:
        touches = store.touches()
        assert [t.direction for t in touches["li@aquaklar.de"]] == ["in", "out", "out"]
        assert touches["li@aquaklar.de"][1].note == "quote"
        assert list(store.touches("x@y.de")) == ["x@y.de"]


def test_marks(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    with ResultStore(path) as store:
        store.set_urgent("li@aquaklar.de", True, note="goods at the port", at=1.0)
        assert store.marks()["li@aquaklar.de"].note == "goods at the port"
        store.set_urgent("li@aquaklar.de", False, note=None, at=2.0)
        assert store.marks() == {}


def test_log_and_due_need_no_run_lock(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    with ResultStore(path) as batch:  # a batch holds the run lock...
        batch.put(
            "k",
            lead=lead_identity(Inquiry(email="li@aquaklar.de")),
            columns=RowOutcome(),
            report=REPORT,
            checked_at=NOW,
        )
        batch.commit()
        with ResultStore(path, lock=False, create=False) as store:  # ...log still works
            assert store.add_touch(TouchRecord("li@aquaklar.de", NOW.timestamp(), "out", "Email"))
            store.commit()
        assert "li@aquaklar.de" in batch.touches()


def test_a_missing_database_is_not_created_for_log_or_due(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "results.sqlite3"
    with pytest.raises(StoreError, match="leadcheck batch"):
        ResultStore(path, lock=False, create=False).open()
    assert not path.parent.exists()


@pytest.mark.parametrize("content", [b"", b"email,company\n", b"\x00" * 100])
def test_a_file_that_is_no_database_is_not_made_one_for_log_or_due(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "checked.csv"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"no results database at .*checked\.csv \("):
        ResultStore(path, lock=False, create=False).open()
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["checked.csv"]  # no -wal, no -shm


def test_the_hint_names_only_options_the_command_has(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)  # the header, then garbage
    with pytest.raises(StoreError) as refused:
        ResultStore(path, lock=False, create=False).open()
    assert "--db PATH" in str(refused.value)
    assert "--no-db" not in str(refused.value)
    with pytest.raises(StoreError, match="or --no-db"):
        ResultStore(path, without="--no-db").open()  # batch's


def test_fold_email() -> None:
    assert fold_email(" MAILTO:Li@Aquaklar.DE ") == "li@aquaklar.de"
    assert fold_email("<li@aquaklar.de>") == "li@aquaklar.de"
    assert fold_email(None) == ""
