"""When to write: the lead's time zone, weekend, public holidays and the next good window.

Holidays come from the ``holidays`` package (national holidays only, observed days
included); weekends and working hours from ``data/channels.toml``. Calendars are built
once per country and year, so planning thousands of leads stays cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from leadcheck.errors import UnknownTimezoneError
from leadcheck.models import Frozen

if TYPE_CHECKING:
    from leadcheck.followup.channels import ChannelTable
    from leadcheck.followup.countries import CountryTable

# How far ahead to look for a working day (China's Spring Festival plus weekends is ~9 days).
WINDOW_HORIZON_DAYS = 60


class Holiday(Frozen):
    date: dt.date
    name: str  # English where the holidays package has a translation
    local_name: str | None = None  # in the country's main language, when it differs


class TimezoneChoice(Frozen):
    zone: str
    source: Literal["country", "phone"]
    note: str | None = None


class Window(Frozen):
    """A stretch of the lead's working day: when to write so the message lands in it."""

    local: dt.datetime
    rep: dt.datetime
    local_end: dt.datetime
    rep_end: dt.datetime
    open_now: bool  # True when the window is already open at the planned moment


def zone_info(name: str) -> ZoneInfo:
    """A time zone by IANA name; UnknownTimezoneError with a hint when it does not exist."""
    try:
        return _zone(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise UnknownTimezoneError(
            f"unknown time zone {name[:60]!r}; use an IANA name such as Asia/Shanghai, "
            "Europe/Berlin or America/New_York"
        ) from exc


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    if not name or name.startswith(("/", ".")) or ".." in name:
        raise ValueError(name)
    return ZoneInfo(name)


def city(zone: str) -> str:
    """A readable place for a zone name: ``America/Los_Angeles`` → ``Los Angeles``."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def choose_timezone(
    code: str, countries: CountryTable, *, phone: str | None = None
) -> TimezoneChoice:
    """The lead's zone: the country's, refined by the phone number where it spans several."""
    entry = countries.entry(code)
    default = entry.timezone
    if len(entry.zones) < 2:
        return TimezoneChoice(zone=default, source="country")
    spread = f"{entry.name} spans several time zones"
    if not phone:
        return TimezoneChoice(
            zone=default,
            source="country",
            note=f"{spread}; assuming {city(default)} (give a phone number to refine it).",
        )
    import phonenumbers
    from phonenumbers import timezone as phone_zones

    try:
        number = phonenumbers.parse(phone, code)
    except phonenumbers.NumberParseException:
        return TimezoneChoice(
            zone=default,
            source="country",
            note=f"{spread}; the phone number could not be read, so assuming {city(default)}.",
        )
    region = phonenumbers.region_code_for_number(number)
    if region != code:
        return TimezoneChoice(
            zone=default,
            source="country",
            note=f"{spread}; the phone number is not from {entry.name}, so assuming "
            f"{city(default)}.",
        )
    found = [z for z in phone_zones.time_zones_for_number(number) if z in entry.zones]
    if len(found) == 1:
        return TimezoneChoice(zone=found[0], source="phone")
    if not found:
        return TimezoneChoice(
            zone=default,
            source="country",
            note=f"{spread}; the phone number does not tell which, so assuming {city(default)}.",
        )
    # Several candidates (a mobile number, a shared area code): the country's order wins.
    found.sort(key=entry.zones.index)
    chosen = default if default in found else found[0]
    if (
        len({_zone(z).utcoffset(dt.datetime(2026, 1, 15)) for z in found}) == 1
        and len({_zone(z).utcoffset(dt.datetime(2026, 7, 15)) for z in found}) == 1
    ):
        return TimezoneChoice(zone=chosen, source="phone")
    return TimezoneChoice(
        zone=chosen,
        source="country" if chosen == default else "phone",
        note=f"{spread}; the phone number fits {len(found)} of them, so assuming {city(chosen)}.",
    )


# --- holidays ------------------------------------------------------------------------


@dataclass(frozen=True)
class _YearCalendar:
    holidays: Mapping[dt.date, Holiday]
    weekend_workdays: frozenset[dt.date]  # official working weekend days (China's make-up days)


@lru_cache(maxsize=2048)
def _year_calendar(code: str, year: int) -> _YearCalendar | None:
    """Public holidays of one country and year, or None when the package has no calendar."""
    import holidays

    try:
        local = holidays.country_holidays(code, years=year)
    except NotImplementedError:
        return None
    languages = tuple(local.supported_languages or ())
    english = next(
        (lang for lang in ("en_US", *languages) if lang in languages and lang.startswith("en")),
        None,
    )
    default_language = local.default_language
    if english is None:
        names = local
    elif english == default_language:
        names = holidays.country_holidays(code, years=year, language=english)
        local = names
    else:
        names = holidays.country_holidays(code, years=year, language=english)
        local = holidays.country_holidays(code, years=year, language=default_language)
    table: dict[dt.date, Holiday] = {}
    for day, name in sorted(names.items()):
        if day.year != year:
            continue
        local_name = local.get(day)
        table[day] = Holiday(
            date=day, name=str(name), local_name=str(local_name) if local_name != name else None
        )
    workdays = frozenset(d for d in getattr(names, "weekend_workdays", ()) if d.year == year)
    return _YearCalendar(holidays=MappingProxyType(table), weekend_workdays=workdays)


class WorkCalendar:
    """Working days and hours of one country: weekend, public holidays, working hours."""

    def __init__(self, code: str, channels: ChannelTable) -> None:
        self.code = code
        self.weekend = channels.weekend_for(code)
        self.start, self.end = channels.hours_for(code)

    def _year(self, year: int) -> _YearCalendar | None:
        return _year_calendar(self.code, year)

    def has_calendar(self, year: int) -> bool:
        """Whether the holidays package knows this country's public holidays."""
        return self._year(year) is not None

    def holiday(self, day: dt.date) -> Holiday | None:
        calendar = self._year(day.year)
        return calendar.holidays.get(day) if calendar else None

    def holidays_between(self, first: dt.date, last: dt.date) -> tuple[Holiday, ...]:
        """Holidays from ``first`` to ``last``, both included."""
        found: list[Holiday] = []
        for year in range(first.year, last.year + 1):
            calendar = self._year(year)
            if calendar:
                found.extend(h for d, h in calendar.holidays.items() if first <= d <= last)
        return tuple(sorted(found, key=lambda h: h.date))

    def is_weekend(self, day: dt.date) -> bool:
        return day.weekday() in self.weekend and not self.is_weekend_workday(day)

    def is_weekend_workday(self, day: dt.date) -> bool:
        """An official working day that falls on the weekend (China's make-up days)."""
        calendar = self._year(day.year)
        return calendar is not None and day in calendar.weekend_workdays

    def is_working_day(self, day: dt.date) -> bool:
        return not self.is_weekend(day) and self.holiday(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next one (within the horizon)."""
        for offset in range(WINDOW_HORIZON_DAYS):
            candidate = day + dt.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        return day

    def next_window(self, at_local: dt.datetime, rep_zone: ZoneInfo) -> Window:
        """The next stretch of working hours on a working day, from ``at_local`` on.

        Weekends have at most three days and holidays are sparse, so a working day always
        comes within the horizon; past it (a broken calendar) the horizon's end is used.
        """
        zone = at_local.tzinfo
        day = at_local.date()
        for offset in range(WINDOW_HORIZON_DAYS):
            day = at_local.date() + dt.timedelta(days=offset)
            if not self.is_working_day(day):
                continue
            if offset == 0 and at_local >= dt.datetime.combine(day, self.end, tzinfo=zone):
                continue
            break
        start = dt.datetime.combine(day, self.start, tzinfo=zone)
        end = dt.datetime.combine(day, self.end, tzinfo=zone)
        open_now = start <= at_local < end
        begin = at_local if open_now else start
        return Window(
            local=begin,
            rep=begin.astimezone(rep_zone),
            local_end=end,
            rep_end=end.astimezone(rep_zone),
            open_now=open_now,
        )
