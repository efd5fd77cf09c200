"""The day's actions as an RFC 5545 calendar (``leadcheck due --ics FILE``).

One event per action, in the rep's time zone (with its VTIMEZONE, so Outlook, Google
Calendar and Apple Calendar place it right), written with the ``icalendar`` package
(imported only when a calendar is asked for). Each event carries the action, the links
and the reasons; its UID is stable for the same lead, step and day, so importing the
next morning's file again updates events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from leadcheck.followup.due import DueItem, DueList
from leadcheck.textsafe import clean_line

EVENT_MINUTES = 15
CALL_MINUTES = 30
PRODID = "-//leadcheck//due//EN"


def due_calendar(due: DueList) -> bytes:
    """The actions of ``due`` as an iCalendar file."""
    from icalendar import Calendar, Event, Timezone

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "leadcheck: follow-ups")
    stamp = due.at.astimezone(dt.UTC)
    for item in due.items:
        event = Event()
        start = item.action_at_rep
        minutes = CALL_MINUTES if item.live else EVENT_MINUTES
        event.add("uid", _uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        event.add("summary", _summary(item))
        event.add("description", _description(item))
        if item.link and item.link.startswith(("http://", "https://")):
            event.add("url", item.link)
        event.add("categories", ["leadcheck", item.kind])
        event.add("priority", 1 if item.urgent else 5)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    if due.items:
        calendar.add_missing_timezones()
    else:  # RFC 5545 wants one component at least: the rep's time zone
        calendar.add_component(Timezone.from_tzid(due.rep.timezone))
    data: bytes = calendar.to_ical()
    return data


def _uid(item: DueItem) -> str:
    basis = f"{item.email}\x1f{item.kind}\x1f{item.step}\x1f{item.action_at.date().isoformat()}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32] + "@leadcheck"


def _text(value: object, limit: int = 300) -> str:
    return clean_line(str(value), limit=limit) or ""


def _summary(item: DueItem) -> str:
    who = _text(item.company or item.email, 80)
    what = {
        "first-email": "Answer",
        "close-the-loop": "Close the loop",
        "check-again": "Check again",
    }.get(item.kind, item.channel or "Follow up")
    urgent = "URGENT " if item.urgent else ""
    return f"{urgent}{_text(what, 40)}: {who} (#{item.priority})"


def _description(item: DueItem) -> str:
    lines = [
        _text(item.action, 600),
        "",
        f"Lead: {_text(item.email, 254)}"
        + (f", {_text(item.company, 120)}" if item.company else "")
        + (f" ({item.country})" if item.country else ""),
        f"Their time: {item.action_at:%a %d %b %H:%M} ({item.timezone})",
    ]
    if item.links:
        lines.append("")
        lines.extend(_text(link, 500) for link in item.links)
    if item.reasons:
        lines.append("")
        lines.extend(f"- {_text(reason.message, 600)}" for reason in item.reasons)
    return "\n".join(lines)
