"""``leadcheck batch``: a whole export of leads, verified, scored and planned."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    DEFAULT_REP_TIMEZONE,
    DbOption,
    JsonOption,
    RepTimezoneOption,
    SheetOption,
    TaxonomyOption,
    WaitOption,
    network_options,
)

if TYPE_CHECKING:
    from leadcheck.net.config import NetConfig

DEFAULT_CONCURRENCY = 64  # = leadcheck.batch.runner.DEFAULT_CONCURRENCY (a test keeps them equal)


@app.command()
@network_options
def batch(
    input_file: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A .csv or .xlsx export of inquiries, or - for CSV on stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            dir_okay=False,
            help="Write the results here; the format follows the suffix: .csv, .jsonl, .json, "
            ".xlsx. Default: JSON Lines on stdout.",
        ),
    ] = None,
    sheet: SheetOption = None,
    mapping_options: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=HEADER",
            help="Read FIELD from the column named HEADER (repeatable); FIELD= ignores a "
            "field. Fields: company, contact, email, website, phone, mobile, whatsapp, "
            "country, message, subject, product, inquiry_id, date.",
        ),
    ] = None,
    aliases_file: Annotated[
        Path | None,
        typer.Option(
            "--aliases",
            metavar="PATH",
            dir_okay=False,
            help="Use this column-aliases file instead of the shipped column_aliases.toml.",
        ),
    ] = None,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency",
            "-j",
            min=1,
            max=1024,
            metavar="N",
            help="Check this many leads at once.",
        ),
    ] = DEFAULT_CONCURRENCY,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=256,
            metavar="N",
            help="Check the leads in N worker processes, split by domain (default: the "
            "machine's cores; 1 checks them in this process).",
            show_default=False,
        ),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard",
            metavar="K/N",
            help="Check only the rows whose domain falls in shard K of N (K from 0), into "
            "their own database; combine the shards' outputs with leadcheck merge.",
        ),
    ] = None,
    db: DbOption = None,
    no_db: Annotated[
        bool, typer.Option("--no-db", help="Keep no results database: check every row.")
    ] = False,
    max_age: Annotated[
        str,
        typer.Option(
            "--max-age",
            metavar="AGE",
            help="Check again a lead whose stored result is older than this (30m, 12h, 7d, 2w).",
        ),
    ] = "7d",
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Check every row again, ignoring stored results.")
    ] = False,
    wait: WaitOption = 0.0,
    force: Annotated[
        bool,
        typer.Option("--force", help="Allow -o to name the input file (replaced at the end)."),
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="PATH",
            dir_okay=False,
            help="Also write a one-page HTML report of the run here (opens offline).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but errors on stderr.")
    ] = False,
    json_output: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 4 if any row has an error.")
    ] = False,
    taxonomy: TaxonomyOption = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    *,
    net: NetConfig,
) -> int:
    """Check every lead of a CSV or Excel export; write each row back with its results.

    Columns are found by their headers (English or Chinese); rows already checked are
    taken from the results database. Exit 0 when the run finished; 1 if it could not
    run; 2 for bad usage; 4 with --strict if some rows have errors; 75 if another run
    holds the database; 130 if interrupted (finished rows are kept: run it again).
    """
    import sys

    from leadcheck.batch.run import BatchOptions, run_file
    from leadcheck.batch.sharding import parse_shard
    from leadcheck.batch.store import parse_age
    from leadcheck.batch.workers import default_workers
    from leadcheck.cli.errors import UsageError
    from leadcheck.cli.options import current_settings
    from leadcheck.cli.views.console import console

    if json_output and output is None:
        raise UsageError("--json prints the summary on stdout: give -o PATH for the results")
    if no_db and (db is not None or refresh):
        raise UsageError("--no-db cannot go with --db or --refresh")
    err = console(stderr=True)
    chatty = not quiet and err.is_terminal
    settings = current_settings(rep__timezone=rep_timezone)
    if input_file == "-" and not quiet and sys.stdin.isatty():
        sys.stderr.write(
            "leadcheck: reading CSV from stdin (the terminal); end with Ctrl-D, or give a file\n"
        )
    options = BatchOptions(
        output=output,
        output_format=settings["output.format"],
        force=force,
        report=report,
        sheet=sheet,
        column_map=tuple(mapping_options or ()),
        aliases_path=aliases_file,
        concurrency=concurrency,
        workers=workers if workers is not None else default_workers(),
        shard=parse_shard(shard) if shard is not None else None,
        database=db,
        use_database=not no_db,
        max_age=parse_age(max_age),
        refresh=refresh,
        wait=wait,
        net=net,
        taxonomy_path=taxonomy,
        rep=settings.rep,
        count_rows=chatty,
        handle_signals=True,
    )
    observer = None
    if chatty:
        from leadcheck.cli.views.batch import ProgressObserver

        observer = ProgressObserver(err)
    try:
        summary = run_file(input_file, options, observer)
    finally:
        if observer is not None:
            observer.stop()
    if json_output:
        from leadcheck.cli.views.console import print_json

        # null means "could not be determined"; what does not apply is left out.
        print_json(summary.model_dump(mode="json"))
    if chatty:
        from leadcheck.cli.views.batch import show_summary

        show_summary(err, summary)
    if summary.network_problem:  # said once, even with --quiet: the results are not final
        from leadcheck.cli.views.console import warn

        warn(
            f"{summary.network_problem} {summary.network_rows:,} row(s) are unknown because "
            "of it and were not stored: run the same command again when the network works."
        )
    if summary.interrupted:
        kept = (
            f" (the rows so far are in {summary.partial_output})" if summary.partial_output else ""
        )
        sys.stderr.write(
            f"leadcheck: interrupted after {summary.rows} rows{kept}; finished rows are kept "
            "in the database: run the same command again to go on\n"
        )
        return ExitCode.INTERRUPTED
    if strict and summary.errors:
        # One line for cron, which mails what stderr says; -q keeps it too.
        where = f" of {summary.output}" if summary.output else ""
        sys.stderr.write(
            f"leadcheck: {summary.errors:,} of {summary.rows:,} rows have errors (see the "
            f"'error' column{where}); exit 4 (--strict)\n"
        )
        return ExitCode.ROW_ERRORS
    return ExitCode.OK
