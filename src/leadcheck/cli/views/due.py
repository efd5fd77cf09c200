"""The human and JSON views of ``leadcheck due``: the day's table, the JSON array."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from leadcheck.cli.views.console import console, safe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    from leadcheck.followup.due import DueItem, DueList

MAX_REASONS_SHOWN = 3


def print_items(result: DueList) -> None:
    """One JSON array on stdout, one action a line (a busy day is thousands of them)."""
    from leadcheck.textsafe import json_dumps

    lines = [json_dumps(item.as_json()) for item in result.items]
    sys.stdout.write("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n")
    sys.stdout.flush()


def show_due(result: DueList) -> None:
    out = console()
    _header(out, result)
    if result.items:
        out.print(_table(result))


def _header(out: Console, result: DueList) -> None:
    from rich.text import Text

    summary = result.summary
    span = (
        f"{result.at:%a %d %b %H:%M} – {result.until:%a %d %b %H:%M}"
        if result.until is not None
        else f"from {result.at:%a %d %b %H:%M}, every open lead"
    )
    overdue = sum(1 for item in result.items if item.overdue)
    urgent = sum(1 for item in result.items if item.urgent)
    line = Text.assemble(
        ("Due ", "bold"),
        (span, "bold"),
        f" ({result.rep.timezone}): {summary.listed} action{'s' if summary.listed != 1 else ''}",
    )
    extras = []
    if urgent:
        extras.append(f"{urgent} urgent")
    if overdue:
        extras.append(f"{overdue} overdue")
    if extras:
        line.append(f" ({', '.join(extras)})")
    out.print(line)
    out.print(
        Text(
            f"{summary.leads} leads: {summary.later} waiting for a later step, "
            f"{summary.replied} answered you (your turn, in your inbox), {summary.fake} fake "
            f"(never listed), {summary.closed} closed.",
            style="dim",
        )
    )


def _table(result: DueList) -> RichTable:
    """One table for the day: a section per hour of the rep's clock, most important first."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("when")
    table.add_column("lead", max_width=26)
    table.add_column("what to do, and why", ratio=1)
    groups: dict[tuple[dt.date, int], list[DueItem]] = {}
    for item in result.items:
        rep_time = item.action_at_rep
        groups.setdefault((rep_time.date(), rep_time.hour), []).append(item)
    for number, (_, items) in enumerate(sorted(groups.items())):
        if number:
            table.add_section()
        for item in sorted(items, key=lambda i: i.priority):
            when = Text(f"{item.action_at_rep:%a %d %b}\n", style="dim")
            when.append(f"{item.action_at_rep:%H:%M} yours", style="bold")
            city = item.timezone.rsplit("/", 1)[-1].replace("_", " ")
            when.append(f"\n{item.action_at:%a %H:%M} ")
            when.append_text(safe(city, limit=30))
            lead = safe(item.company or item.email, style="bold", limit=60)
            lead.append("\n")
            lead.append_text(safe(item.email, limit=80))
            details = [item.country or "??", item.verdict or "?", f"fit {item.fit_tier or '?'}"]
            lead.append_text(Text("\n" + " · ".join(details), style="dim"))
            table.add_row(Text(str(item.priority)), when, lead, _what(item))
    return table


def _what(item: DueItem) -> Text:
    from rich.text import Text

    text = Text()
    if item.urgent:
        text.append("URGENT ", style="bold red")
    text.append(_step_name(item), style="bold")
    if item.overdue:
        text.append(" overdue", style="yellow")
    text.append("\n")
    text.append_text(safe(item.action, limit=400))
    for link in item.links[:2]:
        text.append("\n")
        text.append_text(safe(link, style="cyan", limit=200))
    shown = [r for r in item.reasons if r.code != "why_this_channel"][:MAX_REASONS_SHOWN]
    for reason in shown:
        text.append("\n")
        text.append_text(safe("• " + reason.message, style="dim", limit=300))
    return text


def _step_name(item: DueItem) -> str:
    if item.kind == "first-email":
        return "0 · first email"
    if item.kind == "close-the-loop":
        return f"{item.step} · close the loop"
    if item.kind == "check-again":
        return "check again"
    return f"{item.step} · {item.channel}" + (f" (day {item.day})" if item.day else "")
