"""The follow-up plan for one lead: channels, local time, holidays, window and cadence.

``plan_followup`` is the one call behind ``leadcheck followup`` and the ``"followup"``
part of ``leadcheck verify`` and ``leadcheck batch``. Tables and holiday calendars are
cached, so calling it for thousands of leads is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import Field

from leadcheck.contacts import Contacts, normalize_phone
from leadcheck.errors import UnknownCountryError
from leadcheck.followup.cadence import (
    CadenceStep,
    ScheduledStep,
    cadence_schedule,
    chat_link,
    fill_cadence,
)
from leadcheck.followup.channels import WEEKDAYS, ChannelTable, load_channels
from leadcheck.followup.countries import (
    CountryTable,
    country_from_domain,
    country_from_phone,
    load_countries,
    resolve_country,
)
from leadcheck.followup.rep import DEFAULT_REP_TIMEZONE, RepSettings
from leadcheck.followup.timing import (
    Holiday,
    TimezoneChoice,
    Window,
    WorkCalendar,
    choose_timezone,
    city,
    zone_info,
)
from leadcheck.models import Frozen
from leadcheck.textsafe import clean_line

UPCOMING_DAYS = 14
# Rep hours outside which a send-later tip is given.
_REP_DAY = (dt.time(8, 0), dt.time(22, 0))
_DAY_NAMES = {
    "Mon": "Monday",
    "Tue": "Tuesday",
    "Wed": "Wednesday",
    "Thu": "Thursday",
    "Fri": "Friday",
    "Sat": "Saturday",
    "Sun": "Sunday",
}


class WorkingHours(Frozen):
    start: str  # "HH:MM", lead's local time
    end: str


class PlanContacts(Frozen):
    """Ways in beyond email: the phone number, its chat links, and what the website shows."""

    phone: str | None = None  # E.164
    phone_country: str | None = None
    whatsapp: str | None = None  # https://wa.me/<digits>
    chat_links: dict[str, str] = Field(
        default_factory=dict
    )  # other click-to-chat links by channel (Telegram, Viber)
    email: str | None = None
    website: Contacts | None = None


class FollowupPlan(Frozen):
    """How and when to reach one lead. ``model_dump(mode="json")`` is the JSON contract."""

    country: str
    country_name: str
    channels: tuple[str, ...]  # the country's ranking, most used first, as published
    channels_usable: tuple[str, ...]  # the same without retired services (Skype, Hangouts)
    # The one list every view shows: the usable ranking, then the B2B channels.
    contact_channels: tuple[str, ...]
    channels_source: str
    channels_year: int
    is_default_channels: bool
    b2b_channels: tuple[str, ...]
    timezone: str
    timezone_source: Literal["country", "phone"]
    local_time: dt.datetime
    utc_offset: str
    rep_timezone: str
    rep_local_time: dt.datetime
    offset_hours: float  # lead's clock minus the rep's clock
    is_weekend: bool
    weekend_days: tuple[str, ...]
    is_working_hours: bool  # a working day, inside working hours, not a holiday
    working_hours: WorkingHours
    holiday: str | None
    holiday_local: str | None
    holidays_known: bool  # False when the holidays package has no calendar for the country
    upcoming_holidays: tuple[Holiday, ...]  # the next 14 days, today excluded
    next_window: Window
    contacts: PlanContacts
    cadence: tuple[CadenceStep, ...]
    reasons: tuple[str, ...]  # why the lead may be silent, and what the data could not tell


def infer_country(*, phone: str | None = None, domains: Sequence[str] = ()) -> str | None:
    """The lead's country from an international phone number, else a domain's ccTLD."""
    if phone:
        code = country_from_phone(phone)
        if code:
            return code
    for domain in domains:
        code = country_from_domain(domain)
        if code:
            return code
    return None


def contact_channels(usable: Sequence[str], b2b: Sequence[str]) -> tuple[str, ...]:
    """The one channel list shown everywhere: the country's usable ranking, then the B2B
    channels it does not already name."""
    return (*usable, *(c for c in b2b if c not in usable))


def plan_followup(
    country: str | None,
    *,
    phone: str | None = None,
    email: str | None = None,
    at: dt.datetime | None = None,
    rep_timezone: str | None = None,
    rep: RepSettings | None = None,
    website_contacts: Contacts | None = None,
    countries: CountryTable | None = None,
    channels: ChannelTable | None = None,
) -> FollowupPlan:
    """Plan the follow-up of a lead in ``country`` (ISO code or name).

    Without a country, it is taken from an international phone number (``+49 ...``),
    else from the email's country domain. ``at`` is the moment to plan from (default
    now); a naive value is read in the rep's time zone. ``rep`` is the rep's clock,
    working day and days off (``rep_timezone`` alone sets only the clock). Raises
    InvalidInputError for an unknown country or time zone.
    """
    countries = countries or load_countries()
    table = channels or load_channels()
    if rep is None:
        rep = RepSettings(timezone=rep_timezone or DEFAULT_REP_TIMEZONE)
    elif rep_timezone is not None:
        rep = rep.model_copy(update={"timezone": rep_timezone})
    if country is None or not country.strip():
        domain = email.rsplit("@", 1)[-1] if email and "@" in email else None
        found = infer_country(phone=phone, domains=[domain] if domain else [])
        if found is None:
            raise UnknownCountryError(
                "the lead's country is unknown: give it (DE, Germany...), or a phone number "
                "in international form (+49 ...)"
            )
        country = found
    code = resolve_country(country, table=countries)
    name = countries.name(code)
    rep_zone = zone_info(rep.timezone)
    reasons: list[str] = []

    # Contacts: the phone number read in the country's format.
    phone_text = clean_line(phone, limit=60) if phone else None
    e164 = normalize_phone(phone_text, code) if phone_text else None
    phone_country = country_from_phone(e164, table=countries) if e164 else None
    if phone_text and e164 is None:
        reasons.append(f"The phone number {phone_text!r} could not be read.")
    elif phone_country and phone_country != code:
        reasons.append(
            f"The phone number is from {countries.name(phone_country)}, not {name}: the lead "
            "may sit elsewhere."
        )

    # Time: one clock per (country, time zone, moment, rep), not per lead.
    choice = _timezone_choice(countries, code, e164)
    moment = _moment(at, rep_zone)
    clock = _clock(table, countries, code, choice, moment, rep)
    contacts = PlanContacts(
        phone=e164,
        phone_country=phone_country,
        whatsapp=chat_link(table, "WhatsApp", e164),
        chat_links={
            c: link
            for c in clock.usable
            if c != "WhatsApp" and (link := chat_link(table, c, e164)) is not None
        },
        email=clean_line(email, limit=254) if email else None,
        website=website_contacts,
    )
    cadence = fill_cadence(
        clock.schedule,
        table=table,
        calendar=clock.calendar,
        phone=e164,
        email=contacts.email,
        website=website_contacts,
    )
    return FollowupPlan(
        **clock.fields,
        contacts=contacts,
        cadence=cadence,
        reasons=(clock.clock_line, *reasons, *clock.reasons),
    )


@dataclass(frozen=True, slots=True)
class _Clock:
    """What a plan says that depends only on the country, the time zone chosen, the
    moment and the rep (not on the lead's phone, e-mail or website): shared by the
    leads of one country planned in the same second."""

    fields: dict[str, Any]  # the FollowupPlan fields that are the same for all of them
    clock_line: str  # the first reason: their time and yours
    reasons: tuple[str, ...]  # the reasons after the lead's own (phone) ones
    usable: tuple[str, ...]
    calendar: WorkCalendar
    schedule: tuple[ScheduledStep, ...]


_CLOCKS: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = {}
# A clock serves the leads planned within its second: a run needs the last few only.
_CLOCKS_MAX = 256


def _clock(
    table: ChannelTable,
    countries: CountryTable,
    code: str,
    choice: TimezoneChoice,
    moment: dt.datetime,
    rep: RepSettings,
) -> _Clock:
    return _kept(
        _CLOCKS,
        (table, countries),
        (code, choice.zone, choice.source, choice.note, moment, rep),
        lambda: _make_clock(table, countries, code, choice, moment, rep),
        limit=_CLOCKS_MAX,
    )


def _make_clock(
    table: ChannelTable,
    countries: CountryTable,
    code: str,
    choice: TimezoneChoice,
    moment: dt.datetime,
    rep: RepSettings,
) -> _Clock:
    name = countries.name(code)
    rep_zone = zone_info(rep.timezone)
    rep_calendar = rep.calendar(table)
    zone = zone_info(choice.zone)
    local = moment.astimezone(zone)
    rep_local = moment.astimezone(rep_zone)
    offset = local.utcoffset() or dt.timedelta()
    gap = (offset - (rep_local.utcoffset() or dt.timedelta())).total_seconds() / 3600

    calendar = WorkCalendar(code, table)
    today = local.date()
    in_hours = calendar.is_working_day(today) and calendar.start <= local.time() < calendar.end
    window = calendar.next_window(local, rep_zone)
    day = _day_plan(table, countries, code, today, in_hours)
    holiday, row, usable = day.holiday, day.row, day.usable

    # Why the lead may be silent, and what to mind.
    place = (
        city(choice.zone)
        if choice.source == "phone" or len(countries.entry(code).zones) > 1
        else name
    )
    clock_line = _clock_line(local, rep_local, gap, place, rep_zone.key)
    reasons: list[str] = []
    if choice.note:
        reasons.append(choice.note)
    reasons.extend(day.day_lines)
    if not window.open_now:
        reasons.append(
            f"Next good window: {window.local:%a %d %b %H:%M} their time, "
            f"{window.rep:%a %d %b %H:%M} yours."
        )
    rep_day = (rep.hours[0], rep.hours[1]) if rep.hours is not None else _REP_DAY
    if not (rep_day[0] <= window.rep.time() < rep_day[1]):
        reasons.append(
            f"That window opens at {window.rep:%H:%M} your time: schedule the message to "
            "send later."
        )
    reasons.extend(day.channel_lines)

    rep_today = rep_local.date()
    rep_off = rep_calendar.holiday(rep_today)
    if rep_off is not None:
        back = rep_calendar.next_working_day(rep_today)
        reasons.append(
            f"You are off today ({rep_off.name}): the cadence waits until you are back, "
            f"{back:%a %d %b}."
        )
    schedule = _schedule(
        table, countries, calendar, row.channels, name, today, rep, rep_calendar, rep_today
    )
    fields: dict[str, Any] = {
        "country": code,
        "country_name": name,
        "channels": row.channels,
        "channels_usable": usable,
        "contact_channels": contact_channels(usable, table.b2b),
        "channels_source": day.source.title,
        "channels_year": row.year,
        "is_default_channels": day.is_default,
        "b2b_channels": table.b2b,
        "timezone": choice.zone,
        "timezone_source": choice.source,
        "local_time": local,
        "utc_offset": _format_offset(offset),
        "rep_timezone": rep_zone.key,
        "rep_local_time": rep_local,
        "offset_hours": gap,
        "is_weekend": day.weekend,
        "weekend_days": tuple(_weekend_names(calendar)),
        "is_working_hours": in_hours,
        "working_hours": WorkingHours(start=f"{calendar.start:%H:%M}", end=f"{calendar.end:%H:%M}"),
        "holiday": holiday.name if holiday else None,
        "holiday_local": holiday.local_name if holiday else None,
        "holidays_known": calendar.has_calendar(today.year),
        "upcoming_holidays": day.upcoming,
        "next_window": window,
    }
    return _Clock(
        fields=fields,
        clock_line=clock_line,
        reasons=tuple(reasons),
        usable=usable,
        calendar=calendar,
        schedule=schedule,
    )


_KEPT_MAX = 4_096  # entries of each of the caches below
T = TypeVar("T")


def _kept(
    store: dict[tuple[object, ...], tuple[tuple[object, ...], Any]],
    tables: tuple[object, ...],
    key: tuple[object, ...],
    make: Callable[[], T],
    *,
    limit: int = _KEPT_MAX,
) -> T:
    """``make()``, once per ``key`` and ``tables``: the tables (the channel and country
    tables a plan was made from) are known by their ids, and kept with the value, so
    that no other object can take one of those ids while the entry lasts; a full store
    starts again empty."""
    full = (*map(id, tables), *key)
    known = store.get(full)
    if known is not None:
        kept: T = known[1]
        return kept
    value = make()
    if len(store) >= limit:
        store.clear()
    store[full] = (tables, value)
    return value


_ZONE_CHOICES: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = {}


def _timezone_choice(countries: CountryTable, code: str, e164: str | None) -> TimezoneChoice:
    """:func:`choose_timezone`, once per (country, phone number)."""
    return _kept(
        _ZONE_CHOICES,
        (countries,),
        (code, e164),
        lambda: choose_timezone(code, countries, phone=e164),
    )


_SCHEDULES: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = {}


def _schedule(
    table: ChannelTable,
    countries: CountryTable,
    calendar: WorkCalendar,
    channels: tuple[str, ...],
    name: str,
    today: dt.date,
    rep: RepSettings,
    rep_calendar: WorkCalendar,
    rep_today: dt.date,
) -> tuple[ScheduledStep, ...]:
    """:func:`cadence_schedule`, once per (country, its date, the rep, the rep's date):
    the leads of one country planned on one day share their cadence's dates."""
    return _kept(
        _SCHEDULES,
        (table, countries),
        (calendar.code, today, rep, rep_today),
        lambda: cadence_schedule(
            table=table,
            calendar=calendar,
            channels=channels,
            country_name=name,
            start=today,
            rep_calendar=rep_calendar,
            rep_today=rep_today,
        ),
    )


@dataclass(frozen=True, slots=True)
class _DayPlan:
    """What a plan says that depends only on the country, its calendar day, and whether
    it is working hours there: one per (country, day, in hours or not), not per lead."""

    holiday: Holiday | None
    weekend: bool
    upcoming: tuple[Holiday, ...]
    day_lines: tuple[str, ...]  # the reasons from "public holiday today" to the seasons
    row: Any
    is_default: bool
    usable: tuple[str, ...]
    source: Any
    channel_lines: tuple[str, ...]  # the reasons about the country's channel ranking


_DAY_PLANS: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = {}


def _day_plan(
    table: ChannelTable, countries: CountryTable, code: str, today: dt.date, in_hours: bool
) -> _DayPlan:
    return _kept(
        _DAY_PLANS,
        (table, countries),
        (code, today, in_hours),
        lambda: _make_day_plan(table, countries, code, today, in_hours),
    )


def _make_day_plan(
    table: ChannelTable, countries: CountryTable, code: str, today: dt.date, in_hours: bool
) -> _DayPlan:
    name = countries.name(code)
    calendar = WorkCalendar(code, table)
    holiday = calendar.holiday(today)
    weekend = calendar.is_weekend(today)
    upcoming = calendar.holidays_between(
        today + dt.timedelta(days=1), today + dt.timedelta(days=UPCOMING_DAYS)
    )
    lines: list[str] = []
    if holiday:
        local_name = f" ({holiday.local_name})" if holiday.local_name else ""
        lines.append(f"Today is a public holiday in {name}: {holiday.name}{local_name}.")
    if weekend:
        days = "–".join(_DAY_NAMES[d] for d in _weekend_names(calendar))
        lines.append(f"It is the weekend in {name} ({days}).")
    elif calendar.is_weekend_workday(today):
        lines.append(f"Today is an official working day in {name}, although it is a {today:%A}.")
    if not in_hours and not weekend and not holiday:
        lines.append(
            f"It is outside working hours there ({calendar.start:%H:%M}–{calendar.end:%H:%M})."
        )
    if not calendar.has_calendar(today.year):
        lines.append(
            f"No public-holiday calendar is available for {name}: holidays are not checked."
        )
    if upcoming:
        listed = "; ".join(f"{h.date:%a %d %b} {h.name}" for h in upcoming)
        lines.append(f"Public holidays in the next {UPCOMING_DAYS} days: {listed}.")
    long_break = _long_break(calendar, today)
    if long_break:
        first, length = long_break
        lines.append(f"Expect slow replies: {length} days off in a row from {first:%a %d %b}.")
    for season in table.seasons_for(code):
        if any(season.contains(today + dt.timedelta(days=n)) for n in range(UPCOMING_DAYS + 1)):
            lines.append(season.note)

    row, is_default = table.row_for(code)
    channel_lines: list[str] = []
    if is_default:
        channel_lines.append(
            f"No channel ranking for {name} in the table: showing the default ranking."
        )
    elif row.note:
        channel_lines.append(row.note)
    for channel in row.channels:
        tool = table.tools[channel]
        if not tool.usable:
            instead = f"; use {tool.successor}" if tool.successor else ""
            channel_lines.append(
                f"{channel} is in the ranking but closed in {tool.retired}{instead}."
            )
    return _DayPlan(
        holiday=holiday,
        weekend=weekend,
        upcoming=upcoming,
        day_lines=tuple(lines),
        row=row,
        is_default=is_default,
        usable=tuple(c for c in row.channels if table.tools[c].usable),
        source=table.sources[row.source],
        channel_lines=tuple(channel_lines),
    )


def _moment(at: dt.datetime | None, rep_zone: dt.tzinfo) -> dt.datetime:
    if at is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if at.tzinfo is None or at.utcoffset() is None:
        return at.replace(tzinfo=rep_zone)
    return at


def _weekend_names(calendar: WorkCalendar) -> list[str]:
    return [WEEKDAYS[day] for day in sorted(calendar.weekend)]


def _format_offset(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _clock_line(local: dt.datetime, rep: dt.datetime, gap: float, place: str, rep_zone: str) -> str:
    if gap == 0:
        relation = "the same time as yours"
    else:
        amount = f"{abs(gap):g} hour{'s' if abs(gap) != 1 else ''}"
        relation = f"{amount} {'behind' if gap < 0 else 'ahead of'} you"
    rep_day = "" if rep.date() == local.date() else f" on {rep:%A}"
    offset = _format_offset(local.utcoffset() or dt.timedelta())
    return (
        f"It is {local:%H:%M} on {local:%A} in {place} (UTC{offset}), "
        f"{rep:%H:%M}{rep_day} in {city(rep_zone)}: {relation}."
    )


def _long_break(calendar: WorkCalendar, today: dt.date) -> tuple[dt.date, int] | None:
    """The first run of 3+ days off that includes a public holiday, in the next 14 days."""
    run_start: dt.date | None = None
    run_length = 0
    has_holiday = False
    for offset in range(UPCOMING_DAYS + 10):
        day = today + dt.timedelta(days=offset)
        if not calendar.is_working_day(day):
            if run_start is None:
                if offset > UPCOMING_DAYS:
                    break
                run_start, run_length, has_holiday = day, 0, False
            run_length += 1
            has_holiday = has_holiday or calendar.holiday(day) is not None
            continue
        if run_start is not None and run_length >= 3 and has_holiday:
            return run_start, run_length
        run_start = None
    if run_start is not None and run_length >= 3 and has_holiday:
        return run_start, run_length
    return None
