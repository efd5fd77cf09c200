"""A lead's conversation as ``due`` reads it, and what it says about the silence.

:func:`read_thread` turns a lead's touches into where the conversation stands (we never
wrote, our message waits for an answer, or theirs is the last); :func:`silence_reasons`
says what the history shows: our messages reached them at night, on their weekend or a
holiday, a long break came in between, how long they have been silent, and, with enough
replies, how they usually answer.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from leadcheck.batch.store import TouchRecord
from leadcheck.followup.schedule import Workweek

MIN_REPLIES = 3  # replies needed before a usual delay and weekday are told
NIGHT = (dt.time(7, 0), dt.time(21, 0))  # outside this, a message reaches them at night
SHOWN = 3  # examples given in one reason


# --- where the conversation stands ----------------------------------------------------------

ThreadState = Literal["new", "waiting", "replied"]


@dataclass(frozen=True, slots=True)
class Thread:
    """A lead's touches read as a conversation."""

    state: ThreadState  # new: we never wrote; waiting: our message is unanswered;
    # replied: their message is the last (the lead leaves `due` until we write again)
    outs: tuple[TouchRecord, ...]  # our messages since their last reply, oldest first
    last_in: TouchRecord | None
    first_at: float | None  # the first touch of any kind
    replies: tuple[tuple[TouchRecord, TouchRecord], ...]  # (our message, their answer)


def read_thread(touches: Sequence[TouchRecord], *, restart_after: float | None = None) -> Thread:
    """Where the conversation with one lead stands (touches in any order).

    ``restart_after`` (seconds): one of our messages sent this long after our previous one
    starts a new round; ``outs`` then holds that round only.
    """
    ordered = sorted(touches, key=lambda t: t.at)
    outs: list[TouchRecord] = []
    last_in: TouchRecord | None = None
    replies: list[tuple[TouchRecord, TouchRecord]] = []
    wrote = False
    for touch in ordered:
        if touch.direction == "out":
            if restart_after is not None and outs and touch.at - outs[-1].at > restart_after:
                outs = []
            outs.append(touch)
            wrote = True
        else:
            if outs:
                replies.append((outs[-1], touch))
            outs = []
            last_in = touch
    if not wrote:
        state: ThreadState = "new"
    elif outs:
        state = "waiting"
    else:
        state = "replied"
    return Thread(
        state=state,
        outs=tuple(outs),
        last_in=last_in,
        first_at=ordered[0].at if ordered else None,
        replies=tuple(replies),
    )


# --- why the lead may be silent -------------------------------------------------------------


def silence_reasons(
    thread: Thread, lead: Workweek, *, at: dt.datetime, place: str
) -> list[tuple[str, str]]:
    """What the history says about the silence, as ``(code, message)`` pairs."""
    reasons: list[tuple[str, str]] = []
    outs = thread.outs
    if not outs:
        return reasons
    zone = lead.zone
    night: list[dt.datetime] = []
    weekend: list[dt.datetime] = []
    holiday: list[tuple[dt.datetime, str]] = []
    for touch in outs:
        local = dt.datetime.fromtimestamp(touch.at, zone)
        off = lead.day_off(local.date())
        if off is not None and off.kind == "weekend":
            weekend.append(local)
        elif off is not None:
            name = off.run.name if off.run is not None else (off.name or "a public holiday")
            holiday.append((local, name))
        if touch.precision == "minute" and not (NIGHT[0] <= local.time() < NIGHT[1]):
            night.append(local)
    count = len(outs)
    of = f"{_count(len(night), count)} reached" if count > 1 else "Your message reached"
    if night:
        shown = ", ".join(f"{t:%a %d %b %H:%M}" for t in night[:SHOWN])
        reasons.append(("sent_their_night", f"{of} them at night: {shown} their time."))
    if weekend:
        of = f"{_count(len(weekend), count)} reached" if count > 1 else "Your message reached"
        shown = ", ".join(f"{t:%a %d %b}" for t in weekend[:SHOWN])
        reasons.append(("sent_their_weekend", f"{of} them on their weekend: {shown}."))
    if holiday:
        of = f"{_count(len(holiday), count)} reached" if count > 1 else "Your message reached"
        shown = ", ".join(f"{t:%a %d %b} ({name})" for t, name in holiday[:SHOWN])
        reasons.append(("sent_their_holiday", f"{of} them on a holiday: {shown}."))

    since = _days_off_since(lead, outs[-1].at, at)
    if since:
        reasons.append(("holiday_since", f"Since your last message {place} had: {since}."))

    last = dt.datetime.fromtimestamp(outs[-1].at, dt.UTC)
    silent_days = max(0, (at - last).days)
    first = dt.datetime.fromtimestamp(outs[0].at, zone)
    messages = "your message" if count == 1 else f"your {count} messages"
    reasons.append(
        (
            "silent_since",
            f"No answer to {messages} since {first:%a %d %b} ({_days(silent_days)} since the "
            "last).",
        )
    )
    pattern = _reply_pattern(thread, zone, silent_days)
    if pattern:
        reasons.append(pattern)
    return reasons


def _reply_pattern(thread: Thread, zone: ZoneInfo, silent_days: int) -> tuple[str, str] | None:
    pairs = thread.replies
    if len(pairs) < MIN_REPLIES:
        if pairs:
            answer = pairs[-1][1]
            when = dt.datetime.fromtimestamp(answer.at, zone)
            return (
                "replied_before",
                f"They answered before (last on {when:%a %d %b}): the lead is alive.",
            )
        return None
    delays = [max(0.0, answer.at - ours.at) / 3600 for ours, answer in pairs]
    median = statistics.median(delays)
    days = Counter(dt.datetime.fromtimestamp(answer.at, zone).strftime("%A") for _, answer in pairs)
    weekday, times = days.most_common(1)[0]
    usual = f"within {_hours(median)}"
    text = f"They have answered {len(pairs)} times, usually {usual}"
    if times * 2 >= len(pairs):
        text += f", most often on a {weekday} ({times} of {len(pairs)})"
    text += "."
    if median > 0 and silent_days * 24 > max(2 * median, 24):
        text += f" This silence ({_days(silent_days)}) is longer than usual."
    return ("reply_pattern", text)


def _days_off_since(lead: Workweek, since: float, until: dt.datetime) -> str:
    """The public holidays and long breaks between our last message and now."""
    zone = lead.zone
    first = dt.datetime.fromtimestamp(since, zone).date()
    last = until.astimezone(zone).date()
    return lead.memo(("days_off_since", first, last), lambda: _days_off_text(lead, first, last))


def _days_off_text(lead: Workweek, day: dt.date, last: dt.date) -> str:
    names: dict[str, tuple[dt.date, dt.date]] = {}
    for _ in range(62):
        if day > last:
            break
        off = lead.day_off(day)
        if off is not None and off.kind != "weekend":
            if off.run is not None:
                names.setdefault(off.run.name, (off.run.first, off.run.last))
            elif off.name:
                names.setdefault(off.name, (day, day))
        day += dt.timedelta(days=1)
    parts = []
    for name, (first, end) in list(names.items())[:SHOWN]:
        span = f"{first:%d %b}" if first == end else f"{first:%d %b}–{end:%d %b}"
        parts.append(f"{name}, {span}")
    return "; ".join(parts)


def _count(part: int, whole: int) -> str:
    return f"{part} of your {whole} messages"


def _days(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"


def _hours(hours: float) -> str:
    if hours < 1:
        return "an hour"
    if hours < 36:
        whole = max(1, round(hours))
        return f"{whole} hour{'s' if whole != 1 else ''}"
    return _days(round(hours / 24))
