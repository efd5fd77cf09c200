"""``leadcheck merge``: the outputs and databases of ``batch --shard K/N`` runs as one.

A sharded run (see :mod:`leadcheck.batch.sharding`) writes only its shard's rows, in
input order, each with its row number in a first ``input_row`` column. Merging reads
the shards' outputs side by side (any of the formats batch writes, even mixed) and
writes every row once, in input order, without that column: the same file one run
over the whole input would have written, its summary counted over all rows. Memory
stays flat: one row per shard is held at a time.

Every row number from 1 to the highest one must be in exactly one of the outputs: a
gap means a shard's output is missing (or incomplete), and the merge refuses
(:class:`MissingRowsError`, naming the rows and, when the rows' domains tell, the
shard) unless ``allow_missing``. Rows missing after the highest number given cannot
be seen. CSV cells are read back as the CSV writer was given them (the ``'`` it puts
before a cell that could run as a formula taken off again), so every format of the
merged file is what one whole run writes.

The shards' results databases are copied into one (a lead checked in two shards, or
already in the target, keeps its newest result), under the target's run lock; the
merged output is put under its name only once they are.
"""

from __future__ import annotations

import csv
import heapq
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from leadcheck.batch.outcome import RESULT_COLUMNS, RowOutcome
from leadcheck.batch.run import SHARD_ROW_COLUMN
from leadcheck.batch.summary import BatchSummary, SummaryBuilder
from leadcheck.errors import BadOptionError, InputFileError, MissingFileError, StoreError
from leadcheck.models import Frozen
from leadcheck.textsafe import restore_formula

if TYPE_CHECKING:
    from leadcheck.batch.writers import RowWriter

# What each result column holds, to read it back from text (CSV, a workbook).
_KINDS: dict[str, str] = {
    field.name: (
        "bool" if "bool" in str(field.type) else "int" if "int" in str(field.type) else "str"
    )
    for field in fields(RowOutcome)
}


class MergeSummary(Frozen):
    """What a merge did: the rows written (as a batch summary) and the databases."""

    rows: BatchSummary
    sources: tuple[str, ...]
    databases_merged: tuple[str, ...] = ()
    results_copied: int = 0
    database: str | None = None
    # With allow_missing: the row numbers in none of the outputs ("3-4", "9"), and why
    missing_rows: tuple[str, ...] = ()
    missing: str | None = None


class MissingRowsError(InputFileError):
    """Row numbers in none of the shard outputs: a shard's output is missing."""

    def __init__(self, what: str, gaps: Sequence[tuple[int, int]]) -> None:
        super().__init__(
            f"{what}; give every shard's output (or --allow-missing to merge the rows there are)"
        )
        self.what = what  # which rows, and which shard is likely missing
        self.gaps = tuple(gaps)


ShardRow = tuple[int, tuple[str, ...], RowOutcome]  # (row number, input cells, results)
_SHOWN_GAPS = 8  # row ranges named in a message; the rest are counted


def merge_outputs(
    sources: Sequence[Path],
    output: Path | None,
    *,
    stdout: IO[str] | None = None,
    output_format: str | None = None,
    allow_missing: bool = False,
) -> BatchSummary:
    """Write the rows of the shard outputs ``sources`` to ``output`` in input order.

    Raises :class:`MissingRowsError` when row numbers are in none of them, unless
    ``allow_missing`` (then what there is is merged)."""
    writer, summary, _ = _merge_rows(
        sources, output, stdout=stdout, output_format=output_format, allow_missing=allow_missing
    )
    writer.finish(summary)
    return summary


def _merge_rows(
    sources: Sequence[Path],
    output: Path | None,
    *,
    stdout: IO[str] | None,
    output_format: str | None,
    allow_missing: bool,
) -> tuple[RowWriter, BatchSummary, MissingRowsError | None]:
    """The merged rows written, the output not yet finished (moved to its name); the
    rows missing, when allowed."""
    from leadcheck.batch.writers import RowResult, format_for, open_writer

    if not sources:
        raise BadOptionError("give the shard outputs to merge")
    if output is not None:
        format_for(output, output_format)
        for source in sources:
            if _same_file(source, output):
                raise BadOptionError(f"-o {output} is one of the shard outputs: give another name")
    require_files(sources)
    readers: list[_ShardOutput] = []
    try:
        for source in sources:
            readers.append(_ShardOutput(Path(source)))
    except BaseException:
        for reader in readers:
            reader.close()
        raise
    try:
        with_rows = [reader for reader in readers if reader.header is not None]
        header: tuple[str, ...] = with_rows[0].header or () if with_rows else ()
        for reader in with_rows[1:]:
            if reader.header != header:
                raise InputFileError(
                    f"{reader.path}: its columns differ from those of {with_rows[0].path}; "
                    "merge the outputs of one sharded run"
                )
        writer = open_writer(
            output, header, stdout=stdout or sys.stdout, default_format=output_format
        )
    except BaseException:
        for reader in readers:
            reader.close()
        raise
    builder = SummaryBuilder()
    previous = 0
    gaps: list[tuple[int, int]] = []
    try:
        for number, cells, columns in heapq.merge(*(iter(reader) for reader in readers)):
            if number == previous:
                raise InputFileError(
                    f"row {number} is in two of the shard outputs: merge the outputs of one "
                    "sharded run, each shard once"
                )
            if number > previous + 1:
                gaps.append((previous + 1, number - 1))
            previous = number
            row = RowResult(index=number - 1, line=number + 1, cells=cells, columns=columns)
            writer.write(row)
            builder.add(columns)
        missing = _missing_rows(gaps, readers) if gaps else None
        if missing is not None and not allow_missing:
            raise missing
    except BaseException:
        writer.discard()
        raise
    finally:
        for reader in readers:
            reader.close()
    summary = builder.build(interrupted=False, unfinished=0, total=builder.rows, database=None)
    summary = summary.model_copy(update={"output": str(output) if output else None})
    return writer, summary, missing


def require_files(paths: Iterable[Path], what: str = "") -> None:
    """Every file named exists (:class:`MissingFileError`, a usage error, if not)."""
    for path in paths:
        if not Path(path).exists():
            raise MissingFileError(f"cannot read {path}: no such {what or 'file'}")


def _ranges(gaps: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(str(first) if first == last else f"{first}-{last}" for first, last in gaps)


def _missing_rows(
    gaps: Sequence[tuple[int, int]], readers: Sequence[_ShardOutput]
) -> MissingRowsError:
    """The error for rows in none of the outputs: which rows, and which shard, if the
    domains of the rows there are tell it."""
    count = sum(last - first + 1 for first, last in gaps)
    shown = ", ".join(_ranges(gaps[:_SHOWN_GAPS]))
    if len(gaps) > _SHOWN_GAPS:
        shown += f" and {len(gaps) - _SHOWN_GAPS:,} more ranges"
    given = [reader for reader in readers if not reader.empty]
    rows = f"row {shown} is" if count == 1 else f"rows {shown} ({count:,} in all) are"
    what = f"{rows} in none of the {len(readers)} shard outputs given: {_likely_shard(given)}"
    return MissingRowsError(what, gaps)


def _likely_shard(readers: Sequence[_ShardOutput], sample: int = 200) -> str:
    """Which shard's output is likely missing, from the domains of the rows given: the
    smallest N for which each output's rows all fall in one shard of N, another for
    each output (a guess: a run with --map split by columns that merge cannot know)."""
    from leadcheck.batch.columns import load_aliases, map_columns
    from leadcheck.batch.records import RawRecord
    from leadcheck.batch.rows import to_source_row
    from leadcheck.batch.sharding import SHARD_SALT, bucket, lead_domain

    unknown = "a shard's output is missing, or one of them is incomplete"
    if not readers or readers[0].header is None:
        return unknown
    try:
        mapping = map_columns(readers[0].header, load_aliases())
        keys: list[list[str | None]] = []
        for reader in readers:
            again = _ShardOutput(reader.path)
            try:
                found = []
                for _, cells, _ in again:
                    row = to_source_row(0, RawRecord(line=0, cells=cells), mapping)
                    found.append(lead_domain(row.inquiry) if row.inquiry else None)
                    if len(found) >= sample:
                        break
            finally:
                again.close()
            keys.append(found)
    except Exception:  # only a hint: the gap is the error
        return unknown

    def shard(key: str | None, count: int) -> int:
        return 0 if key is None else bucket(key, count, salt=SHARD_SALT)

    # From as many shards as outputs (one of them incomplete), but never 1: one output
    # alone is trivially "every shard of 1", while a missing shard is the likely cause.
    for count in range(max(2, len(readers)), max(64, 4 * len(readers)) + 1):
        indexes = []
        for found in keys:
            seen = {shard(key, count) for key in found}
            if len(seen) != 1:
                break
            indexes.append(seen.pop())
        else:
            if len(set(indexes)) < len(indexes):
                continue
            absent = sorted(set(range(count)) - set(indexes))
            held = ", ".join(
                f"{reader.path} is shard {index}/{count}"
                for reader, index in zip(readers, indexes, strict=True)
            )
            if not absent:
                return (
                    f"by its rows' domains, {held}: every shard is there, so one output is "
                    "likely incomplete (an interrupted run, a truncated copy?)"
                )
            names = ", ".join(f"{index}/{count}" for index in absent)
            verb = "is" if len(absent) == 1 else "are"
            shards = "shard" if len(absent) == 1 else "shards"
            return f"by its rows' domains, {held}: {shards} {names} {verb} likely missing"
    return unknown


def merge_databases(sources: Sequence[Path], target: Path, *, wait: float = 0.0) -> int:
    """Copy every result of the shard databases ``sources`` into ``target`` (newest
    wins); the number of results copied or updated."""
    from leadcheck.batch.store import ResultStore

    copied = 0
    with ResultStore(target, wait=wait) as store:
        db = store.db
        for source in sources:
            if _same_file(source, target):
                raise BadOptionError(f"{source} is the target database itself")
            require_files([source], "results database")
            if not Path(source).is_file():
                raise InputFileError(f"{source}: not a results database (not a file)")
            try:
                db.execute("ATTACH DATABASE ? AS shard", (f"file:{source}?mode=ro",))
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read {source} ({exc})") from exc
            try:
                before = db.total_changes
                db.execute(
                    "INSERT INTO results (lead_key, lead, verdict, checked_at, "
                    "leadcheck_version, columns, report) "
                    "SELECT lead_key, lead, verdict, checked_at, leadcheck_version, columns, "
                    "report FROM shard.results WHERE true "
                    "ON CONFLICT(lead_key) DO UPDATE SET lead = excluded.lead, "
                    "verdict = excluded.verdict, checked_at = excluded.checked_at, "
                    "leadcheck_version = excluded.leadcheck_version, "
                    "columns = excluded.columns, report = excluded.report "
                    "WHERE excluded.checked_at > results.checked_at"
                )
                copied += db.total_changes - before
                db.commit()
            except sqlite3.Error as exc:
                raise StoreError(
                    f"cannot merge {source} ({exc}); is it a leadcheck results database?"
                ) from exc
            finally:
                db.execute("DETACH DATABASE shard")
    return copied


def merge_run(
    sources: Sequence[Path],
    output: Path | None,
    *,
    databases: Sequence[Path] = (),
    database: Path | None = None,
    stdout: IO[str] | None = None,
    output_format: str | None = None,
    wait: float = 0.0,
    allow_missing: bool = False,
) -> MergeSummary:
    """Merge the shards' outputs and, if given, their databases (into ``database``, by
    default the user's results database). The output is moved to its name once the
    databases are merged; nothing is merged when an output cannot be."""
    from leadcheck.batch.store import default_db_path

    require_files(databases, "results database")
    writer, rows, missing = _merge_rows(
        sources, output, stdout=stdout, output_format=output_format, allow_missing=allow_missing
    )
    copied = 0
    target = None
    try:
        if databases:
            target = database or default_db_path()
            copied = merge_databases(databases, target, wait=wait)
    except BaseException:
        writer.discard()
        raise
    writer.finish(rows)
    return MergeSummary(
        rows=rows.model_copy(update={"database": str(target) if target else None}),
        sources=tuple(str(source) for source in sources),
        databases_merged=tuple(str(path) for path in databases),
        results_copied=copied,
        database=str(target) if target else None,
        missing_rows=_ranges(missing.gaps) if missing else (),
        missing=missing.what if missing else None,
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class _ShardOutput:
    """One shard's output, read back row by row: (row number, input cells, results)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._close: Any = None
        try:
            self._start(path.suffix.lower())
        except BaseException:
            self.close()
            raise

    def _start(self, suffix: str) -> None:
        path = self.path
        if suffix == ".csv":
            stream = self._open(encoding="utf-8-sig", newline="")
            reader = _csv_rows(_utf8_lines(stream, path), path)
            names = next(reader, None)
            if names is not None:  # the header as batch was given it (see _outcome)
                names = [restore_formula(name) for name in names]
            self._rows: Iterator[list[Any]] = reader
            self._typed = False
        elif suffix in (".jsonl", ".json"):
            stream = self._open(encoding="utf-8")
            self._rows, names = _json_rows(_utf8_lines(stream, path), path)
            self._typed = True
        elif suffix == ".xlsx":
            self._rows, names = self._workbook_rows()
            self._typed = True
        else:
            raise BadOptionError(
                f"{path}: cannot tell the format from {suffix or 'no suffix'!r}; shard outputs "
                "are .csv, .jsonl, .json or .xlsx"
            )
        self.names = tuple(str(name) for name in (names or ()))
        # JSON Lines (or a JSON array) of a shard without rows: nothing at all to check
        self.empty = names is None and suffix in (".jsonl", ".json")
        self.header: tuple[str, ...] | None = None
        self._width = 0
        if self.empty:
            return
        width = len(self.names) - len(RESULT_COLUMNS)
        if width < 1 or self.names[0] != SHARD_ROW_COLUMN or self.names[width:] != RESULT_COLUMNS:
            raise InputFileError(
                f"{path}: not the output of a leadcheck batch --shard run (it starts with "
                f"{SHARD_ROW_COLUMN!r} and ends with the result columns)"
            )
        self._width = width
        self.header = self.names[1:width]

    def _open(self, **kwargs: Any) -> IO[str]:
        try:
            stream: IO[str] = open(self.path, **kwargs)  # noqa: SIM115  closed by close()
        except FileNotFoundError as exc:
            raise MissingFileError(f"cannot read {self.path}: no such file") from exc
        except OSError as exc:
            raise InputFileError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        self._close = stream.close
        return stream

    def _workbook_rows(self) -> tuple[Iterator[list[Any]], list[Any] | None]:
        from openpyxl import load_workbook

        from leadcheck.batch.workbook import SHEET

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:
            raise InputFileError(f"cannot read {self.path} as a workbook: {exc}") from exc
        self._close = book.close
        path = self.path

        def rows() -> Iterator[list[Any]]:
            try:
                sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
                for row in sheet.iter_rows(values_only=True):
                    yield list(row)
            except Exception as exc:  # a damaged workbook: its XML, its zip
                raise InputFileError(f"cannot read {path} as a workbook: {exc}") from exc

        each = rows()
        header = next(each, None)
        return each, header or None

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __iter__(self) -> Iterator[ShardRow]:
        if self.empty:
            return
        width = self._width
        previous = 0
        size = len(self.names)
        for values in self._rows:
            if not values or all(value in (None, "") for value in values):
                continue
            if len(values) < size:  # a workbook leaves the empty cells at the end out
                values = [*values, *([None] * (size - len(values)))]
            try:
                number = int(values[0])
            except (TypeError, ValueError) as exc:
                raise InputFileError(
                    f"{self.path}: a row whose {SHARD_ROW_COLUMN} is {values[0]!r}"
                ) from exc
            if number <= previous:
                raise InputFileError(f"{self.path}: the rows are not in input order")
            previous = number
            cells = tuple("" if value is None else str(value) for value in values[1:width])
            if not self._typed:  # CSV: the cells as batch was given them
                cells = tuple(restore_formula(cell) for cell in cells)
            results = values[width : width + len(RESULT_COLUMNS)]
            yield number, cells, _outcome(results, typed=self._typed)


def _utf8_lines(stream: Iterable[str], path: Path) -> Iterator[str]:
    """The lines of a text file opened as UTF-8; one that is not: InputFileError."""
    try:
        yield from stream
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: not UTF-8 text (saved again in another encoding?), so not a shard "
            "output as batch writes it; merge the files batch --shard wrote, as they are"
        ) from exc


def _csv_rows(lines: Iterable[str], path: Path) -> Iterator[list[str]]:
    """The rows of a CSV file; one that cannot be parsed: InputFileError."""
    reader = csv.reader(lines)
    try:
        yield from reader
    except csv.Error as exc:
        raise InputFileError(
            f"{path}, line {reader.line_num}: not CSV as batch writes it ({exc})"
        ) from exc


def _json_rows(stream: Iterable[str], path: Path) -> tuple[Iterator[list[Any]], list[str] | None]:
    """The rows of a JSON Lines file, or of a JSON array as batch writes it (one object
    per line), as lists of values in the first object's key order."""

    def objects() -> Iterator[dict[str, Any]]:
        for number, line in enumerate(stream, start=1):
            text = line.strip()
            if text in ("", "[", "]", "[]"):
                continue
            if text.endswith(","):
                text = text[:-1]
            try:
                item = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputFileError(f"{path}, line {number}: not a JSON object ({exc})") from exc
            if not isinstance(item, dict):
                raise InputFileError(f"{path}, line {number}: not a JSON object")
            yield item

    items = objects()
    first = next(items, None)
    if first is None:
        return iter(()), None
    names = list(first)

    def rows() -> Iterator[list[Any]]:
        yield [first.get(name) for name in names]
        for item in items:
            yield [item.get(name) for name in names]

    return rows(), names


def _outcome(values: Sequence[Any], *, typed: bool) -> RowOutcome:
    """A row's result columns read back: typed values as they are (JSON, a workbook's
    numbers), text turned back into numbers and booleans (CSV), and CSV's text without
    the ``'`` its writer put before a formula start
    (:func:`leadcheck.textsafe.restore_formula`, as batch reads its own CSV output)."""
    data: dict[str, Any] = {}
    for name, value in zip(RESULT_COLUMNS, values, strict=False):
        kind = _KINDS[name]
        if value is None or value == "":
            data[name] = False if kind == "bool" else None
        elif kind == "bool":
            data[name] = value if isinstance(value, bool) else str(value).lower() == "true"
        elif kind == "int" and not isinstance(value, bool):
            try:
                data[name] = int(value)
            except (TypeError, ValueError):
                data[name] = None
        elif typed:
            data[name] = value
        else:  # CSV: the text as batch was given it
            data[name] = restore_formula(str(value))
    return RowOutcome.from_dict(data)


__all__ = [
    "MergeSummary",
    "MissingRowsError",
    "merge_databases",
    "merge_outputs",
    "merge_run",
    "require_files",
]
