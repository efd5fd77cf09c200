"""``run_file``: one call that checks a whole export, the library behind ``leadcheck batch``.

::

    from leadcheck.batch import BatchOptions, run_file

    summary = run_file("inquiries.xlsx", BatchOptions(output=Path("checked.xlsx")))

It owns what a batch run needs from start to end: reading the table and finding
its columns (the email or website column is required), the results database (its
lock, resume and freshness rules, and the key that keeps results made with another
taxonomy apart), the output writer (written under a temporary name and moved into
place when the run finishes), the session that checks the leads, and the last-resort
bound on one row's check. Progress goes to an :class:`Observer`, so the library
never touches a terminal.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pydantic import Field, model_validator

from leadcheck import eventloop
from leadcheck.batch.outcome import replan
from leadcheck.batch.own_columns import OwnColumns, own_columns
from leadcheck.batch.runner import DEFAULT_CONCURRENCY, Observer, Sink, run_batch
from leadcheck.batch.sharding import Shard
from leadcheck.batch.store import DEFAULT_MAX_AGE
from leadcheck.batch.summary import BatchSummary
from leadcheck.errors import BadOptionError, InputFileError
from leadcheck.followup.rep import RepSettings, fold_rep_timezone
from leadcheck.models import Frozen
from leadcheck.net.config import NetConfig

if TYPE_CHECKING:
    from leadcheck.batch.columns import ColumnMapping
    from leadcheck.batch.readers import Table
    from leadcheck.batch.rows import SourceRow
    from leadcheck.batch.writers import RowResult
    from leadcheck.pipeline import CheckSession

# A row's check is bounded by its own deadline (the network timeout); this is the
# last resort behind it, for a check that hangs in code rather than on the network.
MIN_ROW_TIMEOUT = 60.0


class BatchOptions(Frozen):
    """Everything a batch run is told. Defaults are those of ``leadcheck batch``."""

    output: Path | None = None  # None: JSON Lines (or ``output_format``) on ``stdout``
    output_format: str | None = None  # "csv", "jsonl", "json", "xlsx": without a suffix
    force: bool = False  # allow ``output`` to be the input file (replaced at the end)
    report: Path | None = None  # also write the HTML report of the run here
    sheet: str | None = None
    column_map: tuple[str, ...] = ()  # "FIELD=HEADER" items, as --map takes them
    aliases_path: Path | None = None
    concurrency: int = Field(default=DEFAULT_CONCURRENCY, ge=1, le=1024)
    database: Path | None = None  # None: the user's default results database
    use_database: bool = True
    max_age: timedelta = DEFAULT_MAX_AGE
    refresh: bool = False
    wait: float = Field(default=0.0, ge=0)
    net: NetConfig = NetConfig()
    taxonomy_path: Path | None = None
    rep: RepSettings = RepSettings()  # the rep's clock, working day and days off
    count_rows: bool = False  # count the input's rows first (for a progress bar's total)
    handle_signals: bool = False  # SIGINT/SIGTERM stop the run gracefully
    # Worker processes checking the leads (the CLI's default: the machine's cores); 1
    # checks them in this process. See leadcheck.batch.workers.
    workers: int = Field(default=1, ge=1, le=256)
    # Only the rows whose domain falls in this shard, as batch --shard K/N; their
    # output has an input_row column first, for leadcheck merge. See batch.sharding.
    shard: Shard | None = None

    @model_validator(mode="before")
    @classmethod
    def _rep_timezone_alone(cls, data: Any) -> Any:
        """``rep_timezone="Europe/Berlin"`` (the older spelling) sets ``rep.timezone``."""
        return fold_rep_timezone(data)

    @property
    def rep_timezone(self) -> str:
        return self.rep.timezone


SessionFactory = Callable[[BatchOptions], "CheckSession"]


def _forks_workers(options: BatchOptions) -> bool:
    from leadcheck.batch.workers import can_fork

    return options.workers > 1 and can_fork()


def open_session(options: BatchOptions) -> CheckSession:
    """The session that checks a run's leads: real network, the run's settings."""
    from leadcheck.pipeline import CheckOptions, CheckSession

    return CheckSession(
        CheckOptions(
            net=options.net,
            taxonomy_path=options.taxonomy_path,
            rep=options.rep,
            # a worker of N checks an N-th of the domains: an N-th of the caches
            cache_share=options.workers if _forks_workers(options) else 1,
        )
    )


def run_file(
    source: str | Path,
    options: BatchOptions | None = None,
    observer: Observer | None = None,
    *,
    stdout: IO[str] | None = None,
    session_factory: SessionFactory | None = None,
) -> BatchSummary:
    """Check every lead of ``source`` (a .csv/.xlsx path, or ``"-"`` for CSV on stdin).

    Rows are written back in input order with their results; rows already checked
    come from the results database. Raises :class:`~leadcheck.errors.InputFileError`
    for an unreadable file or one without an email or website column,
    :class:`~leadcheck.errors.StoreBusyError` when another run holds the database.
    """
    from leadcheck.batch.columns import load_aliases, map_columns, parse_map_options
    from leadcheck.batch.readers import open_table
    from leadcheck.batch.store import default_db_path
    from leadcheck.batch.writers import format_for

    options = options or BatchOptions()
    if not options.use_database and (options.database is not None or options.refresh):
        raise BadOptionError("no results database: a database path or a refresh makes no sense")
    if options.output is not None:
        format_for(options.output, options.output_format)
        refuse_overwriting_input(source, options.output, force=options.force)
        require_folder(options.output, "-o")
    if options.report is not None:
        refuse_overwriting_input(source, options.report, force=False, what="--report")
        require_folder(options.report, "--report")
        if options.shard is not None:
            import shlex

            # The whole run again, once merge has copied every shard's database into
            # one: it takes each row from there (fresh within --max-age), checks none.
            again = shlex.join(
                ["leadcheck", "batch", str(source), "-o", "OUTPUT", "--report", str(options.report)]
            )
            raise BadOptionError(
                "--report goes with a whole run, not with one --shard: once leadcheck merge "
                f"has copied every shard's database (--shard-db) into one, '{again}' (with "
                "merge's --db, if you gave it one) takes each row from there and writes the "
                "report"
            )
    aliases = load_aliases(options.aliases_path)
    overrides = parse_map_options(list(options.column_map), aliases)
    with open_table(str(source), aliases, sheet=options.sheet) as table:
        own = own_columns(table.header)
        mapping = map_columns(own.header, aliases, overrides)
        require_contact_columns(mapping, table)
        if observer is not None:
            observer.on_table(table, mapping)
        total = table.count_rows() if options.count_rows else None
        database = (
            (options.database or _shard_db(default_db_path(), options.shard))
            if (options.use_database)
            else None
        )
        factory = session_factory or open_session
        return _run(table, own, mapping, options, database, total, observer, stdout, factory)


SHARD_ROW_COLUMN = "input_row"  # the first column of a shard's output: the row's number


def _shard_db(path: Path, shard: Shard | None) -> Path:
    """A shard's own default results database: ``results.shard-K-of-N.sqlite3``."""
    if shard is None:
        return path
    return path.with_name(f"{path.stem}.shard-{shard.index}-of-{shard.count}{path.suffix}")


def refuse_overwriting_input(
    source: str | Path, output: Path, *, force: bool, what: str = "-o"
) -> None:
    """``batch x.csv -o x.csv`` would replace the input: refused unless ``force``."""
    if str(source) == "-" or force:
        return
    try:
        same = Path(source).resolve() == output.resolve() or (
            output.exists() and Path(source).samefile(output)
        )
    except OSError:
        return
    if same:
        raise BadOptionError(
            f"{what} {output} is the input file: the results would replace it. Give another "
            "name"
            + (
                ", or add --force to replace the input when the run finishes"
                if what == "-o"
                else ""
            )
        )


def require_folder(path: Path, what: str) -> None:
    """A file this run will write must have a folder to go to: said before the run, not
    after an hour of checking."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadOptionError(f"{what} {path}: the folder {folder} does not exist")


def require_contact_columns(mapping: ColumnMapping, table: Table) -> None:
    """A batch needs an email or a website column to check anything."""
    from leadcheck.textsafe import clean_line

    if mapping.column("email") is None and mapping.column("website") is None:
        headers = ", ".join(repr(clean_line(h, limit=60)) for h in table.header if h.strip())
        raise InputFileError(
            f"{table.source}: no email or website column found among the headers "
            f"({headers or 'none'}); name them with --map email=HEADER --map website=HEADER"
        )


def row_timeout(net: NetConfig) -> float:
    """The last-resort bound on one row's check."""
    return max(MIN_ROW_TIMEOUT, net.timeout * 4)


def cache_context(taxonomy: Path | None) -> str:
    """Results made with another taxonomy file are not reused."""
    if taxonomy is None:
        return ""
    try:
        stat = taxonomy.stat()
    except OSError:
        return f"taxonomy={taxonomy}"
    return f"taxonomy={taxonomy.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def _run(
    table: Table,
    own: OwnColumns,
    mapping: ColumnMapping,
    options: BatchOptions,
    database: Path | None,
    total: int | None,
    observer: Observer | None,
    stdout: IO[str] | None,
    factory: SessionFactory,
) -> BatchSummary:
    """Open the store and the output, run, finish the output (or discard it on failure)."""
    from leadcheck.batch.rows import build_rows
    from leadcheck.batch.store import ResultStore
    from leadcheck.batch.workers import WorkerPool, tune_gc, warm_up
    from leadcheck.batch.writers import open_writer

    rows: Iterable[SourceRow] = build_rows(own.records(table.records(), len(table.header)), mapping)
    header: tuple[str, ...] = tuple(own.header)
    input_fields = {column: field for field, column in mapping.found.items()}
    if options.shard is not None:
        rows = _shard_rows(rows, options.shard)
        header = (SHARD_ROW_COLUMN, *header)
        input_fields = {column + 1: field for column, field in input_fields.items()}
    pool = None
    if _forks_workers(options):
        # Forked now, before the database and the output are open: the workers inherit
        # the loaded taxonomy and lists, nothing of the run's files.
        warm_up(options.taxonomy_path)
        pool = WorkerPool(
            functools.partial(factory, options),
            options.workers,
            row_timeout=row_timeout(options.net),
            with_reports=database is not None,
        )
        pool.start()
    else:
        tune_gc()

    with ExitStack() as stack:
        store = None
        if database is not None:
            store = stack.enter_context(
                ResultStore(
                    database,
                    max_age=options.max_age,
                    refresh=options.refresh,
                    wait=options.wait,
                    without="--no-db",
                )
            )
        writer = open_writer(
            options.output,
            header,
            stdout=stdout or sys.stdout,
            default_format=options.output_format,
            input_fields=input_fields,
        )
        report = None
        if options.report is not None:
            from leadcheck.batch.report import ReportBuilder

            report = ReportBuilder(options.report, rep=options.rep, fields=mapping.found)
        sink: Sink = writer if report is None else _Tee(writer, report)

        async def check_all() -> BatchSummary:
            checker: Any = pool if pool is not None else factory(options)
            async with checker:
                if pool is None:
                    await checker.check_network()  # (each worker does so for itself)
                return await run_batch(
                    rows,
                    checker,
                    sink,
                    concurrency=options.concurrency,
                    store=store,
                    observer=observer,
                    total=total,
                    handle_signals=options.handle_signals,
                    row_timeout=row_timeout(options.net),
                    key_context=cache_context(options.taxonomy_path),
                    replan=functools.partial(replan, rep=options.rep),
                )

        try:
            summary = eventloop.run(check_all())
        except BaseException:
            writer.discard()
            if report is not None:
                report.discard()
            raise
        output = str(options.output) if options.output else None
        summary = summary.model_copy(update={"output": output})
        if summary.interrupted:
            # Never under the final name: a script must not take a partial file as done.
            partial = writer.abandon(summary)
            summary = summary.model_copy(
                update={"output": None, "partial_output": str(partial) if partial else None}
            )
        else:
            writer.finish(summary)
            if report is not None:
                report.finish(summary)
                summary = summary.model_copy(update={"report": str(options.report)})
    return summary


def _shard_rows(rows: Iterable[SourceRow], shard: Shard) -> Iterator[SourceRow]:
    """The rows of one shard, each with its row number (1-based) as a first cell."""
    from dataclasses import replace

    from leadcheck.batch.sharding import shard_of

    for row in rows:
        if shard_of(row.inquiry, shard.count) == shard.index:
            yield replace(row, cells=(str(row.index + 1), *row.cells))


class _Tee:
    """Hands every written row to the output and to the report."""

    def __init__(self, writer: Sink, report: Sink) -> None:
        self._writer = writer
        self._report = report

    def write(self, row: RowResult) -> None:
        self._writer.write(row)
        self._report.write(row)
