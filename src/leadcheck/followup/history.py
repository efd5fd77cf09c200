"""The follow-up history as it comes in: history exports, times, directions, channels.

Touches come from ``leadcheck log`` or from a history export (``log --import``: CSV or
XLSX, English or Chinese headers, read with the batch readers and matched against
``data/history_aliases.toml``). What the history means for a lead is
:mod:`leadcheck.followup.thread`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from leadcheck.batch.columns import Aliases, ColumnMapping, FieldAliases, build_aliases
from leadcheck.batch.readers import RawRecord
from leadcheck.batch.store import Direction, Precision, TouchRecord, fold_email
from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import BadOptionError, DataFileError
from leadcheck.followup.channels import ChannelTable, load_channels
from leadcheck.models import Frozen
from leadcheck.textsafe import clean_line, strip_controls

HISTORY_ALIASES_FILE = "history_aliases.toml"
HISTORY_FIELDS = ("email", "time", "direction", "channel", "note")
REQUIRED_FIELDS = ("email", "time", "direction")
EXTRA_CHANNELS = ("Phone", "SMS", "Platform")  # channels that are no tool of channels.toml
MAX_NOTE = 500
MAX_CELL = 10_000


# --- the aliases file -------------------------------------------------------------------


class _Directions(BaseModel):
    out: list[str] = Field(min_length=1)
    in_: list[str] = Field(alias="in", min_length=1)


class _HistoryFile(BaseModel):
    fields: dict[str, FieldAliases]
    directions: _Directions
    channels: dict[str, list[str]] = {}


class HistoryAliases(Frozen):
    """What the columns and values of a history export may be called."""

    path: str
    columns: Aliases
    directions: dict[str, Direction]  # folded value -> direction
    channels: dict[str, str]  # folded value -> channel name


def fold_value(text: str) -> str:
    """A cell value in the form values are matched in: NFKC, case-folded, letters and
    digits only (``"E-Mail"`` and ``"email"`` are one)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def load_history_aliases(path: Path | None = None) -> HistoryAliases:
    """Read and check a history aliases file (the shipped one by default)."""
    return _load_history_aliases(path or data_path(HISTORY_ALIASES_FILE))


@cache
def _load_history_aliases(path: Path) -> HistoryAliases:
    parsed = load_toml_model(_HistoryFile, path)
    unknown = set(parsed.fields) - set(HISTORY_FIELDS)
    if unknown:
        raise DataFileError(
            path,
            f"unknown field(s) {sorted(unknown)}; fields are: {', '.join(HISTORY_FIELDS)}",
            location="fields",
        )
    columns = build_aliases(
        {field: entry.aliases for field, entry in parsed.fields.items()},
        path,
        required=REQUIRED_FIELDS,
    )
    directions: dict[str, Direction] = {}
    sides: tuple[tuple[Direction, list[str]], ...] = (
        ("out", parsed.directions.out),
        ("in", parsed.directions.in_),
    )
    for direction, values in sides:
        for value in values:
            key = fold_value(value)
            if not key:
                raise DataFileError(path, f"{value!r} has no letters or digits", location=direction)
            if directions.setdefault(key, direction) != direction:
                raise DataFileError(
                    path, f"{value!r} is listed as both out and in", location="directions"
                )
    table = load_channels()
    known = {*table.tools, *EXTRA_CHANNELS}
    channels: dict[str, str] = {fold_value(name): name for name in known}
    for name, values in parsed.channels.items():
        if name not in known:
            raise DataFileError(
                path,
                f"unknown channel {name!r}; use a tool of channels.toml or one of "
                + ", ".join(EXTRA_CHANNELS),
                location=f"channels.{name}",
            )
        for value in values:
            key = fold_value(value)
            if not key:
                raise DataFileError(
                    path, f"{value!r} has no letters or digits", location=f"channels.{name}"
                )
            if channels.setdefault(key, name) != name:
                raise DataFileError(
                    path,
                    f"{value!r} names both {channels[key]!r} and {name!r}",
                    location=f"channels.{name}",
                )
    return HistoryAliases(path=str(path), columns=columns, directions=directions, channels=channels)


def channel_name(text: str | None, aliases: HistoryAliases) -> str | None:
    """The channel a value names (``"微信"`` → ``"WeChat"``), or None when unknown."""
    if not text:
        return None
    return aliases.channels.get(fold_value(text))


def known_channels(table: ChannelTable | None = None) -> tuple[str, ...]:
    """Every channel name ``log --channel`` takes, in a stable order."""
    table = table or load_channels()
    return ("Email", *EXTRA_CHANNELS, *(name for name in table.tools if name != "Email"))


def parse_direction(text: str | None, aliases: HistoryAliases) -> Direction | None:
    if not text:
        return None
    return aliases.directions.get(fold_value(text))


# --- times ----------------------------------------------------------------------------

_WHEN = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?)?\s*[秒分]?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_TIME_TIP = "write it as YYYY-MM-DD HH:MM (e.g. 2026-03-02 14:05), optionally with +08:00"


def parse_time(text: str, zone: ZoneInfo) -> tuple[float, Precision]:
    """A history time as Unix seconds, and whether only the day is known.

    ISO 8601 and the forms exports use (``2026/03/02 14:05``, ``2026年3月2日 14:05``).
    A time without an offset is on ``zone``'s clock (the rep's: the platforms show their
    own time); a date alone is noon of that day. Day-first and month-first dates
    (``02/03/2026``) are refused: they cannot be told apart.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        raise ValueError("no time given")
    match = _WHEN.match(raw)
    if not match:
        try:
            parsed = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"cannot read {raw[:40]!r} as a time; {_TIME_TIP}") from None
        precision: Precision = "minute"
        if len(raw) <= 10 and ":" not in raw:
            precision = "day"
            parsed = parsed.replace(hour=12)
    else:
        year, month, day, hour, minute, second, offset = match.groups()
        precision = "minute" if hour is not None else "day"
        try:
            parsed = dt.datetime(
                int(year),
                int(month),
                int(day),
                int(hour) if hour is not None else 12,
                int(minute) if minute is not None else 0,
                int(second) if second is not None else 0,
            )
        except ValueError:
            raise ValueError(f"{raw[:40]!r} is not a real date and time; {_TIME_TIP}") from None
        if offset:
            parsed = parsed.replace(tzinfo=_offset(offset))
    if not 2000 <= parsed.year <= 2100:
        raise ValueError(f"{raw[:40]!r}: the year must be between 2000 and 2100")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.timestamp(), precision


def _offset(text: str) -> dt.timezone:
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


# --- reading an export -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One row of a history export: the touch in it, or why there is none."""

    line: int
    touch: TouchRecord | None
    error: str | None = None


def history_mapping(mapping: ColumnMapping, source: str) -> None:
    """Refuse an export without the columns a touch needs, naming the fix."""
    from leadcheck.errors import InputFileError

    missing = [field for field in REQUIRED_FIELDS if mapping.column(field) is None]
    if missing:
        headers = ", ".join(repr(clean_line(h, limit=60)) for h in mapping.header if h.strip())
        options = " ".join(f"--map {field}=HEADER" for field in missing)
        raise InputFileError(
            f"{source}: no {', '.join(missing)} column found among the headers "
            f"({headers or 'none'}); name them with {options}"
        )


def read_history(
    records: Iterable[RawRecord],
    mapping: ColumnMapping,
    aliases: HistoryAliases,
    *,
    zone: ZoneInfo,
    known: Callable[[str], bool],
) -> Iterator[HistoryRow]:
    """The touches of a history export, one :class:`HistoryRow` per data row.

    ``known(email)`` says whether the lead is in the results database; a row about
    another lead, or whose time or direction cannot be read, is a row error.
    """
    found = mapping.found
    width = len(mapping.header)
    for record in records:
        cells = record.cells
        if record.problem:
            yield HistoryRow(record.line, None, record.problem)
            continue
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            yield HistoryRow(
                record.line,
                None,
                f"the row has {len(cells)} cells but the header has {width} columns",
            )
            continue
        too_long = next((c for c in cells if len(c) > MAX_CELL), None)
        if too_long is not None:
            yield HistoryRow(record.line, None, f"a cell is {len(too_long):,} characters long")
            continue

        def cell(field: str, cells: tuple[str, ...] = cells) -> str:
            column = found.get(field)
            if column is None or column >= len(cells):
                return ""
            return strip_controls(cells[column]).strip()

        yield _history_row(record.line, cell, aliases, zone, known)


def _history_row(
    line: int,
    cell: Callable[[str], str],
    aliases: HistoryAliases,
    zone: ZoneInfo,
    known: Callable[[str], bool],
) -> HistoryRow:
    email = fold_email(re.split(r"[\s;,]+", cell("email").strip() or " ")[0])
    if not email or "@" not in email:
        return HistoryRow(line, None, "no email address in the row")
    if not known(email):
        return HistoryRow(
            line,
            None,
            f"no lead with the email {clean_line(email, limit=80)!r} in the results database "
            "(check it with 'leadcheck batch' first)",
        )
    direction_text = cell("direction")
    direction = parse_direction(direction_text, aliases)
    if direction is None:
        shown = clean_line(direction_text, limit=40) or "(empty)"
        return HistoryRow(
            line, None, f"the direction {shown!r} is neither out (sent) nor in (received)"
        )
    try:
        at, precision = parse_time(cell("time"), zone)
    except ValueError as exc:
        return HistoryRow(line, None, str(exc))
    channel_text = cell("channel")
    try:
        channel = parse_channel_option(channel_text, aliases) if channel_text else ""
    except BadOptionError as exc:
        return HistoryRow(line, None, str(exc))
    note = clean_line(cell("note"), limit=MAX_NOTE)
    touch = TouchRecord(
        email=email,
        at=at,
        direction=direction,
        channel=channel,
        note=note,
        precision=precision,
        source="import",
    )
    return HistoryRow(line, touch)


def parse_channel_option(text: str, aliases: HistoryAliases) -> str:
    """A channel as ``log --channel`` and the channel cells of ``log --import`` give it:
    a known channel in any case or alias; BadOptionError otherwise."""
    name = channel_name(text, aliases)
    if name is None:
        import difflib

        names = known_channels()
        close = difflib.get_close_matches(text.strip(), names, n=1, cutoff=0.6)
        tip = f" (did you mean {close[0]}?)" if close else ""
        shown = clean_line(text, limit=40) or ""
        raise BadOptionError(f"unknown channel {shown!r}{tip}; channels: {', '.join(names)}")
    return name
