"""The follow-up cadence for a lead who stays silent: which channel on which day, and why.

The steps (day and role) and their reasoning live in ``data/channels.toml``; this module
picks the channel for each role from the country's ranking and the contacts known, and
moves each step to a working day in the lead's country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadcheck.contacts import Contacts
from leadcheck.followup.channels import CadenceRule, ChannelTable
from leadcheck.followup.timing import WINDOW_HORIZON_DAYS, WorkCalendar
from leadcheck.models import Frozen

# Which Contacts.social network holds a page for a channel.
_NETWORK = {
    "Facebook": "facebook",
    "Messenger": "facebook",
    "Instagram": "instagram",
    "Twitter": "twitter",
    "VK": "vk",
    "Odnoklassniki": "odnoklassniki",
    "Weibo": "weibo",
    "LinkedIn": "linkedin",
}
# Which Contacts field holds links for a phone messenger.
_MESSENGER_FIELD = {
    "WhatsApp": "whatsapp",
    "Telegram": "telegram",
    "Viber": "viber",
    "WeChat": "wechat",
    "Zalo": "zalo",
    "LINE": "line",
}


class CadenceStep(Frozen):
    day: int  # days after the first email
    date: dt.date  # the day itself, moved to a working day in the lead's country
    channel: str
    action: str
    why: str
    link: str | None = None


def chat_link(table: ChannelTable, channel: str, e164: str | None) -> str | None:
    """A click-to-chat link for a phone messenger, when the tool has one and a number is known."""
    tool = table.tools.get(channel)
    if tool is None or tool.link is None or not e164:
        return None
    return tool.link.replace("{digits}", e164.lstrip("+"))


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """One step of the cadence with its channel chosen for a country's ranking."""

    number: int  # 1 = the first follow-up after the first email
    rule: CadenceRule
    channel: str


def cadence_channels(table: ChannelTable, channels: tuple[str, ...]) -> tuple[PlannedStep, ...]:
    """The cadence's steps for a country's ranking, each on another channel.

    ``first`` is the best-ranked working phone or social channel, ``other`` the
    best-ranked of the other kind, ``b2b`` the first B2B channel that is not email; a
    step whose channel is missing or already used is left out.
    """
    usable = [
        name
        for name in channels
        if table.tools[name].usable and table.tools[name].kind in ("phone", "social")
    ]
    first = usable[0] if usable else None
    other = None
    if first is not None:
        other_kind = "social" if table.tools[first].kind == "phone" else "phone"
        other = next((n for n in usable if table.tools[n].kind == other_kind), None)
    b2b = next((n for n in table.b2b if table.tools[n].kind == "b2b"), None)
    picks: dict[str, str | None] = {
        "first": first,
        "other": other,
        "b2b": b2b,
        "phone": "Phone",
        "email": "Email",
    }
    steps: list[PlannedStep] = []
    used: set[str] = set()
    for rule in table.cadence:
        channel = picks[rule.role]
        if channel is None or channel in used:
            continue
        used.add(channel)
        steps.append(PlannedStep(number=len(steps) + 1, rule=rule, channel=channel))
    return tuple(steps)


def step_action(
    table: ChannelTable,
    step: PlannedStep,
    *,
    phone: str | None,
    email: str | None,
    website: Contacts | None,
    hours: str,
) -> tuple[str, str | None]:
    """What to do for one step, in one line, and the link that does it (if any)."""
    return _action(table, step.rule, step.channel, phone, email, website or Contacts(), hours)


@dataclass(frozen=True, slots=True)
class ScheduledStep:
    """One step of the cadence on its date, before the lead's contacts fill it in."""

    rule: CadenceRule
    channel: str
    date: dt.date  # a working day in the lead's country (and the rep's)
    why: str


def cadence_schedule(
    *,
    table: ChannelTable,
    calendar: WorkCalendar,
    channels: tuple[str, ...],
    country_name: str,
    start: dt.date,
    rep_calendar: WorkCalendar | None = None,
    rep_today: dt.date | None = None,
) -> tuple[ScheduledStep, ...]:
    """The cadence's channels and dates, from the first email on ``start``: what every
    lead of one country planned on one day shares (:func:`fill_cadence` fills it in)."""
    steps: list[ScheduledStep] = []
    previous: dt.date | None = None
    for planned in cadence_channels(table, channels):
        rule, channel = planned.rule, planned.channel
        day = start + dt.timedelta(days=rule.day)
        if rep_today is not None and day < rep_today:
            day = rep_today
        date = _shared_working_day(calendar, rep_calendar, day)
        if previous is not None and date <= previous:  # two steps pushed onto one day
            date = _shared_working_day(calendar, rep_calendar, previous + dt.timedelta(days=1))
        previous = date
        why = rule.why.replace("{channel}", channel).replace("{country}", country_name)
        steps.append(ScheduledStep(rule=rule, channel=channel, date=date, why=why))
    return tuple(steps)


def build_cadence(
    *,
    table: ChannelTable,
    calendar: WorkCalendar,
    channels: tuple[str, ...],
    country_name: str,
    start: dt.date,
    phone: str | None = None,
    email: str | None = None,
    website: Contacts | None = None,
    rep_calendar: WorkCalendar | None = None,
    rep_today: dt.date | None = None,
) -> tuple[CadenceStep, ...]:
    """The steps of the cadence, each on another channel, from the first email on ``start``.

    Each step falls on a working day of the lead's country and, with ``rep_calendar``,
    of the rep's too (Spring Festival or Golden Week hold the cadence back), never
    before ``rep_today`` (the rep's own date): :func:`cadence_schedule`, filled in
    with the lead's contacts by :func:`fill_cadence`."""
    schedule = cadence_schedule(
        table=table,
        calendar=calendar,
        channels=channels,
        country_name=country_name,
        start=start,
        rep_calendar=rep_calendar,
        rep_today=rep_today,
    )
    return fill_cadence(
        schedule, table=table, calendar=calendar, phone=phone, email=email, website=website
    )


def fill_cadence(
    schedule: tuple[ScheduledStep, ...],
    *,
    table: ChannelTable,
    calendar: WorkCalendar,
    phone: str | None = None,
    email: str | None = None,
    website: Contacts | None = None,
) -> tuple[CadenceStep, ...]:
    """The steps of a schedule, each with what to do and the link that does it, for a
    lead with these contacts (a kept schedule serves every lead of its country and day)."""
    website = website or Contacts()
    if phone is None and website.phones:
        phone = website.phones[0]
    hours = f"{calendar.start:%H:%M}–{calendar.end:%H:%M}"
    steps: list[CadenceStep] = []
    for step in schedule:
        action, link = _action(table, step.rule, step.channel, phone, email, website, hours)
        steps.append(
            CadenceStep(
                day=step.rule.day,
                date=step.date,
                channel=step.channel,
                action=action,
                why=step.why,
                link=link,
            )
        )
    return tuple(steps)


def _shared_working_day(lead: WorkCalendar, rep: WorkCalendar | None, day: dt.date) -> dt.date:
    """``day`` or the first day after it on which the lead and the rep both work."""
    if rep is None:
        return lead.next_working_day(day)
    for offset in range(WINDOW_HORIZON_DAYS):
        candidate = day + dt.timedelta(days=offset)
        if lead.is_working_day(candidate) and rep.is_working_day(candidate):
            return candidate
    return lead.next_working_day(day)


def _action(
    table: ChannelTable,
    rule: CadenceRule,
    channel: str,
    phone: str | None,
    email: str | None,
    website: Contacts,
    hours: str,
) -> tuple[str, str | None]:
    if rule.role == "phone":
        if phone:
            return f"Call {phone} in their working hours ({hours} local).", f"tel:{phone}"
        return (
            f"Find the company's phone number (website, email signature, platform profile) "
            f"and call in their working hours ({hours} local).",
            None,
        )
    if rule.role == "email":
        to = f" to {email}" if email else ""
        return f"Send a last short email{to} that closes the loop politely.", (
            f"mailto:{email}" if email else None
        )
    tool = table.tools[channel]
    note = f" {tool.note}" if tool.note else ""
    if tool.kind == "phone":
        field = _MESSENGER_FIELD.get(channel)
        known: tuple[str, ...] = getattr(website, field) if field else ()
        link = chat_link(table, channel, phone) or (known[0] if known else None)
        if phone:
            return f"Send a short {channel} message to {phone} pointing to your email.{note}", link
        if known:
            return f"Message them on {channel} through the contact on their website.", known[0]
        return (
            f"Find their {channel} number (website, email signature, platform profile) and send "
            f"a short message pointing to your email.{note}",
            None,
        )
    network = _NETWORK.get(channel)
    profile = next((p.url for p in website.social if p.network == network), None)
    if tool.kind == "b2b":
        return (
            f"Find the buyer at the company on {channel} (purchasing, engineering or the owner) "
            "and connect with a short note.",
            profile,
        )
    where = (
        "the company's page found on its website" if profile else f"the company's {channel} page"
    )
    return f"Send a short message to {where}.{note}", profile
