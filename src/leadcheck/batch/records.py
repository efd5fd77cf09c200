"""One row as read from an input file, before it is matched to columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One data row as read: its cells, where it starts, and what went wrong reading it."""

    line: int  # physical line (CSV) or row number (XLSX) where the row starts, 1-based
    cells: tuple[str, ...]
    problem: str | None = None


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a rep sees (phone numbers keep their digits)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()  # a date cell: Excel stores dates as midnight
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
