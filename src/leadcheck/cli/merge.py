"""``leadcheck merge``: the shards of a ``batch --shard K/N`` run as one output and database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import DbOption, JsonOption, WaitOption


@app.command()
def merge(
    outputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="SHARD_OUTPUT",
            help="The outputs of the batch --shard runs (.csv, .jsonl, .json or .xlsx).",
            show_default=False,
            dir_okay=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            dir_okay=False,
            help="Write the merged rows here, in input order; the format follows the suffix. "
            "Default: JSON Lines on stdout.",
        ),
    ] = None,
    shard_dbs: Annotated[
        list[Path] | None,
        typer.Option(
            "--shard-db",
            metavar="PATH",
            dir_okay=False,
            help="A shard's results database to copy into --db (repeatable); the newest "
            "result of a lead wins.",
        ),
    ] = None,
    db: DbOption = None,  # the results database the shard databases go into
    wait: WaitOption = 0.0,
    allow_missing: Annotated[
        bool,
        typer.Option(
            "--allow-missing",
            help="Merge the rows there are when some row numbers are in none of the shard "
            "outputs (a shard's output missing), with a warning; without it that is an error.",
        ),
    ] = False,
    json_output: JsonOption = False,
) -> int:
    """Merge the shards of a batch --shard K/N run: every row once, in input order.

    Each shard's output holds its rows with their row number (input_row); the merged
    file is the one a single run would have written. Exit 0 when merged; 1 if a shard
    output cannot be read, two hold the same row, or rows are in none of them (a
    shard's output missing: see --allow-missing); 2 for bad usage or a file that does
    not exist; 75 if another run holds the database.
    """
    import sys

    from leadcheck.batch.merge import merge_run
    from leadcheck.cli.errors import UsageError
    from leadcheck.cli.options import current_settings

    if json_output and output is None:
        raise UsageError("--json prints the summary on stdout: give -o PATH for the rows")
    if db is not None and not shard_dbs:
        raise UsageError("--db is where --shard-db databases go: give them with --shard-db")
    settings = current_settings()
    summary = merge_run(
        list(outputs),
        output,
        databases=list(shard_dbs or ()),
        database=db,
        output_format=settings["output.format"],
        wait=wait,
        allow_missing=allow_missing,
    )
    if summary.missing:  # said even with --json: the merged file is not the whole run
        from leadcheck.cli.views.console import warn

        warn(
            f"{summary.missing}; merged the {summary.rows.rows:,} rows there are (--allow-missing)"
        )
    if json_output:
        from leadcheck.cli.views.console import print_json

        print_json(summary.model_dump(mode="json", exclude_none=True))
    elif output is not None:
        copied = (
            f"; {summary.results_copied:,} results copied into {summary.database}"
            if summary.database
            else ""
        )
        sys.stderr.write(
            f"leadcheck: merged {summary.rows.rows:,} rows from {len(outputs)} shard outputs "
            f"into {output}{copied}\n"
        )
    return ExitCode.OK
