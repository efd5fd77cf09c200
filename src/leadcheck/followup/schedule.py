"""When a step can happen: inside someone's working hours, on a day they work.

A :class:`Workweek` is one side's clock and calendar: the lead's (their zone, weekend,
public holidays and long breaks) or the rep's. :meth:`Workweek.next_moment` gives the
first moment from a given time inside that side's working hours; :func:`next_shared`
the first such moment on a day the rep works too (a message: the rep sends it, at any
hour of their day); :func:`next_common` the first moment inside both sides' hours (a
call: the rep must be on the line). Each also says which days it skipped and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Literal, TypeVar
from zoneinfo import ZoneInfo

from leadcheck.followup.breaks import BreakCalendar, BreakRun
from leadcheck.followup.timing import WINDOW_HORIZON_DAYS, WorkCalendar

DayOffKind = Literal["weekend", "holiday", "break"]
T = TypeVar("T")
MEMO_SIZE = 4096


@dataclass(frozen=True, slots=True)
class DayOff:
    day: dt.date
    kind: DayOffKind
    name: str | None = None  # the holiday's name
    run: BreakRun | None = None  # the long break the day is in


@dataclass(frozen=True, slots=True)
class Moment:
    """When a step happens, and what pushed it there."""

    at: dt.datetime  # aware, in the zone of the side that was asked
    skipped: tuple[DayOff, ...] = ()  # the lead's days off passed over
    rep_skipped: tuple[DayOff, ...] = ()  # the rep's days off passed over (live steps)
    rep_hours: bool = True  # False: no overlap with the rep's hours was found


class Workweek:
    """One side's working time: zone, working days and hours, long breaks."""

    def __init__(
        self, calendar: WorkCalendar, zone: ZoneInfo, breaks: BreakCalendar | None = None
    ) -> None:
        self.calendar = calendar
        self.zone = zone
        self.breaks = breaks
        self._off: dict[dt.date, DayOff | None] = {}
        self._memo: dict[Hashable, object] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from this calendar alone, computed once (bounded)."""
        if key in self._memo:
            return self._memo[key]  # type: ignore[return-value]
        value = compute()
        if len(self._memo) < MEMO_SIZE:
            self._memo[key] = value
        return value

    @property
    def start(self) -> dt.time:
        return self.calendar.start

    @property
    def end(self) -> dt.time:
        return self.calendar.end

    def day_off(self, day: dt.date) -> DayOff | None:
        """Why ``day`` is not a working day (a long break first), or None."""
        if day in self._off:
            return self._off[day]
        found: DayOff | None = None
        run = self.breaks.run_on(day) if self.breaks is not None else None
        if run is not None:
            holiday = self.calendar.holiday(day)
            found = DayOff(day, "break", holiday.name if holiday else None, run)
        else:
            holiday = self.calendar.holiday(day)
            if holiday is not None:
                found = DayOff(day, "holiday", holiday.name)
            elif self.calendar.is_weekend(day):
                found = DayOff(day, "weekend")
        if len(self._off) < MEMO_SIZE:
            self._off[day] = found
        return found

    def window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The working hours of ``day``, as aware datetimes in this side's zone."""
        return (
            dt.datetime.combine(day, self.start, tzinfo=self.zone),
            dt.datetime.combine(day, self.end, tzinfo=self.zone),
        )

    def is_open(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(self.zone)
        if self.day_off(local.date()) is not None:
            return False
        return self.start <= local.time() < self.end

    def next_moment(self, after: dt.datetime) -> Moment:
        """The first moment at or after ``after`` inside working hours on a working day.

        Past the horizon (a broken calendar) the horizon's last day is used.
        """
        local = after.astimezone(self.zone)
        skipped: list[DayOff] = []
        day = local.date()
        for _ in range(WINDOW_HORIZON_DAYS):
            off = self.day_off(day)
            if off is None:
                start, end = self.window(day)
                if local < end:
                    return Moment(at=max(start, local), skipped=tuple(skipped))
            else:
                skipped.append(off)
            day += dt.timedelta(days=1)
        start, _ = self.window(day)
        return Moment(at=start, skipped=tuple(skipped))


def next_shared(after: dt.datetime, lead: Workweek, rep: Workweek) -> Moment:
    """The first moment from ``after`` inside the lead's working hours on a day that is a
    working day for the rep too (their date, in their zone): no step in Golden Week."""
    local = after.astimezone(lead.zone)
    skipped: list[DayOff] = []
    rep_skipped: dict[dt.date, DayOff] = {}
    day = local.date()
    for _ in range(WINDOW_HORIZON_DAYS):
        off = lead.day_off(day)
        if off is not None:
            skipped.append(off)
        else:
            start, end = lead.window(day)
            start = max(start, local)
            if start < end:
                found = _rep_working(start, end, rep, rep_skipped)
                if found is not None:
                    return Moment(
                        at=found, skipped=tuple(skipped), rep_skipped=tuple(rep_skipped.values())
                    )
        day += dt.timedelta(days=1)
    return lead.next_moment(after)


def _rep_working(
    start: dt.datetime, end: dt.datetime, rep: Workweek, rep_skipped: dict[dt.date, DayOff]
) -> dt.datetime | None:
    """The first moment in [start, end) that falls on one of the rep's working days."""
    day = start.astimezone(rep.zone).date()
    last = end.astimezone(rep.zone).date()
    while day <= last:
        off = rep.day_off(day)
        if off is None:
            midnight = dt.datetime.combine(day, dt.time(0, 0), tzinfo=rep.zone)
            begin = max(start, midnight)
            if begin < end:
                return begin.astimezone(start.tzinfo)
        else:
            rep_skipped.setdefault(day, off)
        day += dt.timedelta(days=1)
    return None


def next_common(after: dt.datetime, lead: Workweek, rep: Workweek) -> Moment:
    """The first moment from ``after`` inside both the lead's and the rep's working hours.

    When their hours never meet within the horizon (Los Angeles and Shanghai, 09:00–17:00
    and 09:00–18:00), the moment of the lead's first window nearest to the rep's working
    hours is given (its start, or half an hour before its end), with ``rep_hours=False``:
    the rep has to call outside their own hours.
    """
    local = after.astimezone(lead.zone)
    skipped: list[DayOff] = []
    rep_skipped: dict[dt.date, DayOff] = {}
    day = local.date()
    fallback: dt.datetime | None = None
    for _ in range(WINDOW_HORIZON_DAYS):
        off = lead.day_off(day)
        if off is not None:
            skipped.append(off)
            day += dt.timedelta(days=1)
            continue
        start, end = lead.window(day)
        start = max(start, local)
        if start < end:
            found = _overlap(start, end, rep, rep_skipped)
            if found is not None:
                return Moment(
                    at=found, skipped=tuple(skipped), rep_skipped=tuple(rep_skipped.values())
                )
            if fallback is None:
                fallback = _nearest(start, end, rep)
        day += dt.timedelta(days=1)
    if fallback is None:
        return lead.next_moment(after)
    return Moment(at=fallback, skipped=(), rep_skipped=tuple(rep_skipped.values()), rep_hours=False)


CALL_BEFORE_END = dt.timedelta(minutes=30)


def _nearest(start: dt.datetime, end: dt.datetime, rep: Workweek) -> dt.datetime | None:
    """Of a lead's window, the start or its last half hour: whichever is nearer to the
    rep's working hours (on a day the rep works); None when the rep works on neither."""
    best: tuple[float, dt.datetime] | None = None
    for candidate in (start, max(start, end - CALL_BEFORE_END)):
        local = candidate.astimezone(rep.zone)
        for offset in (-1, 0, 1):
            day = local.date() + dt.timedelta(days=offset)
            if rep.day_off(day) is not None:
                continue
            rep_start, rep_end = rep.window(day)
            if candidate < rep_start:
                gap = (rep_start - candidate).total_seconds()
            elif candidate >= rep_end:
                gap = (candidate - rep_end).total_seconds()
            else:
                gap = 0.0
            if best is None or gap < best[0]:
                best = (gap, candidate)
    return best[1] if best is not None else None


def _overlap(
    start: dt.datetime, end: dt.datetime, rep: Workweek, rep_skipped: dict[dt.date, DayOff]
) -> dt.datetime | None:
    """The first moment in [start, end) inside the rep's working hours, in the lead's zone."""
    first = start.astimezone(rep.zone).date()
    last = end.astimezone(rep.zone).date()
    day = first
    while day <= last:
        off = rep.day_off(day)
        if off is not None:
            rep_skipped.setdefault(day, off)
        else:
            rep_start, rep_end = rep.window(day)
            begin = max(start, rep_start)
            if begin < min(end, rep_end):
                return begin.astimezone(start.tzinfo)
        day += dt.timedelta(days=1)
    return None
