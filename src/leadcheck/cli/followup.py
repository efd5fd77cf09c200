"""``leadcheck followup``: how and when to reach a lead who does not reply."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import JsonOption
from leadcheck.errors import UsageError

if TYPE_CHECKING:
    from leadcheck.followup import FollowupPlan


def parse_at(text: str | None) -> dt.datetime | None:
    """``--at``: ISO 8601, with or without offset; a naive value is the rep's own clock."""
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--at: cannot read {text[:40]!r} as a date and time; use ISO 8601 such as "
            "2026-10-02T18:30 (your time zone) or 2026-10-02T18:30+02:00"
        ) from None


@app.command()
def followup(
    country: Annotated[
        str,
        typer.Argument(
            help="The lead's country: ISO code or name (DE, USA, United Kingdom, Türkiye...).",
            show_default=False,
        ),
    ],
    phone: Annotated[
        str | None,
        typer.Option("--phone", metavar="P", help="The lead's phone number (refines the zone)."),
    ] = None,
    email: Annotated[
        str | None, typer.Option("--email", metavar="E", help="The lead's email address.")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            metavar="DATETIME",
            help="Plan as of this moment (ISO 8601; without an offset it is in --rep-timezone). "
            "Default: now.",
        ),
    ] = None,
    rep_timezone: Annotated[
        str,
        typer.Option("--rep-timezone", metavar="TZ", help="Your own time zone (IANA name)."),
    ] = "Asia/Shanghai",
    json_output: JsonOption = False,
) -> int:
    """Plan the follow-up of a silent lead: channels, local time, holidays, next window."""
    from leadcheck.followup import plan_followup

    plan = plan_followup(
        country, phone=phone, email=email, at=parse_at(at), rep_timezone=rep_timezone
    )
    if json_output:
        sys.stdout.write(plan.model_dump_json() + "\n")
    else:
        _render(plan)
    return ExitCode.OK


def _render(plan: FollowupPlan) -> None:
    from rich.console import Console, Group
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    from leadcheck.textsafe import clean_line

    def safe(text: str | None) -> str:
        return escape(clean_line(text, limit=500) or "")

    console = Console(highlight=False)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    local = plan.local_time
    facts.add_row(
        "Their time",
        f"{local:%a %d %b %H:%M} {safe(plan.timezone)} (UTC{plan.utc_offset}), "
        f"{plan.offset_hours:+g} h from you",
    )
    status = (
        "holiday"
        if plan.holiday
        else "weekend"
        if plan.is_weekend
        else ("working hours" if plan.is_working_hours else "outside working hours")
    )
    facts.add_row("Now", status)
    if plan.holiday:
        facts.add_row("Holiday", safe(plan.holiday))
    window = plan.next_window
    facts.add_row(
        "Next window",
        f"{window.local:%a %d %b %H:%M} their time = {window.rep:%a %d %b %H:%M} yours"
        + (" (open now)" if window.open_now else ""),
    )
    ranking = ", ".join(plan.channels_usable) + (
        " (default ranking)" if plan.is_default_channels else ""
    )
    facts.add_row("Channels", safe(ranking))
    facts.add_row("Also (B2B)", safe(", ".join(plan.b2b_channels)))
    if plan.contacts.phone:
        facts.add_row("Phone", safe(plan.contacts.phone))
    if plan.contacts.whatsapp:
        facts.add_row("WhatsApp", safe(plan.contacts.whatsapp))
    if plan.contacts.email:
        facts.add_row("Email", safe(plan.contacts.email))
    for item in plan.upcoming_holidays:
        facts.add_row("Upcoming", f"{item.date:%a %d %b} {safe(item.name)}")

    steps = Table.grid(padding=(0, 2))
    for column in ("Day", "Date", "Channel", "Do"):
        steps.add_column(column, style="bold" if column == "Channel" else None)
    for step in plan.cadence:
        steps.add_row(
            f"day {step.day}", f"{step.date:%a %d %b}", safe(step.channel), safe(step.action)
        )
    notes = "\n".join(f"• {safe(reason)}" for reason in plan.reasons)
    console.print(
        Panel(
            Group(facts, "", notes, "", "[bold]If they stay silent[/bold]", steps),
            title=f"Follow-up: {safe(plan.country_name)} ({plan.country})",
            title_align="left",
        )
    )
