"""Long holiday runs: Tết, Eid al-Fitr, Golden Week, Diwali, Christmas–New Year.

A follow-up that falls inside one waits for its end, even on the days in it that are
working days on paper. The runs are described in ``data/breaks.toml`` (schema in
docs/followup.md): tied to public holidays of the ``holidays`` package by name (the lunar
ones move every year) or fixed on the calendar, then grown over the weekends and public
holidays that touch them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError
from leadcheck.followup.timing import WorkCalendar
from leadcheck.models import Frozen

_CODE = re.compile(r"^[A-Z]{2}$")
_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
MAX_GROWTH = 14  # days a break may grow over touching weekends and holidays, each side


class BreakRule(Frozen):
    """One ``[[breaks]]`` table."""

    name: str = Field(min_length=1)
    countries: tuple[str, ...] = Field(min_length=1)
    anchors: tuple[str, ...] = ()
    before: int = Field(default=0, ge=0, le=30)
    after: int = Field(default=0, ge=0, le=30)
    join: int = Field(default=3, ge=1, le=31)
    start: str | None = None
    end: str | None = None
    note: str = Field(min_length=1)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_kind(self) -> BreakRule:
        fixed = self.start is not None or self.end is not None
        if fixed == bool(self.anchors):
            raise ValueError("give either anchors (holiday names) or start and end, not both")
        if fixed and not (
            self.start and self.end and _MMDD.match(self.start) and _MMDD.match(self.end)
        ):
            raise ValueError('start and end must both be "MM-DD"')
        if any(not anchor.strip() for anchor in self.anchors):
            raise ValueError("an anchor is blank")
        return self


class _BreaksFile(Frozen):
    breaks: tuple[BreakRule, ...] = ()


class BreakTable(Frozen):
    path: str
    rules: tuple[BreakRule, ...]

    def rules_for(self, code: str) -> tuple[BreakRule, ...]:
        return tuple(rule for rule in self.rules if code in rule.countries)


@dataclass(frozen=True, slots=True)
class BreakRun:
    """One long break in one country: its first and last day off, both included."""

    name: str
    first: dt.date
    last: dt.date
    note: str

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def load_breaks(path: Path | None = None) -> BreakTable:
    """Load and check a breaks table (the shipped one, cached, when ``path`` is None)."""
    if path is None:
        return _shipped_breaks()
    return _load(path)


@cache
def _shipped_breaks() -> BreakTable:
    return _load(data_path("breaks.toml"))


def _load(path: Path) -> BreakTable:
    raw = load_toml_model(_BreaksFile, path)
    for number, rule in enumerate(raw.breaks):
        for code in rule.countries:
            if not _CODE.match(code):
                raise DataFileError(
                    path,
                    f"country code {code!r} must be two capital letters",
                    location=f"breaks.{number}",
                )
    return BreakTable(path=str(path), rules=raw.breaks)


class BreakCalendar:
    """The long breaks of one country, each worked out once, when first asked about.

    Only the holiday calendars a question needs are built: the year of the day asked
    about, and its neighbour when the day is close to the new year.
    """

    def __init__(self, code: str, calendar: WorkCalendar, table: BreakTable) -> None:
        self.code = code
        self.calendar = calendar
        self.rules = table.rules_for(code)
        self._runs: dict[tuple[int, int], tuple[BreakRun, ...]] = {}

    def run_on(self, day: dt.date) -> BreakRun | None:
        """The break that ``day`` falls in, if any."""
        for index, rule in enumerate(self.rules):
            for base in _base_years(rule, day):
                for run in self._rule_runs(index, rule, base):
                    if run.contains(day):
                        return run
        return None

    def _rule_runs(self, index: int, rule: BreakRule, year: int) -> tuple[BreakRun, ...]:
        """The runs of one rule that start from ``year`` (its holidays, or its start date)."""
        key = (index, year)
        found = self._runs.get(key)
        if found is not None:
            return found
        spans: list[tuple[dt.date, dt.date]] = []
        if rule.anchors:
            wanted = tuple(anchor.casefold() for anchor in rule.anchors)
            days = [
                holiday.date
                for holiday in self.calendar.holidays_between(
                    dt.date(year, 1, 1), dt.date(year, 12, 31)
                )
                if any(anchor in holiday.name.casefold() for anchor in wanted)
            ]
            for first, last in _clusters(days, rule.join):
                spans.append(
                    (first - dt.timedelta(days=rule.before), last + dt.timedelta(days=rule.after))
                )
        else:
            assert rule.start is not None
            assert rule.end is not None
            end_year = year if rule.end >= rule.start else year + 1
            spans.append((_month_day(year, rule.start), _month_day(end_year, rule.end)))
        found = tuple(
            BreakRun(name=rule.name, first=self._grow(a, -1), last=self._grow(b, 1), note=rule.note)
            for a, b in spans
        )
        self._runs[key] = found
        return found

    def _grow(self, day: dt.date, step: int) -> dt.date:
        """Extend a break's end over the weekends and holidays that touch it."""
        delta = dt.timedelta(days=step)
        for _ in range(MAX_GROWTH):
            nxt = day + delta
            if self.calendar.is_working_day(nxt):
                break
            day = nxt
        return day


# A run from one year reaches at most `after` (30) + growth (14) days into the next.
NEAR_NEW_YEAR = 45


def _base_years(rule: BreakRule, day: dt.date) -> tuple[int, ...]:
    """The years whose runs of ``rule`` may contain ``day`` (none when it is far from any)."""
    year = day.year
    if rule.start is not None and rule.end is not None:  # fixed on the calendar
        slack = dt.timedelta(days=MAX_GROWTH)
        for base in (year - 1, year):
            end_year = base if rule.end >= rule.start else base + 1
            start, end = _month_day(base, rule.start), _month_day(end_year, rule.end)
            if start - slack <= day <= end + slack:
                return (base,)
        return ()
    years = [year]
    if (day - dt.date(year, 1, 1)).days < NEAR_NEW_YEAR:
        years.append(year - 1)
    if (dt.date(year, 12, 31) - day).days < NEAR_NEW_YEAR:
        years.append(year + 1)
    return tuple(years)


def _clusters(days: list[dt.date], join: int) -> list[tuple[dt.date, dt.date]]:
    """Days grouped into runs whose neighbours are at most ``join`` days apart."""
    result: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if result and (day - result[-1][1]).days <= join:
            result[-1] = (result[-1][0], day)
        else:
            result.append((day, day))
    return result


def _month_day(year: int, text: str) -> dt.date:
    month, day = int(text[:2]), int(text[3:])
    if month == 2 and day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)
