"""``leadcheck log``: record our messages and the lead's replies, one by one or in bulk."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.errors import UsageError
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    DEFAULT_REP_TIMEZONE,
    AtOption,
    DbOption,
    JsonOption,
    RepTimezoneOption,
    SheetOption,
)

FUTURE_SLACK = dt.timedelta(days=1)


@app.command()
def log(
    email: Annotated[
        str | None,
        typer.Argument(
            metavar="EMAIL",
            help="The lead, by the email address it wrote from.",
            show_default=False,
        ),
    ] = None,
    sent: Annotated[
        bool, typer.Option("--sent", help="You sent the lead a message (default channel: Email).")
    ] = False,
    replied: Annotated[bool, typer.Option("--replied", help="The lead answered you.")] = False,
    urgent: Annotated[
        bool,
        typer.Option(
            "--urgent",
            help="Mark the lead urgent (goods at the port waiting for clearance): its steps "
            "come at once and it goes first.",
        ),
    ] = False,
    not_urgent: Annotated[
        bool, typer.Option("--not-urgent", help="Clear the urgent mark.")
    ] = False,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel",
            metavar="C",
            help="Email, WhatsApp, LinkedIn, Phone, WeChat, Zalo, LINE, Platform, ...",
        ),
    ] = None,
    at: AtOption = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="A short note kept with the touch or mark."),
    ] = None,
    import_file: Annotated[
        str | None,
        typer.Option(
            "--import",
            metavar="FILE",
            help="Import a CSV/XLSX history export (lead email, time, direction in/out, "
            "channel, note); - reads CSV from stdin. Importing again adds nothing.",
        ),
    ] = None,
    sheet: SheetOption = None,
    mapping_options: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=HEADER",
            help="With --import: read FIELD (email, time, direction, channel, note) from the "
            "column HEADER (repeatable).",
        ),
    ] = None,
    db: DbOption = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    json_output: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="With --import: exit 4 if any row has an error.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> int:
    """Record a touch: a message you sent, a reply, an urgent mark; or import a history.

    Exit 0 when recorded; 2 for bad usage or an EMAIL the database does not know; 1 if the
    database or the file cannot be used; 4 with --strict if imported rows had errors.
    """
    from leadcheck.batch.store import ResultStore, default_db_path
    from leadcheck.cli.options import rep_from

    zone = rep_from(rep_timezone).zone
    database = db or default_db_path()
    if import_file is not None:
        if email is not None or sent or replied or urgent or not_urgent or channel or at or note:
            raise UsageError("--import takes a whole history: give no EMAIL or touch options")
        with ResultStore(database, lock=False, create=False) as store:
            from leadcheck.followup.logbook import import_history

            summary = import_history(
                store,
                import_file,
                zone=zone,
                sheet=sheet,
                mapping_options=mapping_options or (),
            )
        if json_output:
            from leadcheck.cli.views.console import print_json

            print_json(summary.model_dump(mode="json"))
        elif not quiet:
            from leadcheck.cli.views.log import show_import

            show_import(summary)
        if strict and summary.errors:
            # One line for cron, which mails what stderr says; -q and --json keep it too.
            sys.stderr.write(
                f"leadcheck: {summary.errors:,} of {summary.rows:,} rows have errors "
                "(not imported); exit 4 (--strict)\n"
            )
            return ExitCode.ROW_ERRORS
        return ExitCode.OK

    if email is None:
        raise UsageError(
            "give the lead's EMAIL with --sent, --replied or --urgent, or --import FILE"
        )
    if sheet is not None or mapping_options:
        raise UsageError("--sheet and --map go with --import")
    if sent and replied:
        raise UsageError("--sent and --replied are two touches: log them one at a time")
    if urgent and not_urgent:
        raise UsageError("--urgent and --not-urgent contradict each other")
    if not (sent or replied or urgent or not_urgent):
        raise UsageError("say what happened: --sent, --replied, --urgent or --not-urgent")
    if (channel or at) and not (sent or replied):
        raise UsageError("--channel and --at describe a touch: add --sent or --replied")
    moment = _moment(at, zone)

    from leadcheck.followup.logbook import log_touch, mark_urgent

    results: dict[str, object] = {}
    with ResultStore(database, lock=False, create=False) as store:
        if urgent or not_urgent:
            key = mark_urgent(
                store, email, urgent, note=None if (sent or replied) else note, at=moment
            )
            results["urgent"] = urgent
            results["email"] = key
        if sent or replied:
            logged = log_touch(
                store,
                email,
                direction="out" if sent else "in",
                at=moment,
                channel=channel,
                note=note,
            )
            results.update(logged.model_dump(mode="json"))
    if json_output:
        from leadcheck.cli.views.console import print_json

        print_json(results)
    elif not quiet:
        from leadcheck.cli.views.log import show_logged

        show_logged(results, moment)
    return ExitCode.OK


def _moment(text: str | None, zone: dt.tzinfo) -> dt.datetime:
    from leadcheck.cli.options import parse_at

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    parsed = parse_at(text)
    if parsed is None:
        return now.astimezone(zone)
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=zone)
    if parsed - now > FUTURE_SLACK:
        raise UsageError(f"--at {text}: that is in the future; log what has happened")
    return parsed
