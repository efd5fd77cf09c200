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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from leadcheck.batch.outcome import RowOutcome
from leadcheck.errors import BadOptionError, StoreBusyError, StoreError
from leadcheck.inquiry import Inquiry
from leadcheck.version import __version__

SCHEMA_VERSION = 1
DEFAULT_MAX_AGE = timedelta(days=7)
UNKNOWN_MAX_AGE = timedelta(hours=12)
COMMIT_INTERVAL = 0.25  # seconds
COMMIT_ROWS = 200
_POLL = 0.1  # seconds between lock attempts while waiting

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
    ) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.max_age = max_age
        self.refresh = refresh
        self.wait = wait
        self._db: sqlite3.Connection | None = None
        self._lock_fd: int | None = None
        self._pending = 0
        self._last_commit = time.monotonic()

    # -- opening and closing ------------------------------------------------------------

    def open(self) -> ResultStore:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create {self.path.parent} for the results database "
                f"({exc.strerror or exc}); choose another place with --db PATH"
            ) from exc
        self._lock()
        try:
            self._connect()
        except BaseException:
            self._unlock()
            raise
        return self

    def _connect(self) -> None:
        try:
            db = sqlite3.connect(self.path, timeout=30.0)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: survives a killed process
            db.executescript(_SCHEMA)
            db.execute(
                "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)",
                (str(SCHEMA_VERSION),),
            )
            db.commit()
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot use {self.path} as the results database ({exc}); it may not be a "
                "leadcheck database: choose another file with --db PATH, or --no-db"
            ) from exc
        if int(row[0]) > SCHEMA_VERSION:
            db.close()
            raise StoreError(
                f"{self.path} was written by a newer leadcheck (schema {row[0]}); upgrade "
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
        blob = (
            zlib.compress(json.dumps(report, ensure_ascii=False).encode("utf-8"), 1)
            if report is not None
            else None
        )
        self.db.execute(
            "INSERT OR REPLACE INTO results "
            "(lead_key, lead, verdict, checked_at, leadcheck_version, columns, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                lead,
                columns.verdict,
                checked_at.timestamp(),
                __version__,
                json.dumps(columns.as_dict(), ensure_ascii=False),
                blob,
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
