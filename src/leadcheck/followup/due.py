"""``leadcheck due``: which silent leads to chase today, how, and when.

:func:`plan_due` reads every stored lead (its facts, :mod:`leadcheck.batch.facts`) with
its touches and marks, and gives the next step for each open one:

* **which leads**: never answered by us (step 0, the first email), or whose last touch is
  our unanswered message; a reply from them removes the lead until we write again;
  ``fake`` leads never; ``unknown`` ones as "check again"; after the cadence's last step,
  once, "close the loop".
* **which step**: the cadence of ``data/channels.toml`` (day 3 the country's first
  messenger, day 7 LinkedIn, day 10 a second door, day 14 a call, day 30 a last email),
  counted from our first message since their last reply (or since a message sent 45 days
  or more after the one before it). Each follow-up logged counts as one step done; one on
  a step's channel marks that step done. Urgent leads take their next step at the next
  working moment, without waiting the cadence's days.
* **when**: the first moment inside the lead's working hours on a working day, not their
  weekend, public holiday or a long break (:mod:`leadcheck.followup.breaks`), on a day
  the rep works too (their weekend, public holidays and own days off hold a step back,
  as in :func:`leadcheck.followup.plan.plan_followup`); for a call, also inside the rep's
  working hours.
* **why**: what the history shows (:func:`leadcheck.followup.thread.silence_reasons`),
  what moved the step, what the checks said.
* **order**: urgent first, then genuine before suspicious before unknown, fit A before D,
  the newest inquiry first (a fresh inquiry is a buyer still choosing), then by time.

Only the leads listed are worked out in full, so a database of 10,000 leads is planned in
a fraction of a second. The library never prints; ``leadcheck due`` renders the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from leadcheck.batch.store import Mark, StoredLead, TouchRecord
from leadcheck.contacts import Contacts
from leadcheck.followup.breaks import BreakCalendar, BreakTable, load_breaks
from leadcheck.followup.cadence import PlannedStep, cadence_channels, chat_link, step_action
from leadcheck.followup.channels import ChannelTable, load_channels
from leadcheck.followup.countries import CountryTable, load_countries
from leadcheck.followup.rep import RepSettings
from leadcheck.followup.schedule import DayOff, Moment, Workweek, next_common, next_shared
from leadcheck.followup.thread import Thread, read_thread, silence_reasons
from leadcheck.followup.timing import WINDOW_HORIZON_DAYS, WorkCalendar, zone_info

LIVE_CHANNELS = frozenset({"Phone"})  # steps that need the rep on the line
MIN_GAP = dt.timedelta(days=2)  # at least this long between two of our messages
URGENT_GAP = dt.timedelta(hours=3)  # ...or this long for an urgent lead
CLOSE_AFTER = dt.timedelta(days=7)  # after the last step: "close the loop", once
# A message this long after our previous one starts the cadence again (the longest gap
# in the cadence is 16 days, day 14 to day 30).
RESTART_AFTER = dt.timedelta(days=45)
DEFAULT_HORIZON = dt.timedelta(days=1)
AHEAD_DAYS = 5  # a long break starting this soon after the action is mentioned
VERDICT_RANK = {"genuine": 0, "suspicious": 1, "unknown": 2}
TIER_RANK = {"A": 0, "B": 1, "C": 2, "D": 3}
MAX_LINKS = 6
_MIDNIGHT = dt.time(0, 0)
_HORIZON = dt.timedelta(days=WINDOW_HORIZON_DAYS)
_RESTART = RESTART_AFTER.total_seconds()

Kind = Literal["first-email", "follow-up", "close-the-loop", "check-again"]


class DueReason(NamedTuple):
    """Why: a stable code for scripts and a sentence for the rep."""

    code: str
    message: str


# The results are frozen dataclasses rather than pydantic models: a busy day lists
# thousands of actions, and building and dumping them is most of the command's time.


@dataclass(frozen=True, slots=True)
class DueItem:
    """One action for the rep. :meth:`as_json` is the JSON contract."""

    priority: int  # 1 = first
    email: str
    company: str | None
    contact: str | None
    country: str | None
    country_name: str | None
    timezone: str
    verdict: str | None
    fit_tier: str | None
    urgent: bool
    kind: Kind
    step: int  # 0 = the first email, 1.. the cadence's steps, then close the loop
    day: int | None  # the cadence's day for the step (days after our first message)
    channel: str | None
    action: str  # one line: what to send or do
    link: str | None  # the link that does it (wa.me, tel:, mailto:, a profile)
    links: tuple[str, ...]  # every way in that is known, the step's own first
    action_at: dt.datetime  # in the lead's time zone
    action_at_rep: dt.datetime  # in the rep's time zone
    live: bool  # the step needs the rep on the line: within the rep's hours
    overdue: bool
    last_touch_at: dt.datetime | None  # our last message, in the lead's time zone
    inquiry_at: dt.datetime  # first seen: first checked or first touch, in the lead's zone
    reasons: tuple[DueReason, ...]

    def as_json(self) -> dict[str, Any]:
        """The item as JSON types; times in ISO 8601 with their numeric UTC offset."""
        return {
            "priority": self.priority,
            "email": self.email,
            "company": self.company,
            "contact": self.contact,
            "country": self.country,
            "country_name": self.country_name,
            "timezone": self.timezone,
            "verdict": self.verdict,
            "fit_tier": self.fit_tier,
            "urgent": self.urgent,
            "kind": self.kind,
            "step": self.step,
            "day": self.day,
            "channel": self.channel,
            "action": self.action,
            "link": self.link,
            "links": list(self.links),
            "action_at": self.action_at.isoformat(),
            "action_at_rep": self.action_at_rep.isoformat(),
            "live": self.live,
            "overdue": self.overdue,
            "last_touch_at": self.last_touch_at.isoformat() if self.last_touch_at else None,
            "inquiry_at": self.inquiry_at.isoformat(),
            "reasons": [{"code": code, "message": message} for code, message in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class DueSummary:
    leads: int = 0  # stored leads with an email, known at the list's start
    listed: int = 0
    later: int = 0  # open, but their next step falls after the list's end
    replied: int = 0  # their reply is the last touch
    fake: int = 0
    closed: int = 0  # cadence finished and "close the loop" already shown


@dataclass(frozen=True, slots=True)
class DueList:
    at: dt.datetime  # in the rep's time zone
    until: dt.datetime | None  # the list's end (None: every open lead)
    rep: RepSettings
    items: tuple[DueItem, ...]
    summary: DueSummary


@dataclass(slots=True)
class _Place:
    code: str | None
    name: str
    zone: ZoneInfo
    week: Workweek
    steps: tuple[PlannedStep, ...]
    hours: str
    channels: tuple[str, ...]  # the country's ranking


@dataclass(frozen=True, slots=True)
class _Next:
    kind: Kind
    number: int
    step: PlannedStep | None
    target: dt.datetime  # not before this moment (UTC)
    live: bool


@dataclass(slots=True)
class _Candidate:
    lead: StoredLead
    thread: Thread
    place: _Place
    plan: _Next
    moment: Moment
    urgent: bool
    mark: Mark | None
    key: tuple[Any, ...]


def plan_due(
    leads: Iterable[StoredLead],
    touches: Mapping[str, Sequence[TouchRecord]],
    marks: Mapping[str, Mark] | None = None,
    *,
    at: dt.datetime,
    rep: RepSettings | None = None,
    horizon: dt.timedelta | None = DEFAULT_HORIZON,
    channels: ChannelTable | None = None,
    countries: CountryTable | None = None,
    breaks: BreakTable | None = None,
) -> DueList:
    """The actions due from ``at`` until ``at + horizon`` (every open lead when None).

    ``at`` must be aware (the CLI reads a naive ``--at`` on the rep's clock).
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be an aware datetime")
    rep = rep or RepSettings()
    marks = marks or {}
    table = channels or load_channels()
    country_table = countries or load_countries()
    break_table = breaks or load_breaks()
    rep_zone = rep.zone
    rep_week = Workweek(rep.calendar(table), rep_zone)
    now = at.astimezone(dt.UTC)
    until = now + horizon if horizon is not None else None
    places: dict[tuple[str | None, str | None], _Place] = {}
    counts = {"leads": 0, "later": 0, "replied": 0, "fake": 0, "closed": 0}
    candidates: list[_Candidate] = []

    cutoff = now.timestamp()
    for lead in leads:
        # As of ``at``: touches after it have not happened yet, and a lead neither checked
        # nor touched by then is not known yet (this is what lets ``--at`` replay a date).
        history = [t for t in touches.get(lead.email, ()) if t.at <= cutoff]
        if lead.first_seen > cutoff and not history:
            continue
        counts["leads"] += 1
        facts = lead.facts
        verdict = facts.get("verdict")
        if verdict == "fake":
            counts["fake"] += 1
            continue
        thread = read_thread(history, restart_after=_RESTART)
        if thread.state == "replied":
            counts["replied"] += 1
            continue
        code = facts.get("country") or None
        zone_name = facts.get("timezone") or None
        place_key = (code, zone_name)
        place = places.get(place_key)
        if place is None:
            place = _place(code, zone_name, table, country_table, break_table, rep_zone)
            places[place_key] = place
        mark = marks.get(lead.email)
        urgent = bool(mark and mark.urgent)
        plan = _next_step(thread, place, lead, urgent)
        if verdict == "unknown":
            plan = _Next("check-again", plan.number, plan.step, now, False)
            moment = Moment(at=now.astimezone(place.zone))
        elif plan.kind == "close-the-loop":
            if plan.target + _HORIZON < now:  # its one day is long past
                counts["closed"] += 1
                continue
            moment = next_shared(plan.target, place.week, rep_week)
            if moment.at < now:
                counts["closed"] += 1
                continue
        elif plan.target <= now:
            # Due already: the next moment from now, the same for every lead of the place.
            moment = place.week.memo(
                ("now", plan.live), partial(_when, now, place, rep_week, plan.live)
            )
        elif until is not None and plan.target >= until:
            counts["later"] += 1
            continue
        else:
            moment = _when(plan.target, place, rep_week, plan.live)
        if until is not None and moment.at >= until:
            counts["later"] += 1
            continue
        inquiry_at = min(lead.first_seen, thread.first_at or lead.first_seen)
        key = (
            0 if urgent else 1,
            VERDICT_RANK.get(str(verdict), 3),
            TIER_RANK.get(str(facts.get("fit_tier")), 4),
            -inquiry_at,
            moment.at.timestamp(),
            lead.email,
        )
        candidates.append(_Candidate(lead, thread, place, plan, moment, urgent, mark, key))

    candidates.sort(key=lambda c: c.key)
    items = tuple(
        _item(number, c, table=table, rep=rep, rep_week=rep_week, now=now)
        for number, c in enumerate(candidates, start=1)
    )
    summary = DueSummary(listed=len(items), **counts)
    return DueList(
        at=at.astimezone(rep_zone),
        until=until.astimezone(rep_zone) if until is not None else None,
        rep=rep,
        items=items,
        summary=summary,
    )


def _when(start: dt.datetime, place: _Place, rep_week: Workweek, live: bool) -> Moment:
    """The step's moment from ``start``: in the lead's hours on a day both work, and in
    the rep's hours too for a call."""
    if live:
        return next_common(start, place.week, rep_week)
    return next_shared(start, place.week, rep_week)


def _overdue_since(plan: _Next, place: _Place, now: dt.datetime) -> dt.date | None:
    """The day the step fell due, when that day is already past in their country."""
    if plan.kind not in ("first-email", "follow-up") or plan.target >= now:
        return None
    natural = place.week.next_moment(plan.target).at
    return natural.date() if natural.date() < now.astimezone(place.zone).date() else None


def _place(
    code: str | None,
    zone_name: str | None,
    table: ChannelTable,
    countries: CountryTable,
    breaks: BreakTable,
    rep_zone: ZoneInfo,
) -> _Place:
    known = code if code and code in countries.countries else None
    if zone_name is None and known is not None:
        zone_name = countries.entry(known).timezone
    try:
        zone = zone_info(zone_name) if zone_name else rep_zone
    except Exception:  # a stored zone this machine's tzdata lacks: plan on the country's
        zone = zone_info(countries.entry(known).timezone) if known else rep_zone
    calendar = WorkCalendar(known or "ZZ", table)
    week = Workweek(calendar, zone, BreakCalendar(known, calendar, breaks) if known else None)
    row, _ = table.row_for(known or "ZZ")
    return _Place(
        code=known,
        name=countries.name(known) if known else "their country",
        zone=zone,
        week=week,
        steps=cadence_channels(table, row.channels),
        hours=f"{calendar.start:%H:%M}–{calendar.end:%H:%M}",
        channels=row.channels,
    )


def _next_step(thread: Thread, place: _Place, lead: StoredLead, urgent: bool) -> _Next:
    """The next step for a lead whose conversation is new or waiting on them."""
    if thread.state == "new":
        first = min(lead.first_seen, thread.first_at or lead.first_seen)
        return _Next("first-email", 0, None, _utc(first), False)
    outs = thread.outs
    last = outs[-1]
    remaining = list(place.steps)
    unmatched = 0
    for touch in outs[1:]:
        match = next(
            (s for s in remaining if s.channel == touch.channel and s.rule.role != "email"),
            None,
        )
        if match is not None:
            remaining.remove(match)
        else:
            unmatched += 1
    remaining = remaining[unmatched:]
    if not remaining:
        return _Next(
            "close-the-loop", len(place.steps) + 1, None, _utc(last.at) + CLOSE_AFTER, False
        )
    step = remaining[0]
    if urgent:
        target = _utc(last.at) + URGENT_GAP
    else:
        started = dt.datetime.fromtimestamp(outs[0].at, place.zone).date()
        nominal = dt.datetime.combine(
            started + dt.timedelta(days=step.rule.day), _MIDNIGHT, tzinfo=place.zone
        )
        target = max(nominal.astimezone(dt.UTC), _utc(last.at) + MIN_GAP)
    return _Next("follow-up", step.number, step, target, step.channel in LIVE_CHANNELS)


def _utc(timestamp: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC)


# --- one listed action, in full -------------------------------------------------------------


def _item(
    priority: int,
    c: _Candidate,
    *,
    table: ChannelTable,
    rep: RepSettings,
    rep_week: Workweek,
    now: dt.datetime,
) -> DueItem:
    facts = c.lead.facts
    place = c.place
    plan = c.plan
    contacts = _contacts(facts.get("contacts"))
    email = str(facts.get("email") or c.lead.email)
    phone = facts.get("phone") or (contacts.phones[0] if contacts.phones else None)
    local = c.moment.at.astimezone(place.zone)
    rep_time = local.astimezone(rep.zone)
    reasons: list[tuple[str, str]] = []
    verdict = facts.get("verdict")

    channel: str | None
    if plan.kind == "check-again":
        channel, link = None, None
        action = (
            "Check it again before chasing: the checks could not finish (network trouble or "
            "a timeout). Run 'leadcheck batch' on it with --refresh."
        )
    elif plan.kind == "first-email":
        channel, link = "Email", f"mailto:{email}"
        action = (
            f"Answer the inquiry by email to {email}: thank them, answer what they asked, and "
            "end with one easy question."
        )
    elif plan.kind == "close-the-loop":
        channel, link = None, None
        action = (
            "Close the loop: no answer after the whole cadence. Mark the lead dormant in your "
            "CRM; it comes back here when they write or you do."
        )
    else:
        assert plan.step is not None
        channel = plan.step.channel
        action, link = step_action(
            table, plan.step, phone=phone, email=email, website=contacts, hours=place.hours
        )
        why = plan.step.rule.why.replace("{channel}", channel).replace("{country}", place.name)
        reasons.append(("why_this_channel", why))

    if c.urgent:
        note = f" ({c.mark.note})" if c.mark is not None and c.mark.note else ""
        reasons.insert(
            0,
            (
                "urgent",
                f"Marked urgent{note}: every step is due at their next working moment, one "
                "channel after another.",
            ),
        )
        if not _second_contact(facts, contacts):
            reasons.insert(
                1,
                (
                    "ask_emergency_contact",
                    "Urgent, and only the email address is known: ask for an emergency "
                    "contact (a mobile or WhatsApp number) in this message.",
                ),
            )
    if verdict == "suspicious":
        warnings = "; ".join(str(w).rstrip(". ") for w in facts.get("warnings") or ())
        detail = f" ({warnings})" if warnings else ""
        reasons.append(
            (
                "suspicious",
                f"The check found warning signs{detail}: confirm who they are before you send "
                "prices or samples.",
            )
        )
    elif verdict == "unknown":
        reasons.append(
            ("check_again", "The last check could not tell whether the lead is genuine.")
        )
    if place.code is None:
        reasons.append(
            (
                "no_country",
                "Their country is unknown: the time is planned on your clock with the default "
                "channels. Find out where they are.",
            )
        )
    if plan.kind == "first-email":
        first = dt.datetime.fromtimestamp(
            min(c.lead.first_seen, c.thread.first_at or c.lead.first_seen), place.zone
        )
        reasons.append(
            (
                "not_answered",
                f"The inquiry (first seen {first:%a %d %b}) has no answer from you in the history.",
            )
        )
    overdue_since = _overdue_since(plan, place, now)
    if overdue_since is not None:
        reasons.append(("overdue", f"Due since {overdue_since:%a %d %b}."))
    if plan.kind != "check-again":
        # The same moment in the same place reads the same: worked out once.
        moment, live, day = c.moment, plan.live, local.date()
        week = place.week
        reasons.extend(week.memo(("moved", moment, live), lambda: _moved(moment, place, rep, live)))
        reasons.extend(
            week.memo(
                ("rep", moment.at, moment.rep_hours, live),
                lambda: _rep_side(moment, rep_time, rep_week, place, live),
            )
        )
        reasons.extend(week.memo(("ahead", day), lambda: _ahead(day, place)))
        reasons.extend(week.memo(("seasons", day), lambda: _seasons(day, place, table)))
    if plan.kind in ("follow-up", "close-the-loop"):
        reasons.extend(silence_reasons(c.thread, place.week, at=now, place=place.name))

    links = _links(link, table, phone, email, contacts, place.channels)
    last_touch = (
        dt.datetime.fromtimestamp(c.thread.outs[-1].at, place.zone) if c.thread.outs else None
    )
    inquiry_at = dt.datetime.fromtimestamp(
        min(c.lead.first_seen, c.thread.first_at or c.lead.first_seen), place.zone
    )
    return DueItem(
        priority=priority,
        email=email,
        company=facts.get("company") or facts.get("website") or _domain(email),
        contact=facts.get("contact"),
        country=place.code,
        country_name=place.name if place.code else None,
        timezone=place.zone.key,
        verdict=verdict,
        fit_tier=facts.get("fit_tier"),
        urgent=c.urgent,
        kind=plan.kind,
        step=plan.number,
        day=plan.step.rule.day if plan.step is not None else None,
        channel=channel,
        action=action,
        link=links[0] if links and link else None,
        links=links,
        action_at=local,
        action_at_rep=rep_time,
        live=plan.live,
        overdue=overdue_since is not None,
        last_touch_at=last_touch,
        inquiry_at=inquiry_at,
        reasons=tuple(DueReason(code, message) for code, message in reasons),
    )


def _contacts(raw: object) -> Contacts:
    if not isinstance(raw, dict):
        return Contacts()
    try:
        return Contacts.model_validate(raw)
    except ValidationError:
        return Contacts()


def _second_contact(facts: Mapping[str, Any], contacts: Contacts) -> bool:
    """Whether a quick way in beyond email is known: a phone number or a messenger."""
    if facts.get("phone"):
        return True
    return bool(
        contacts.phones
        or contacts.whatsapp
        or contacts.telegram
        or contacts.viber
        or contacts.wechat
        or contacts.zalo
        or contacts.line
    )


def _links(
    primary: str | None,
    table: ChannelTable,
    phone: str | None,
    email: str,
    contacts: Contacts,
    ranking: tuple[str, ...],
) -> tuple[str, ...]:
    """Every known way in: the step's link, chat links for the country's messengers, the
    phone, what the website shows, the email."""
    found: list[str] = [primary] if primary else []
    if phone:
        for name in ranking:
            link = chat_link(table, name, phone)
            if link:
                found.append(link)
        found.append(f"tel:{phone}")
    for group in (contacts.whatsapp, contacts.zalo, contacts.line, contacts.telegram):
        found.extend(group[:1])
    found.extend(profile.url for profile in contacts.social[:3])
    found.append(f"mailto:{email}")
    return tuple(dict.fromkeys(found))[:MAX_LINKS]


def _domain(email: str) -> str | None:
    return email.rsplit("@", 1)[1] if "@" in email else None


def _moved(moment: Moment, place: _Place, rep: RepSettings, live: bool) -> list[tuple[str, str]]:
    """Why the step is later than it would be: the lead's and the rep's days off."""
    reasons: list[tuple[str, str]] = []
    runs: dict[str, DayOff] = {}
    holidays: list[DayOff] = []
    weekend: list[DayOff] = []
    for off in moment.skipped:
        if off.run is not None:
            runs.setdefault(off.run.name, off)
        elif off.kind == "holiday":
            holidays.append(off)
        else:
            weekend.append(off)
    for off in runs.values():
        run = off.run
        assert run is not None
        reasons.append(
            (
                "long_break",
                f"{run.name} in {place.name}: {run.first:%a %d %b}–{run.last:%a %d %b}; the "
                f"step waits for its end. {run.note}",
            )
        )
    if holidays:
        shown = "; ".join(f"{off.day:%a %d %b} {off.name}" for off in holidays[:3])
        reasons.append(("their_holiday", f"Public holiday in {place.name}: {shown}."))
    if weekend:
        shown = ", ".join(f"{off.day:%a %d %b}" for off in weekend[:3])
        reasons.append(("their_weekend", f"Weekend in {place.name}: {shown}."))
    if moment.rep_skipped:
        days = []
        for off in moment.rep_skipped[:3]:
            name = off.name or ("your weekend" if off.kind == "weekend" else "a day off")
            days.append(f"{off.day:%a %d %b} ({name})")
        what = "call" if live else "step"
        reasons.append(
            ("rep_day_off", f"The {what} waits for a day you work: {', '.join(days)} you are off.")
        )
    return reasons


def _rep_side(
    moment: Moment,
    rep_time: dt.datetime,
    rep_week: Workweek,
    place: _Place,
    live: bool,
) -> list[tuple[str, str]]:
    """What the moment means for the rep: outside their hours, on their day off."""
    hours = f"{rep_week.start:%H:%M}–{rep_week.end:%H:%M}"
    if live:
        if not moment.rep_hours:
            return [
                (
                    "no_common_hours",
                    f"Their working day ({place.hours} their time) never meets yours ({hours}): "
                    f"call at {rep_time:%H:%M} your time, outside your hours.",
                )
            ]
        local = moment.at.astimezone(place.zone)
        lead_start, lead_end = place.week.window(local.date())
        rep_start, rep_end = rep_week.window(rep_time.date())
        begin, end = max(lead_start, rep_start), min(lead_end, rep_end)
        if begin < end:
            return [
                (
                    "call_window",
                    f"Call between {begin.astimezone(rep_week.zone):%H:%M} and "
                    f"{end.astimezone(rep_week.zone):%H:%M} your time "
                    f"({begin.astimezone(place.zone):%H:%M}–{end.astimezone(place.zone):%H:%M} "
                    "theirs), when you both work.",
                )
            ]
        return []
    off = rep_week.day_off(rep_time.date())
    if off is not None and off.kind != "weekend":
        return [
            (
                "rep_holiday",
                f"{rep_time:%a %d %b} is your public holiday ({off.name}): schedule the message "
                "before you leave.",
            )
        ]
    if not rep_week.is_open(rep_time):
        return [
            (
                "schedule_send",
                f"That is {rep_time:%a %H:%M} your time, outside your hours ({hours}): schedule "
                "the message to send then.",
            )
        ]
    return []


def _ahead(day: dt.date, place: _Place) -> list[tuple[str, str]]:
    """A long break starting soon after the action: act now, or it waits."""
    for offset in range(1, AHEAD_DAYS + 1):
        off = place.week.day_off(day + dt.timedelta(days=offset))
        if off is not None and off.run is not None:
            run = off.run
            return [
                (
                    "break_ahead",
                    f"{run.name} starts {run.first:%a %d %b} in {place.name} (until "
                    f"{run.last:%a %d %b}): do not let this step slip.",
                )
            ]
    return []


def _seasons(day: dt.date, place: _Place, table: ChannelTable) -> list[tuple[str, str]]:
    if place.code is None:
        return []
    seasons = table.seasons_for(place.code)
    return [("season", season.note) for season in seasons if season.contains(day)]


def due_from_database(
    path: Path,
    *,
    at: dt.datetime,
    rep: RepSettings | None = None,
    horizon: dt.timedelta | None = DEFAULT_HORIZON,
) -> DueList:
    """:func:`plan_due` over a results database (read without taking the run lock)."""
    from leadcheck.batch.store import ResultStore

    with ResultStore(path, lock=False, create=False) as store:
        leads = store.leads()
        touches = store.touches(notes=False)
        marks = store.marks()
    return plan_due(leads, touches, marks, at=at, rep=rep, horizon=horizon)
