"""Record the follow-up history in the results database: ``leadcheck log``.

One touch at a time (:func:`log_touch`), an urgent mark (:func:`mark_urgent`), or a
whole history export (:func:`import_history`). Every touch must belong to a lead the
database knows, by the email the lead wrote from. A touch is one lead, minute,
direction and channel: logging or importing the same message again adds nothing, so
importing an export twice, or an export that overlaps what was logged by hand, is safe.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from leadcheck.batch.store import Direction, ResultStore, TouchRecord, fold_email
from leadcheck.errors import BadOptionError, UnknownLeadError
from leadcheck.followup.history import (
    HistoryAliases,
    history_mapping,
    load_history_aliases,
    parse_channel_option,
    read_history,
)
from leadcheck.models import Frozen
from leadcheck.textsafe import clean_line

MAX_PROBLEMS = 50  # row problems kept in an import's summary (all are counted)
MAX_NOTE = 500


class LoggedTouch(Frozen):
    email: str
    direction: Direction
    channel: str
    at: dt.datetime
    note: str | None
    added: bool  # False: the same touch was already there


class RowProblem(Frozen):
    line: int
    error: str


class ImportSummary(Frozen):
    source: str
    read_as: str  # how the file was read ("CSV, UTF-8, delimiter ','")
    rows: int
    added: int
    already_known: int
    errors: int
    problems: tuple[RowProblem, ...]  # the first MAX_PROBLEMS row errors


def require_lead(store: ResultStore, email: str) -> str:
    """The lead's key for ``email``; :class:`UnknownLeadError` naming the fix when unknown."""
    key = fold_email(email)
    if not key or "@" not in key:
        raise BadOptionError(f"{clean_line(email, limit=80)!r} is not an email address")
    if store.has_lead(key):
        return key
    close = closest_known(key, store.known_emails())
    tip = f" (did you mean {close}?)" if close else ""
    raise UnknownLeadError(
        f"no lead with the email {clean_line(key, limit=80)!r} in {store.path}{tip}; "
        "check the lead with 'leadcheck batch' first, or give the right --db"
    )


def closest_known(key: str, known: Iterable[str]) -> str | None:
    """The known address ``key`` probably meant, or None.

    A company domain the database holds is no typo: the suggestion is then the closest
    of that domain's addresses, never a look-alike domain's (``aquatech-waser.de`` for
    ``aquatech-wasser.de``). Otherwise, and at a free-mail domain (``gmail.com``:
    anyone's), the closest address if one is close.
    """
    from leadcheck.verify.maillists import is_free_provider

    domain = key.rpartition("@")[2]
    emails = sorted(known)
    same = [email for email in emails if email.rpartition("@")[2] == domain]
    if same and not is_free_provider(domain):
        return difflib.get_close_matches(key, same, n=1, cutoff=0.0)[0]
    close = difflib.get_close_matches(key, emails, n=1, cutoff=0.8)
    return close[0] if close else None


def log_touch(
    store: ResultStore,
    email: str,
    *,
    direction: Direction,
    at: dt.datetime,
    channel: str | None = None,
    note: str | None = None,
    aliases: HistoryAliases | None = None,
) -> LoggedTouch:
    """Record one message: ours (``out``) or theirs (``in``). ``at`` must be aware."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be an aware datetime")
    key = require_lead(store, email)
    aliases = aliases or load_history_aliases()
    default = "Email" if direction == "out" else ""
    name = parse_channel_option(channel, aliases) if channel else default
    text = clean_line(note, limit=MAX_NOTE) if note else None
    touch = TouchRecord(
        email=key, at=at.timestamp(), direction=direction, channel=name, note=text, source="log"
    )
    added = store.add_touch(touch)
    store.commit()
    return LoggedTouch(email=key, direction=direction, channel=name, at=at, note=text, added=added)


def mark_urgent(
    store: ResultStore, email: str, urgent: bool, *, note: str | None, at: dt.datetime
) -> str:
    """Mark a lead urgent (goods at the port waiting for clearance), or clear the mark."""
    key = require_lead(store, email)
    text = clean_line(note, limit=MAX_NOTE) if note else None
    store.set_urgent(key, urgent, note=text, at=at.timestamp())
    store.commit()
    return key


def import_history(
    store: ResultStore,
    source: str | Path,
    *,
    zone: ZoneInfo,
    sheet: str | None = None,
    mapping_options: Sequence[str] = (),
    aliases: HistoryAliases | None = None,
    stdin: BinaryIO | None = None,
) -> ImportSummary:
    """Read a CSV/XLSX history export into the database; re-importing adds nothing.

    A time without an offset is read on ``zone``'s clock (the rep's). Rows about leads
    the database does not know, or whose time or direction cannot be read, are counted
    and listed, not stored.
    """
    from leadcheck.batch.columns import map_columns, parse_map_options
    from leadcheck.batch.readers import open_table

    aliases = aliases or load_history_aliases()
    overrides = parse_map_options(list(mapping_options), aliases.columns)
    known = store.known_emails()
    rows = added = already = errors = 0
    problems: list[RowProblem] = []
    with open_table(source, aliases.columns, sheet=sheet, stdin=stdin) as table:
        mapping = map_columns(table.header, aliases.columns, overrides)
        history_mapping(mapping, table.source)
        for row in read_history(
            table.records(), mapping, aliases, zone=zone, known=known.__contains__
        ):
            rows += 1
            if row.touch is None:
                errors += 1
                if len(problems) < MAX_PROBLEMS:
                    problems.append(RowProblem(line=row.line, error=row.error or "unreadable"))
                continue
            if store.add_touch(row.touch):
                added += 1
            else:
                already += 1
        store.commit()
        read_as = table.describe()
    return ImportSummary(
        source=str(source),
        read_as=read_as,
        rows=rows,
        added=added,
        already_known=already,
        errors=errors,
        problems=tuple(problems),
    )
