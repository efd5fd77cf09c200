"""``leadcheck merge``: the outputs and databases of ``batch --shard K/N`` runs as one.

A sharded run (see :mod:`leadcheck.batch.sharding`) writes only its shard's rows, in
input order, each with its row number in a first ``input_row`` column. Merging reads
the shards' outputs side by side (any of the formats batch writes, even mixed) and
writes every row once, in input order, without that column: the same file one run
over the whole input would have written, its summary counted over all rows. Memory
stays flat: one row per shard is held at a time.

The shards' results databases are copied into one (a lead checked in two shards, or
already in the target, keeps its newest result), under the target's run lock.
"""

from __future__ import annotations

import csv
import heapq
import json
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

from leadcheck.batch.outcome import RESULT_COLUMNS, RowOutcome
from leadcheck.batch.run import SHARD_ROW_COLUMN
from leadcheck.batch.summary import BatchSummary, SummaryBuilder
from leadcheck.errors import BadOptionError, InputFileError, StoreError
from leadcheck.models import Frozen

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


ShardRow = tuple[int, tuple[str, ...], RowOutcome]  # (row number, input cells, results)


def merge_outputs(
    sources: Sequence[Path],
    output: Path | None,
    *,
    stdout: IO[str] | None = None,
    output_format: str | None = None,
) -> BatchSummary:
    """Write the rows of the shard outputs ``sources`` to ``output`` in input order."""
    from leadcheck.batch.writers import RowResult, format_for, open_writer

    if not sources:
        raise BadOptionError("give the shard outputs to merge")
    if output is not None:
        format_for(output, output_format)
        for source in sources:
            if _same_file(source, output):
                raise BadOptionError(f"-o {output} is one of the shard outputs: give another name")
    readers = [_ShardOutput(Path(source)) for source in sources]
    with_rows = [reader for reader in readers if reader.header is not None]
    header: tuple[str, ...] = with_rows[0].header or () if with_rows else ()
    for reader in with_rows[1:]:
        if reader.header != header:
            raise InputFileError(
                f"{reader.path}: its columns differ from those of {with_rows[0].path}; "
                "merge the outputs of one sharded run"
            )
    writer = open_writer(output, header, stdout=stdout or sys.stdout, default_format=output_format)
    builder = SummaryBuilder()
    previous = 0
    try:
        for number, cells, columns in heapq.merge(*(iter(reader) for reader in readers)):
            if number == previous:
                raise InputFileError(
                    f"row {number} is in two of the shard outputs: merge the outputs of one "
                    "sharded run, each shard once"
                )
            previous = number
            row = RowResult(index=number - 1, line=number + 1, cells=cells, columns=columns)
            writer.write(row)
            builder.add(columns)
    except BaseException:
        writer.discard()
        raise
    finally:
        for reader in readers:
            reader.close()
    summary = builder.build(interrupted=False, unfinished=0, total=builder.rows, database=None)
    summary = summary.model_copy(update={"output": str(output) if output else None})
    writer.finish(summary)
    return summary


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
            if not Path(source).is_file():
                raise InputFileError(f"{source}: no such results database")
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
) -> MergeSummary:
    """Merge the shards' outputs and, if given, their databases (into ``database``, by
    default the user's results database)."""
    from leadcheck.batch.store import default_db_path

    copied = 0
    target = None
    if databases:
        target = database or default_db_path()
        copied = merge_databases(databases, target, wait=wait)
    rows = merge_outputs(sources, output, stdout=stdout, output_format=output_format)
    return MergeSummary(
        rows=rows.model_copy(update={"database": str(target) if target else None}),
        sources=tuple(str(source) for source in sources),
        databases_merged=tuple(str(path) for path in databases),
        results_copied=copied,
        database=str(target) if target else None,
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
        suffix = path.suffix.lower()
        self._close: Any = None
        if suffix == ".csv":
            stream = self._open(encoding="utf-8-sig", newline="")
            reader = csv.reader(stream)
            names = next(reader, None)
            self._rows: Iterator[list[Any]] = reader
            self._typed = False
        elif suffix in (".jsonl", ".json"):
            stream = self._open(encoding="utf-8")
            self._rows, names = _json_rows(stream, path)
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
            self.close()
            raise InputFileError(
                f"{path}: not the output of a leadcheck batch --shard run (it starts with "
                f"{SHARD_ROW_COLUMN!r} and ends with the result columns)"
            )
        self._width = width
        self.header = self.names[1:width]

    def _open(self, **kwargs: Any) -> IO[str]:
        try:
            stream: IO[str] = open(self.path, **kwargs)  # noqa: SIM115  closed by close()
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
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        return (list(row) for row in rows), list(header) if header else None

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
            results = values[width : width + len(RESULT_COLUMNS)]
            yield number, cells, _outcome(results, typed=self._typed)


def _json_rows(stream: IO[str], path: Path) -> tuple[Iterator[list[Any]], list[str] | None]:
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
    numbers), text turned back into numbers and booleans (CSV)."""
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
        else:
            data[name] = value if typed and not isinstance(value, str) else str(value)
    return RowOutcome.from_dict(data)


__all__ = ["MergeSummary", "merge_databases", "merge_outputs", "merge_run"]
