"""The channel table: which tools to reach a lead through, by country, and when.

Loaded from ``data/channels.toml`` (schema in docs/followup.md) and checked as a whole:
every channel named in a ranking must be described under ``[tools]``, every source key
must exist, hours must parse. The shipped table is loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen

Weekday = Literal["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WEEKDAYS: tuple[Weekday, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ToolKind = Literal["phone", "social", "handle", "b2b", "email"]
CadenceRole = Literal["first", "other", "b2b", "phone", "email"]

_CODE = re.compile(r"^[A-Z]{2}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


class Source(Frozen):
    title: str = Field(min_length=1)
    year: int = Field(ge=1990, le=2100)
    url: str | None = None
    note: str | None = None


class ChannelRow(Frozen):
    """The tools most used in one country, most used first."""

    channels: tuple[str, ...] = Field(min_length=1)
    source: str
    year: int = Field(ge=1990, le=2100)
    note: str | None = None


class Tool(Frozen):
    """What a channel is and how it is reached."""

    kind: ToolKind
    link: str | None = None  # click-to-chat template; {digits} = E.164 without "+"
    retired: int | None = None  # year the service closed
    successor: str | None = None
    note: str | None = None

    @property
    def usable(self) -> bool:
        return self.retired is None


class B2B(Frozen):
    channels: tuple[str, ...] = Field(min_length=1)


class CadenceRule(Frozen):
    day: int = Field(ge=1, le=365)
    role: CadenceRole
    why: str = Field(min_length=1)


class Season(Frozen):
    countries: tuple[str, ...] = Field(min_length=1)
    start: str
    end: str
    note: str = Field(min_length=1)

    def contains(self, day: dt.date) -> bool:
        key = day.strftime("%m-%d")
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end  # wraps the new year


class _ChannelsFile(Frozen):
    sources: dict[str, Source]
    default: ChannelRow
    b2b: B2B
    countries: dict[str, ChannelRow]
    tools: dict[str, Tool]
    weekend: dict[str, tuple[Weekday, ...]]
    working_hours: dict[str, tuple[str, str]]
    cadence: tuple[CadenceRule, ...] = Field(min_length=1)
    seasons: tuple[Season, ...] = ()


class ChannelTable(Frozen):
    """The loaded, cross-checked channel table."""

    path: str
    sources: dict[str, Source]
    default: ChannelRow
    b2b: tuple[str, ...]
    countries: dict[str, ChannelRow]
    tools: dict[str, Tool]
    weekend: dict[str, frozenset[int]]  # "default" or code -> weekday numbers (Mon = 0)
    working_hours: dict[str, tuple[dt.time, dt.time]]
    cadence: tuple[CadenceRule, ...]
    seasons: tuple[Season, ...]

    def row_for(self, code: str) -> tuple[ChannelRow, bool]:
        """The country's ranking and whether it is the default one."""
        row = self.countries.get(code)
        return (row, False) if row is not None else (self.default, True)

    def weekend_for(self, code: str) -> frozenset[int]:
        return self.weekend.get(code, self.weekend["default"])

    def hours_for(self, code: str) -> tuple[dt.time, dt.time]:
        return self.working_hours.get(code, self.working_hours["default"])

    def seasons_for(self, code: str) -> tuple[Season, ...]:
        return tuple(season for season in self.seasons if code in season.countries)


def load_channels(path: Path | None = None) -> ChannelTable:
    """Load and check a channel table (the shipped one, cached, when ``path`` is None)."""
    if path is None:
        return _shipped_channels()
    return _load(path)


@cache
def _shipped_channels() -> ChannelTable:
    return _load(data_path("channels.toml"))


def _load(path: Path) -> ChannelTable:
    raw = load_toml_model(_ChannelsFile, path)

    def check_row(row: ChannelRow, location: str) -> None:
        if row.source not in raw.sources:
            raise DataFileError(
                path, f"unknown source {row.source!r}; add it under [sources]", location=location
            )
        _check_names(path, row.channels, raw.tools, location)

    check_row(raw.default, "default")
    for code, row in raw.countries.items():
        _check_code(path, code, "countries")
        check_row(row, f"countries.{code}")
    _check_names(path, raw.b2b.channels, raw.tools, "b2b")

    if "default" not in raw.weekend:
        raise DataFileError(path, "a default weekend is required", location="weekend")
    weekend: dict[str, frozenset[int]] = {}
    for key, days in raw.weekend.items():
        if key != "default":
            _check_code(path, key, "weekend")
        if len(set(days)) != len(days) or len(days) > 3:
            raise DataFileError(path, "list one to three distinct days", location=f"weekend.{key}")
        weekend[key] = frozenset(WEEKDAYS.index(day) for day in days)

    if "default" not in raw.working_hours:
        raise DataFileError(path, "default working hours are required", location="working_hours")
    hours: dict[str, tuple[dt.time, dt.time]] = {}
    for key, (start, end) in raw.working_hours.items():
        location = f"working_hours.{key}"
        if key != "default":
            _check_code(path, key, "working_hours")
        if not (_HHMM.match(start) and _HHMM.match(end)) or start >= end:
            raise DataFileError(path, 'expected ["HH:MM", "HH:MM"], start first', location=location)
        hours[key] = (dt.time.fromisoformat(start), dt.time.fromisoformat(end))

    steps = [rule.day for rule in raw.cadence]
    if steps != sorted(set(steps)):
        raise DataFileError(path, "cadence days must increase", location="cadence")
    for number, season in enumerate(raw.seasons):
        location = f"seasons.{number}"
        if not (_MMDD.match(season.start) and _MMDD.match(season.end)):
            raise DataFileError(path, 'start and end must be "MM-DD"', location=location)
        for code in season.countries:
            _check_code(path, code, location)

    return ChannelTable(
        path=str(path),
        sources=raw.sources,
        default=raw.default,
        b2b=raw.b2b.channels,
        countries=raw.countries,
        tools=raw.tools,
        weekend=weekend,
        working_hours=hours,
        cadence=raw.cadence,
        seasons=raw.seasons,
    )


def _check_code(path: Path, code: str, section: str) -> None:
    if not _CODE.match(code):
        raise DataFileError(
            path, "a country code must be two capital letters", location=f"{section}.{code}"
        )


def _check_names(path: Path, names: tuple[str, ...], tools: dict[str, Tool], where: str) -> None:
    if len(set(names)) != len(names):
        raise DataFileError(path, "a channel is listed twice", location=where)
    for name in names:
        if name not in tools:
            raise DataFileError(
                path, f"unknown channel {name!r}; describe it under [tools]", location=where
            )
