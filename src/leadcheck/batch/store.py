"""The results database: what a batch has checked, kept across runs.

A SQLite file (WAL mode) holds one row per lead, keyed by :func:`lead_key`, with the
result columns, the full report (zlib-compressed JSON) and when it was checked. A
re-run takes a lead's result from here unless it is older than ``max_age`` or the
run asks to ``refresh``; an ``unknown`` verdict (often a network hiccup) is kept for
at most :data:`UNKNOWN_MAX_AGE`.

Finished rows are committed in small batches (every :data:`COMMIT_INTERVAL`
seconds or :data:`COMMIT_ROWS` rows), so a run killed with ``kill -9`` loses only the
rows that were in flight or finished within the last fraction of a second, and a
re-run carries on where it stopped.

One run at a time: the run holds an exclusive ``flock`` on ``<db>.lock`` for its
whole length. The operating system releases it when the process dies, however it
dies, so a crashed run never leaves a stale lock behind. A second run waits up to
``wait`` seconds for it and then raises :class:`StoreBusyError`.

The same file keeps the follow-up history: ``touches`` (our messages and the lead's
replies, one row per lead, minute, direction and channel, so re-importing a history
adds nothing) and ``marks`` (leads marked urgent). ``leadcheck log`` and ``leadcheck
due`` open the database with ``lock=False``: they take no run lock, so they work
while a batch runs; SQLite's own locking (WAL, a 30 s busy timeout) keeps their short
writes and the batch's apart.

Schema versions: 1 had ``meta`` and ``results``; 2 adds the lead's email, first-seen
time and facts (:mod:`leadcheck.batch.facts`) to ``results`` and the ``touches`` and
``marks`` tables. An older database is migrated in place when it is opened (one
transaction, facts filled in from the stored reports); a newer one is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import time
import unicodedata
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple, NoReturn

from leadcheck.batch.outcome import RowOutcome
from leadcheck.errors import BadOptionError, StoreBusyError, StoreError
from leadcheck.inquiry import Inquiry
from leadcheck.version import __version__

SCHEMA_VERSION = 2
DEFAULT_MAX_AGE = timedelta(days=7)
UNKNOWN_MAX_AGE = timedelta(hours=12)
COMMIT_INTERVAL = 0.25  # seconds
COMMIT_ROWS = 200
_POLL = 0.1  # seconds between lock attempts while waiting
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database

# Version 1, as created since the first release; migrations bring it up to date.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    lead_key TEXT PRIMARY KEY,          -- see lead_key()
    lead TEXT NOT NULL,                 -- email | website | phone, for people reading the db
    verdict TEXT,
    checked_at REAL NOT NULL,           -- Unix time, UTC
    leadcheck_version TEXT NOT NULL,
    columns TEXT NOT NULL,              -- JSON: the result columns of the output
    report BLOB                         -- zlib-compressed JSON of the full report
) WITHOUT ROWID;
"""

_MIGRATE_TO_2 = """
ALTER TABLE results ADD COLUMN email TEXT;         -- case-folded, as in lead_identity()
ALTER TABLE results ADD COLUMN first_seen REAL;    -- Unix time the lead was first checked
ALTER TABLE results ADD COLUMN facts TEXT;         -- JSON: leadcheck.batch.facts.lead_facts()
ALTER TABLE results ADD COLUMN country TEXT;       -- from the facts, read by `due` for
ALTER TABLE results ADD COLUMN timezone TEXT;      -- every lead without parsing them
ALTER TABLE results ADD COLUMN fit_tier TEXT;
UPDATE results SET first_seen = checked_at;
CREATE INDEX IF NOT EXISTS results_email ON results (email);
CREATE TABLE IF NOT EXISTS touches (
    email TEXT NOT NULL,                -- the lead, as results.email
    minute INTEGER NOT NULL,            -- floor(at / 60): one touch per minute and kind
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    channel TEXT NOT NULL,              -- "Email", "WhatsApp", "Phone", ... ("" = not said)
    at REAL NOT NULL,                   -- Unix time, UTC
    precision TEXT NOT NULL CHECK (precision IN ('minute', 'day')),
    note TEXT,
    source TEXT NOT NULL,               -- "log" or "import"
    recorded_at REAL NOT NULL,
    PRIMARY KEY (email, minute, direction, channel)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS marks (
    email TEXT PRIMARY KEY,
    urgent INTEGER NOT NULL,
    note TEXT,
    marked_at REAL NOT NULL
) WITHOUT ROWID;
"""

Direction = Literal["out", "in"]
Precision = Literal["minute", "day"]


def default_db_path() -> Path:
    """``results.sqlite3`` in the user's data directory (e.g. ``~/.local/share/leadcheck``)."""
    from platformdirs import user_data_path

    return user_data_path("leadcheck", appauthor=False) / "results.sqlite3"


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "": 86400}


def parse_age(text: str) -> timedelta:
    """``"7d"``, ``"12h"``, ``"30m"``, ``"90s"``, ``"2w"``; a bare number is days."""
    match = _AGE.match(text)
    if not match:
        raise BadOptionError(f"bad age {text!r}: expected a number and a unit, e.g. 7d, 12h, 30m")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2).lower()])


def _fold(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _site(website: str | None) -> str:
    """A website as a host: no scheme, no ``www.``, no path, no port, lower case."""
    site = _fold(website)
    site = re.sub(r"^[a-z][a-z0-9+.-]*://", "", site)
    site = re.split(r"[/?#]", site, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return site.removeprefix("www.").rstrip(".")


def lead_identity(inquiry: Inquiry) -> str:
    """The readable part of a lead's key: ``email | site | phone digits``."""
    digits = "".join(ch for ch in _fold(inquiry.phone) if ch.isdigit())
    return " | ".join((_fold(inquiry.email), _site(inquiry.website), digits))


def fold_email(text: str | None) -> str:
    """An email address in the form the store keys leads by (``mailto:`` and ``<>`` dropped)."""
    folded = _fold(text).strip("<>")
    return folded.removeprefix("mailto:").strip()


def identity_email(identity: str) -> str | None:
    """The email part of a :func:`lead_identity`, or None when the lead has no email."""
    return identity.split(" | ", 1)[0] or None


def lead_key(inquiry: Inquiry, context: str = "", *, identity: str | None = None) -> str:
    """The key a lead's result is stored under.

    A SHA-256 over the lead as normalised: the email case-folded; the website reduced
    to its host without ``www.``; the phone's digits; country, company, contact and
    message case-folded with blanks collapsed (they change the fit score and the
    follow-up). Two rows that differ only in case, spacing or URL decoration share a
    key; ``context`` (e.g. the taxonomy in use) separates results made under
    different settings. ``identity`` is :func:`lead_identity`, if already known.
    """
    parts = [
        identity if identity is not None else lead_identity(inquiry),
        _fold(inquiry.country),
        _fold(inquiry.company),
        _fold(inquiry.contact),
        _fold(inquiry.message),
        context,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredResult:
    columns: RowOutcome
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class StoredLead:
    """One stored lead as ``due`` reads it: its facts and when it was checked."""

    email: str
    facts: Mapping[str, Any]  # see leadcheck.batch.facts; read lazily from the store
    checked_at: float  # Unix time of the latest check
    first_seen: float  # Unix time of the first check


class TouchRecord(NamedTuple):
    """One message between us and a lead: ``out`` is ours, ``in`` is theirs.

    A named tuple: a long history is tens of thousands of them, read at every ``due``.
    """

    email: str
    at: float  # Unix time, UTC
    direction: Direction
    channel: str = ""
    note: str | None = None
    precision: Precision = "minute"  # "day": only the date is known
    source: str = "log"


@dataclass(frozen=True, slots=True)
class Mark:
    urgent: bool
    note: str | None
    marked_at: float


class ResultStore:
    """The results database of one run: open it, look results up, record new ones.

    Use as a context manager: entering takes the run lock and opens the database;
    leaving commits and releases both.
    """

    def __init__(
        self,
        path: Path,
        *,
        max_age: timedelta = DEFAULT_MAX_AGE,
        refresh: bool = False,
        wait: float = 0.0,
        lock: bool = True,
        create: bool = True,
        without: str | None = None,
    ) -> None:
        """``lock=False``: take no run lock (``log``, ``due``); ``create=False``: a missing
        database, an empty file, a file that is not SQLite or a SQLite file that is not
        leadcheck's is a :class:`StoreError`, never turned into a database. ``without``:
        how the command runs without a database (``batch``: ``--no-db``), for the hints."""
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.max_age = max_age
        self.refresh = refresh
        self.wait = wait
        self.lock = lock
        self.create = create
        self.without = without
        self._db: sqlite3.Connection | None = None
        self._lock_fd: int | None = None
        self._pending = 0
        self._last_commit = time.monotonic()

    # -- opening and closing ------------------------------------------------------------

    def open(self) -> ResultStore:
        if not self.create:
            self._require_database()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create {self.path.parent} for the results database "
                f"({exc.strerror or exc}); choose another place with --db PATH"
            ) from exc
        if self.lock:
            self._lock()
        try:
            self._connect()
        except BaseException:
            self._unlock()
            raise
        return self

    def _require_database(self) -> None:
        """``create=False``: the file must already be a SQLite database, which its first
        16 bytes tell (read without connecting: SQLite would make an empty file one)."""
        why = None
        try:
            with open(self.path, "rb") as file:
                head = file.read(len(SQLITE_HEADER))
        except FileNotFoundError:
            why = ""
        except IsADirectoryError:
            why = " (it is a directory)"
        except OSError as exc:
            raise StoreError(
                f"cannot read {self.path} ({exc.strerror or exc}); give the results "
                "database with --db PATH"
            ) from exc
        else:
            if not head:
                why = " (the file is empty)"
            elif head != SQLITE_HEADER:
                why = " (the file is not a SQLite database)"
        if why is not None:
            self._no_database(why)

    def _no_database(self, why: str) -> NoReturn:
        raise StoreError(
            f"there is no results database at {self.path}{why}: check your leads with "
            "'leadcheck batch' first, or give the database with --db PATH"
        )

    def _connect(self) -> None:
        try:
            db = sqlite3.connect(self.path, timeout=30.0)
            if not self.create and not _has_table(db, "meta"):
                db.close()
                self._no_database(" (it is a SQLite database, but not leadcheck's)")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: survives a killed process
            db.executescript(_SCHEMA)
            # A new file starts at version 1 (what _SCHEMA creates) and is migrated.
            db.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', '1')")
            db.commit()
            version = _schema_version(db)
            if version < SCHEMA_VERSION:
                _migrate(db)
                version = _schema_version(db)
        except sqlite3.Error as exc:
            other = f", or {self.without}" if self.without else ""
            raise StoreError(
                f"cannot use {self.path} as the results database ({exc}); it may not be a "
                f"leadcheck database: choose another file with --db PATH{other}"
            ) from exc
        if version > SCHEMA_VERSION:
            db.close()
            raise StoreError(
                f"{self.path} was written by a newer leadcheck (schema {version}); upgrade "
                "leadcheck or choose another file with --db PATH"
            )
        self._db = db

    def close(self) -> None:
        try:
            if self._db is not None:
                try:
                    self._db.commit()
                finally:
                    self._db.close()
                    self._db = None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path} ({exc})") from exc
        finally:
            self._unlock()

    def __enter__(self) -> ResultStore:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- the run lock -------------------------------------------------------------------

    def _lock(self) -> None:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(
                f"cannot create the lock file {self.lock_path} ({exc.strerror or exc}); "
                "choose another place with --db PATH"
            ) from exc
        deadline = time.monotonic() + max(0.0, self.wait)
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _read_pid(fd)
                os.close(fd)
                by = f" (process {holder})" if holder else ""
                waited = f" after waiting {self.wait:g} s" if self.wait > 0 else ""
                raise StoreBusyError(
                    f"another leadcheck batch{by} is using {self.path}{waited}; let it finish, "
                    "pass --wait SECONDS to wait for it, or use another --db"
                )
            time.sleep(_POLL)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            _release(self._lock_fd)
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- results ------------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("open the ResultStore first")
        return self._db

    def get(self, key: str, *, now: datetime | None = None) -> StoredResult | None:
        """The stored result of a lead if it is fresh enough for this run."""
        if self.refresh:
            return None
        try:
            row = self.db.execute(
                "SELECT verdict, checked_at, columns FROM results WHERE lead_key = ?", (key,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path} ({exc})") from exc
        if row is None:
            return None
        verdict, checked, columns = row
        now_ts = (now or datetime.now(UTC)).timestamp()
        max_age = self.max_age if verdict != "unknown" else min(self.max_age, UNKNOWN_MAX_AGE)
        if now_ts - checked > max_age.total_seconds():
            return None
        try:
            parsed = RowOutcome.from_dict(json.loads(columns))
        except (ValueError, TypeError):
            return None
        return StoredResult(columns=parsed, checked_at=datetime.fromtimestamp(checked, UTC))

    def put(
        self,
        key: str,
        *,
        lead: str,
        columns: RowOutcome,
        report: dict[str, Any] | None,
        checked_at: datetime,
    ) -> None:
        """Record a lead's result; committed within :data:`COMMIT_INTERVAL` seconds."""
        try:
            self._put(key, lead, columns, report, checked_at)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path} ({exc})") from exc

    def _put(
        self,
        key: str,
        lead: str,
        columns: RowOutcome,
        report: dict[str, Any] | None,
        checked_at: datetime,
    ) -> None:
        from leadcheck.batch.facts import lead_facts

        blob = (
            zlib.compress(json.dumps(report, ensure_ascii=False).encode("utf-8"), 1)
            if report is not None
            else None
        )
        email = identity_email(lead)
        facts = lead_facts(report, columns, email=email)
        self.db.execute(
            "INSERT INTO results "
            "(lead_key, lead, verdict, checked_at, leadcheck_version, columns, report, "
            "email, first_seen, facts, country, timezone, fit_tier) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (lead_key) DO UPDATE SET lead = excluded.lead, "
            "verdict = excluded.verdict, checked_at = excluded.checked_at, "
            "leadcheck_version = excluded.leadcheck_version, columns = excluded.columns, "
            "report = excluded.report, email = excluded.email, facts = excluded.facts, "
            "country = excluded.country, timezone = excluded.timezone, "
            "fit_tier = excluded.fit_tier, "
            "first_seen = min(coalesce(results.first_seen, excluded.first_seen), "
            "excluded.first_seen)",
            (
                key,
                lead,
                columns.verdict,
                checked_at.timestamp(),
                __version__,
                json.dumps(columns.as_dict(), ensure_ascii=False),
                blob,
                email,
                checked_at.timestamp(),
                json.dumps(facts, ensure_ascii=False),
                facts["country"],
                facts["timezone"],
                facts["fit_tier"],
            ),
        )
        self._pending += 1
        if self._pending >= COMMIT_ROWS or time.monotonic() - self._last_commit >= COMMIT_INTERVAL:
            self.commit()

    def commit(self) -> None:
        """Make everything recorded so far durable."""
        if self._db is not None and self._pending:
            try:
                self._db.commit()
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to {self.path} ({exc})") from exc
        self._pending = 0
        self._last_commit = time.monotonic()

    def report(self, key: str) -> dict[str, Any] | None:
        """The full stored report of a lead (for tools and debugging)."""
        row = self.db.execute("SELECT report FROM results WHERE lead_key = ?", (key,)).fetchone()
        if row is None or row[0] is None:
            return None
        loaded: dict[str, Any] = json.loads(zlib.decompress(row[0]).decode("utf-8"))
        return loaded

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM results").fetchone()[0])

    # -- the follow-up history ----------------------------------------------------------

    def has_lead(self, email: str) -> bool:
        """Whether a checked lead has this email (as :func:`fold_email` gives it)."""
        row = self._read("SELECT 1 FROM results WHERE email = ? LIMIT 1", (email,)).fetchone()
        return row is not None

    def known_emails(self) -> frozenset[str]:
        rows = self._read("SELECT DISTINCT email FROM results WHERE email IS NOT NULL", ())
        return frozenset(row[0] for row in rows)

    def leads(self) -> list[StoredLead]:
        """Every stored lead with an email, one per email: the facts of its latest check
        and the time of its first.

        The facts read for every lead (verdict, country, zone, fit tier) are columns of
        their own; the rest is parsed only when asked for (:class:`LazyFacts`).
        """
        from leadcheck.batch.facts import HOT_FACTS, LazyFacts

        rows = self._read(
            f"SELECT email, facts, checked_at, first_seen, {', '.join(HOT_FACTS)} FROM results "
            "WHERE email IS NOT NULL AND email != '' ORDER BY email, checked_at",
            (),
        ).fetchall()
        found: dict[str, StoredLead] = {}
        for row in rows:
            email, facts, checked, first = row[:4]
            if not facts:  # written without facts: made from its result columns
                lazy = LazyFacts(json.dumps(self._column_facts(email), ensure_ascii=False))
            else:
                lazy = LazyFacts(facts, dict(zip(HOT_FACTS, row[4:], strict=True)))
            earlier = found.get(email)
            first_seen = first if first is not None else checked
            if earlier is not None:
                first_seen = min(first_seen, earlier.first_seen)
            found[email] = StoredLead(
                email=email, facts=lazy, checked_at=checked, first_seen=first_seen
            )
        return list(found.values())

    def _column_facts(self, email: str) -> dict[str, Any]:
        row = self._read(
            "SELECT columns FROM results WHERE email = ? ORDER BY checked_at DESC LIMIT 1",
            (email,),
        ).fetchone()
        return _facts_from_columns(row[0] if row else None, email)

    def add_touch(self, touch: TouchRecord) -> bool:
        """Record one touch; False when the same one (lead, minute, direction, channel)
        is already there."""
        try:
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO touches (email, minute, direction, channel, at, "
                "precision, note, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    touch.email,
                    int(touch.at // 60),
                    touch.direction,
                    touch.channel,
                    touch.at,
                    touch.precision,
                    touch.note,
                    touch.source,
                    time.time(),
                ),
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path} ({exc})") from exc
        self._pending += 1
        return cursor.rowcount > 0

    def touches(
        self, email: str | None = None, *, notes: bool = True
    ) -> dict[str, list[TouchRecord]]:
        """Touches by lead, minute by minute (of one lead when ``email`` is given).

        ``notes=False`` leaves out the notes and sources (``due`` reads neither).
        """
        # in TouchRecord's field order, so each row becomes one with no Python code
        columns = "email, at, direction, channel, note, precision, source"
        if not notes:
            columns = "email, at, direction, channel, NULL, precision, ''"
        query = f"SELECT {columns} FROM touches"
        params: tuple[str, ...] = ()
        if email is not None:
            query += " WHERE email = ?"
            params = (email,)
        # in the primary key's order (no sort); read_thread orders a lead's touches by time
        rows = self._read(query + " ORDER BY email, minute", params)
        make = TouchRecord._make
        found: dict[str, list[TouchRecord]] = {}
        for key, group in groupby(rows, itemgetter(0)):
            found[key] = list(map(make, group))
        return found

    def set_urgent(self, email: str, urgent: bool, *, note: str | None, at: float) -> None:
        """Mark a lead urgent (goods at the port...) or clear the mark."""
        try:
            if urgent:
                self.db.execute(
                    "INSERT OR REPLACE INTO marks (email, urgent, note, marked_at) "
                    "VALUES (?, 1, ?, ?)",
                    (email, note, at),
                )
            else:
                self.db.execute("DELETE FROM marks WHERE email = ?", (email,))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path} ({exc})") from exc
        self._pending += 1

    def marks(self) -> dict[str, Mark]:
        rows = self._read("SELECT email, urgent, note, marked_at FROM marks", ())
        return {row[0]: Mark(urgent=bool(row[1]), note=row[2], marked_at=row[3]) for row in rows}

    def _read(self, query: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
        try:
            return self.db.execute(query, params)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path} ({exc})") from exc


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def _schema_version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    return int(row[0])


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a database up to :data:`SCHEMA_VERSION`, in one transaction.

    Another process may be migrating the same file at the same moment: the version is
    read again once the write lock is held, and a finished migration is not repeated.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _schema_version(db)
        if version < 2:
            for statement in _MIGRATE_TO_2.split(";"):
                if statement.strip():
                    db.execute(statement)
            _fill_facts(db)
            db.execute("UPDATE meta SET value = '2' WHERE name = 'schema'")
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _fill_facts(db: sqlite3.Connection) -> None:
    """The email and facts of every lead stored before schema 2, from its report."""
    from leadcheck.batch.facts import lead_facts

    rows = db.execute("SELECT lead_key, lead, columns, report FROM results").fetchall()
    for key, lead, columns, blob in rows:
        email = identity_email(lead or "")
        try:
            parsed_columns = json.loads(columns) if columns else {}
        except ValueError:
            parsed_columns = {}
        try:
            report = json.loads(zlib.decompress(blob).decode("utf-8")) if blob else None
        except (zlib.error, ValueError):
            report = None
        facts = lead_facts(report, parsed_columns, email=email)
        db.execute(
            "UPDATE results SET email = ?, facts = ?, country = ?, timezone = ?, fit_tier = ? "
            "WHERE lead_key = ?",
            (
                email,
                json.dumps(facts, ensure_ascii=False),
                facts["country"],
                facts["timezone"],
                facts["fit_tier"],
                key,
            ),
        )


def _facts_from_columns(columns: str | None, email: str) -> dict[str, Any]:
    from leadcheck.batch.facts import lead_facts

    try:
        parsed = json.loads(columns) if columns else {}
    except ValueError:
        parsed = {}
    return lead_facts(None, parsed if isinstance(parsed, dict) else {}, email=email)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
