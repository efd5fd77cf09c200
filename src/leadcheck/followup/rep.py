"""The rep's own side of a follow-up: their clock, working day and days off.

A follow-up is planned between two calendars: the lead's (their time zone, weekend
and public holidays) and the rep's. The defaults fit the maker the project serves:
Asia/Shanghai, China's public holidays (Spring Festival, Golden Week, with the
official make-up working days) and China's working day from ``data/channels.toml``.
A cadence step is held back until both sides work: nobody sends the day-3 WhatsApp
in the middle of Golden Week. ``holidays`` adds the rep's own days off (a trade fair,
a vacation) to their country's.

The settings come from the command line, ``LEADCHECK_*`` environment variables or the
configuration file (:mod:`leadcheck.settings`); the library takes a ready
:class:`RepSettings`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from leadcheck.errors import BadOptionError
from leadcheck.followup.channels import ChannelTable
from leadcheck.followup.countries import CountryTable, load_countries, resolve_country
from leadcheck.followup.timing import Holiday, WorkCalendar, zone_info
from leadcheck.models import Frozen

DEFAULT_REP_TIMEZONE = "Asia/Shanghai"
DEFAULT_REP_COUNTRY = "CN"
MAX_OWN_HOLIDAYS = 366

_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*[-–—~]\s*(\d{1,2})(?::(\d{2}))?\s*$")


class RepSettings(Frozen):
    """Who plans the follow-ups: their clock, their working day, their days off."""

    timezone: str = DEFAULT_REP_TIMEZONE
    country: str = DEFAULT_REP_COUNTRY  # ISO code: whose public holidays the rep keeps
    hours: tuple[dt.time, dt.time] | None = None  # None: the country's working hours
    holidays: tuple[dt.date, ...] = ()  # the rep's own days off, besides the country's

    @property
    def zone(self) -> ZoneInfo:
        return zone_info(self.timezone)

    def calendar(self, table: ChannelTable) -> RepCalendar:
        """The rep's working days (their country's weekend and holidays, their own days
        off) and working hours."""
        return RepCalendar(self, table)


class RepCalendar(WorkCalendar):
    """A :class:`WorkCalendar` of the rep's country with the rep's own hours and days off."""

    def __init__(self, rep: RepSettings, table: ChannelTable) -> None:
        super().__init__(rep.country, table)
        if rep.hours is not None:
            self.start, self.end = rep.hours
        self.own = frozenset(rep.holidays)

    def holiday(self, day: dt.date) -> Holiday | None:
        if day in self.own:
            return Holiday(date=day, name="your day off")
        return super().holiday(day)


def fold_rep_timezone(data: Any) -> Any:
    """For options models: a ``rep_timezone`` key given alone becomes ``rep``."""
    if isinstance(data, dict) and "rep_timezone" in data:
        data = dict(data)
        zone = data.pop("rep_timezone")
        rep = data.get("rep") or RepSettings()
        if isinstance(rep, dict):
            rep = RepSettings(**rep)
        data["rep"] = rep.model_copy(update={"timezone": zone})
    return data


def rep_settings(
    *,
    timezone: str | None = None,
    country: str | None = None,
    hours: str | None = None,
    holidays: str | list[str] | tuple[str, ...] | None = None,
    countries: CountryTable | None = None,
) -> RepSettings:
    """Settings from what a rep types; :class:`BadOptionError` naming the bad value."""
    zone = (timezone or DEFAULT_REP_TIMEZONE).strip()
    zone_info(zone)  # UnknownTimezoneError with a hint
    code = resolve_country(country or DEFAULT_REP_COUNTRY, table=countries or load_countries())
    return RepSettings(
        timezone=zone,
        country=code,
        hours=parse_hours(hours) if hours else None,
        holidays=parse_days(holidays) if holidays else (),
    )


def parse_hours(text: str) -> tuple[dt.time, dt.time]:
    """``"09:00-18:00"``, ``"9-18"`` or ``"8:30–17:30"`` as (start, end)."""
    match = _HOURS.match(text)
    problem = f"bad working hours {text[:40]!r}: expected START-END such as 09:00-18:00"
    if not match:
        raise BadOptionError(problem)
    h1, m1, h2, m2 = (int(part) if part else 0 for part in match.groups())
    try:
        start, end = dt.time(h1, m1), dt.time(h2, m2)
    except ValueError:
        raise BadOptionError(problem) from None
    if start >= end:
        raise BadOptionError(f"{problem} (the start comes first)")
    return start, end


def parse_days(value: str | list[str] | tuple[str, ...]) -> tuple[dt.date, ...]:
    """Days off: ``"2026-10-08, 2026-10-09"``, a list of ISO dates, or ranges
    ``"2026-10-08..2026-10-12"`` (both ends included)."""
    items = re.split(r"[,\s;]+", value) if isinstance(value, str) else list(value)
    days: set[dt.date] = set()
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        first, sep, last = item.partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if sep else start
        except ValueError:
            raise BadOptionError(
                f"bad day off {item[:40]!r}: expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD"
            ) from None
        if end < start or (end - start).days >= MAX_OWN_HOLIDAYS:
            raise BadOptionError(f"bad range of days off {item[:40]!r}: at most a year, in order")
        days.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        if len(days) > MAX_OWN_HOLIDAYS * 3:
            raise BadOptionError("too many days off listed (more than three years)")
    return tuple(sorted(days))
