"""The human view of a follow-up plan (``leadcheck followup``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.cli.views.console import console, safe

if TYPE_CHECKING:
    from rich.console import RenderableType

    from leadcheck.followup import FollowupPlan


def show_plan(plan: FollowupPlan) -> None:
    console().print(plan_renderable(plan))


def plan_renderable(plan: FollowupPlan) -> RenderableType:
    """The plan as one panel; every string from the lead or the tables is inert ``Text``."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    local = plan.local_time
    facts.add_row(
        "Their time",
        safe(
            f"{local:%a %d %b %H:%M} {plan.timezone} (UTC{plan.utc_offset}), "
            f"{plan.offset_hours:+g} h from you"
        ),
    )
    status = (
        "holiday"
        if plan.holiday
        else "weekend"
        if plan.is_weekend
        else ("working hours" if plan.is_working_hours else "outside working hours")
    )
    facts.add_row("Now", Text(status))
    if plan.holiday:
        facts.add_row("Holiday", safe(plan.holiday))
    window = plan.next_window
    facts.add_row(
        "Next window",
        Text(
            f"{window.local:%a %d %b %H:%M} their time = {window.rep:%a %d %b %H:%M} yours"
            + (" (open now)" if window.open_now else "")
        ),
    )
    ranking = ", ".join(plan.contact_channels) + (
        " (default ranking)" if plan.is_default_channels else ""
    )
    facts.add_row("Channels", safe(ranking))
    if plan.contacts.phone:
        facts.add_row("Phone", safe(plan.contacts.phone))
    if plan.contacts.whatsapp:
        facts.add_row("WhatsApp", safe(plan.contacts.whatsapp))
    if plan.contacts.email:
        facts.add_row("Email", safe(plan.contacts.email))
    for item in plan.upcoming_holidays:
        facts.add_row("Upcoming", safe(f"{item.date:%a %d %b} {item.name}"))

    steps = Table.grid(padding=(0, 2))
    for column in ("Day", "Date", "Channel", "Do"):
        steps.add_column(column, style="bold" if column == "Channel" else None)
    for step in plan.cadence:
        steps.add_row(
            Text(f"day {step.day}"),
            Text(f"{step.date:%a %d %b}"),
            safe(step.channel),
            safe(step.action, limit=500),
        )
    notes = Table.grid(padding=(0, 1))
    notes.add_column(no_wrap=True)
    notes.add_column(overflow="fold", ratio=1)
    for reason in plan.reasons:
        notes.add_row("•", safe(reason, limit=500))
    return Panel(
        Group(facts, Text(), notes, Text(), Text("If they stay silent", style="bold"), steps),
        title=safe(f"Follow-up: {plan.country_name} ({plan.country})"),
        title_align="left",
    )
