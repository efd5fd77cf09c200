"""``leadcheck due``: the silent leads to chase today, how and when."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.errors import UsageError
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import DEFAULT_REP_TIMEZONE, AtOption, DbOption, RepTimezoneOption

if TYPE_CHECKING:
    from leadcheck.followup.due import DueList


@app.command()
def due(
    at: AtOption = None,
    db: DbOption = None,
    json_output: Annotated[
        bool,
        typer.Option("--json", help="Print one JSON array of the actions on stdout, nothing else."),
    ] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            dir_okay=False,
            help="Also write the actions as an iCalendar file (Outlook, Google, Apple Calendar).",
        ),
    ] = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    rep_country: Annotated[
        str | None,
        typer.Option(
            "--rep-country",
            metavar="CC",
            help="Whose public holidays you keep: no step falls on them (default: from "
            "your settings, CN).",
        ),
    ] = None,
    rep_hours: Annotated[
        str | None,
        typer.Option(
            "--rep-hours",
            metavar="HH:MM-HH:MM",
            help="Your working hours: a call falls inside them (default: from your settings, "
            "else your country's, 09:00-18:00 in CN).",
        ),
    ] = None,
    days: Annotated[
        float,
        typer.Option(
            "--days",
            min=0.01,
            max=60.0,
            metavar="N",
            help="List what falls due in the next N days.",
        ),
    ] = 1.0,
    every: Annotated[
        bool, typer.Option("--all", help="List the next step of every open lead, whenever due.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="With --ics: print nothing else.")
    ] = False,
) -> int:
    """List the silent leads to chase now: the step, the channel, when (their time and
    yours) and why they are probably silent; most important first.

    A lead is listed when it was never answered or our last message is unanswered; a
    reply removes it until you write again; fakes never appear. Exit 0 when the list
    was made (even empty); 1 if the database cannot be read; 2 for bad usage.
    """
    from leadcheck.batch.store import default_db_path
    from leadcheck.cli.options import current_settings
    from leadcheck.followup.due import due_from_database

    if quiet and ics is None:
        raise UsageError("--quiet goes with --ics (otherwise nothing would be shown)")
    rep = current_settings(
        rep__timezone=rep_timezone, rep__country=rep_country, rep__hours=rep_hours
    ).rep
    moment = _moment(at, rep.zone)
    horizon = None if every else dt.timedelta(days=days)
    result = due_from_database(db or default_db_path(), at=moment, rep=rep, horizon=horizon)
    if ics is not None:
        _write_ics(ics, result)
    if json_output:
        from leadcheck.cli.views.due import print_items

        print_items(result)
    elif not quiet:
        from leadcheck.cli.views.due import show_due

        show_due(result)
    return ExitCode.OK


def _moment(text: str | None, zone: dt.tzinfo) -> dt.datetime:
    from leadcheck.cli.options import parse_at

    parsed = parse_at(text)
    if parsed is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0).astimezone(zone)
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.replace(tzinfo=zone)
    return parsed


def _write_ics(path: Path, result: DueList) -> None:
    from leadcheck.errors import LeadcheckError
    from leadcheck.followup.ics import due_calendar

    data = due_calendar(result)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LeadcheckError(f"cannot write {path} ({exc.strerror or exc})") from exc
