"""``leadcheck batch``: a whole export of leads, verified, scored and planned."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    AllowPrivateOption,
    JsonOption,
    NameserverOption,
    PortMapOption,
    TaxonomyOption,
    TimeoutOption,
)
from leadcheck.net import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from leadcheck.batch.columns import ColumnMapping
    from leadcheck.batch.readers import Table
    from leadcheck.batch.summary import BatchSummary
    from leadcheck.batch.writers import RowResult
    from leadcheck.net.config import NetConfig
    from leadcheck.verify import CheckSession

DEFAULT_CONCURRENCY = 64  # = leadcheck.batch.runner.DEFAULT_CONCURRENCY (not imported: startup)


@app.command()
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
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", help="The sheet of an .xlsx (default: first)."),
    ] = None,
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
    nameserver: NameserverOption = None,
    allow_private: AllowPrivateOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="PATH",
            dir_okay=False,
            help="The results database (default: results.sqlite3 in the user data directory).",
        ),
    ] = None,
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
    wait: Annotated[
        float,
        typer.Option(
            "--wait",
            min=0.0,
            metavar="SECONDS",
            help="If another run holds the database, wait this long for it (default: exit 75 "
            "at once).",
        ),
    ] = 0.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but errors on stderr.")
    ] = False,
    json_output: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 4 if any row has an error.")
    ] = False,
    taxonomy: TaxonomyOption = None,
    port_map: PortMapOption = None,
) -> int:
    """Check every lead of a CSV or Excel export; write each row back with its results.

    Columns are found by their headers (English or Chinese); rows already checked are
    taken from the results database. Exit 0 when the run finished; 1 if it could not
    run; 2 for bad usage; 4 with --strict if some rows have errors; 75 if another run
    holds the database; 130 if interrupted (finished rows are kept: run it again).
    """
    from leadcheck.batch.columns import load_aliases, map_columns, parse_map_options
    from leadcheck.batch.readers import open_table
    from leadcheck.batch.store import default_db_path, parse_age
    from leadcheck.batch.writers import format_for
    from leadcheck.cli.netopts import net_config
    from leadcheck.cli.render import console
    from leadcheck.errors import UsageError

    if json_output and output is None:
        raise UsageError("--json prints the summary on stdout: give -o PATH for the results")
    if no_db and (db is not None or refresh):
        raise UsageError("--no-db cannot go with --db or --refresh")
    if output is not None:
        format_for(output)
    age = parse_age(max_age)
    net = net_config(
        nameservers=nameserver, allow_private=allow_private, timeout=timeout, port_map=port_map
    )
    aliases = load_aliases(aliases_file)
    overrides = parse_map_options(mapping_options or [], aliases)
    err = console(stderr=True)
    chatty = not quiet and err.is_terminal

    with open_table(input_file, aliases, sheet=sheet) as table:
        mapping = map_columns(table.header, aliases, overrides)
        _require_contact_columns(mapping, table)
        if chatty:
            _show_mapping(err, table, mapping)
        total = table.count_rows() if chatty else None
        database = None if no_db else (db or default_db_path())
        summary = _run(
            table,
            mapping,
            output=output,
            database=database,
            max_age_seconds=age.total_seconds(),
            refresh=refresh,
            wait=wait,
            concurrency=concurrency,
            net=net,
            taxonomy=taxonomy,
            total=total,
            err=err if chatty else None,
        )
    if json_output:
        from leadcheck.cli.render import print_json

        print_json(summary.model_dump(mode="json"))
    if chatty:
        _show_summary(err, summary)
    if summary.interrupted:
        if not quiet:
            sys.stderr.write(
                f"leadcheck: interrupted after {summary.rows} rows; finished rows are kept, "
                "run the same command again to go on\n"
            )
        return ExitCode.INTERRUPTED
    if strict and summary.errors:
        return ExitCode.ROW_ERRORS
    return ExitCode.OK


def _require_contact_columns(mapping: ColumnMapping, table: Table) -> None:
    from leadcheck.errors import InputFileError
    from leadcheck.textsafe import clean_line

    if mapping.column("email") is None and mapping.column("website") is None:
        headers = ", ".join(repr(clean_line(h, limit=60)) for h in table.header if h.strip())
        raise InputFileError(
            f"{table.source}: no email or website column found among the headers "
            f"({headers or 'none'}); name them with --map email=HEADER --map website=HEADER"
        )


def _run(
    table: Table,
    mapping: ColumnMapping,
    *,
    output: Path | None,
    database: Path | None,
    max_age_seconds: float,
    refresh: bool,
    wait: float,
    concurrency: int,
    net: NetConfig,
    taxonomy: Path | None,
    total: int | None,
    err: Console | None,
) -> BatchSummary:
    """Open the store and the output, run, finish the output (or discard it on failure)."""
    from contextlib import ExitStack
    from datetime import timedelta

    from leadcheck.batch.rows import build_rows
    from leadcheck.batch.runner import run_batch
    from leadcheck.batch.store import ResultStore
    from leadcheck.batch.writers import open_writer

    with ExitStack() as stack:
        store = None
        if database is not None:
            store = stack.enter_context(
                ResultStore(
                    database,
                    max_age=timedelta(seconds=max_age_seconds),
                    refresh=refresh,
                    wait=wait,
                )
            )
        writer = open_writer(output, table.header, stdout=sys.stdout)
        observer = _ProgressObserver(err) if err is not None else None

        async def go() -> BatchSummary:
            async with _open_session(net, taxonomy) as session:
                return await run_batch(
                    build_rows(table.records(), mapping),
                    session,
                    writer,
                    concurrency=concurrency,
                    store=store,
                    observer=observer,
                    total=total,
                    handle_signals=True,
                    row_timeout=max(60.0, net.timeout * 4),
                    key_context=_key_context(taxonomy),
                )

        try:
            summary = asyncio.run(go())
        except BaseException:
            writer.discard()
            raise
        finally:
            if observer is not None:
                observer.stop()
        writer.finish()
    return summary.model_copy(update={"output": str(output) if output else None})


def _open_session(net: NetConfig, taxonomy: Path | None) -> CheckSession:
    """The stage-1 session that checks the leads (tests put a fake in its place)."""
    from leadcheck.verify import CheckSession, VerifyOptions

    return CheckSession(VerifyOptions(net=net, taxonomy_path=taxonomy))


def _key_context(taxonomy: Path | None) -> str:
    """Results made with another taxonomy file are not reused."""
    if taxonomy is None:
        return ""
    try:
        stat = taxonomy.stat()
    except OSError:
        return f"taxonomy={taxonomy}"
    return f"taxonomy={taxonomy.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def _show_mapping(err: Console, table: Table, mapping: ColumnMapping) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    from leadcheck.cli.render import safe

    grid = RichTable(title=None, show_header=True, header_style="bold", box=None, pad_edge=False)
    grid.add_column("field")
    grid.add_column("column")
    for field, header in mapping.describe():
        grid.add_row(Text(field), safe(header) if header != "-" else Text("—", style="dim"))
    err.print(
        Text.assemble(("Reading ", ""), safe(table.source, style="bold"), f" ({table.describe()})")
    )
    err.print(grid)
    unused = [h for h in mapping.unmapped_headers if h.strip()]
    if unused:
        err.print(Text("Passed through: ", style="dim") + safe(", ".join(unused), limit=300))


class _ProgressObserver:
    """A rich progress bar with rate and ETA, on stderr."""

    def __init__(self, err: Console) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress: Progress = Progress(
            TextColumn("[bold]checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=err,
            transient=False,
        )
        self._task: TaskID | None = None
        self._started = 0.0
        self._done = 0

    def on_start(self, total: int | None) -> None:
        import time

        self._started = time.monotonic()
        self._progress.start()
        self._task = self._progress.add_task("batch", total=total, rate="")

    def on_row_done(self, row: RowResult) -> None:
        import time

        self._done += 1
        if self._task is None:
            return
        elapsed = time.monotonic() - self._started
        rate = f"{self._done / elapsed:,.1f} rows/s" if elapsed > 0 else ""
        self._progress.update(self._task, advance=1, rate=rate)

    def on_finish(self, summary: BatchSummary) -> None:
        if self._task is not None and not summary.interrupted:
            self._progress.update(self._task, total=self._done, completed=self._done)

    def stop(self) -> None:
        self._progress.stop()


def _show_summary(err: Console, summary: BatchSummary) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    from leadcheck.cli.render import safe

    head = RichTable(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column(justify="right")
    head.add_row("rows written", f"{summary.rows:,}")
    head.add_row("checked now", f"{summary.checked:,}")
    head.add_row("from the database", f"{summary.cached:,}")
    head.add_row("row errors", Text(f"{summary.errors:,}", style="red" if summary.errors else ""))
    if summary.unfinished:
        head.add_row("not finished", f"{summary.unfinished:,}")
    head.add_row(
        "time", f"{summary.elapsed_seconds:,.1f} s ({summary.rows_per_second:,.1f} rows/s)"
    )
    err.print(head)
    counts = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for title in ("verdict", "", "fit tier", "", "country", ""):
        counts.add_column(title, justify="right" if not title else "left")
    verdicts = list(summary.verdicts.items())
    tiers = list(summary.tiers.items())
    countries = list(summary.countries.items())[:10]
    for i in range(max(len(verdicts), len(tiers), len(countries))):
        cells: list[Text] = []
        for items in (verdicts, tiers, countries):
            if i < len(items):
                cells.extend([safe(items[i][0]), Text(f"{items[i][1]:,}")])
            else:
                cells.extend([Text(""), Text("")])
        counts.add_row(*cells)
    err.print(counts)
    if summary.output:
        err.print(Text("Results: ") + safe(summary.output, style="bold"))
