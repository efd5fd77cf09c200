"""Write a batch's rows as they come: CSV, JSON Lines, JSON or XLSX, streamed.

Each output row is the input row's original columns, then the result columns of its
:class:`~leadcheck.batch.outcome.RowOutcome`.

Files are written to ``<name>.partial`` next to the target and renamed over it when
the writer is finished, so a reader never sees half a file under the real name; an
interrupted run leaves its rows in ``<name>.partial`` (:meth:`RowWriter.abandon`)
and never touches the real name.

Spreadsheet safety: no CSV or XLSX cell can run as a formula. Every cell loses its
control characters (ANSI escapes included). CSV has no cell types, so a CSV cell
starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` (OWASP's
advice, via :func:`leadcheck.textsafe.neutralize_formula`): ``'+49 711 4567890``.
XLSX needs no apostrophe: its text cells are typed strings (see
:mod:`leadcheck.batch.workbook`, the styled workbook); they also lose the characters
XML cannot hold (U+FFFE, U+FFFF, lone surrogates), which :func:`strip_controls`
removes. JSON output keeps the original text, with C1 controls, bidi marks and line
separators escaped so it is safe to print (:func:`leadcheck.textsafe.json_dumps`).
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from leadcheck.batch.outcome import RESULT_COLUMNS, RowOutcome
from leadcheck.batch.workbook import XLSX_MAX_CELL, XLSX_MAX_ROWS
from leadcheck.errors import BadOptionError, LeadcheckError
from leadcheck.textsafe import json_dumps, neutralize_formula, strip_controls

if TYPE_CHECKING:
    from leadcheck.batch.summary import BatchSummary

FORMATS = (".csv", ".jsonl", ".json", ".xlsx")
STDOUT_FORMATS = (".jsonl", ".csv", ".json")
__all__ = ["FORMATS", "XLSX_MAX_CELL", "XLSX_MAX_ROWS", "RowResult", "RowWriter", "open_writer"]


@dataclass(frozen=True, slots=True)
class RowResult:
    """One output row: the input row's place and cells, and its result columns."""

    index: int
    line: int
    cells: tuple[str, ...]
    columns: RowOutcome


def output_header(header: Sequence[str]) -> tuple[str, ...]:
    """Column names of the output: the input's (made unique), then the result columns."""
    from leadcheck.batch.columns import unique_headers

    return unique_headers(header, reserved=RESULT_COLUMNS) + RESULT_COLUMNS


class RowWriter(Protocol):
    def write(self, row: RowResult) -> None: ...

    def finish(self, summary: BatchSummary | None = None) -> None:
        """Complete the output (and move it to its name)."""

    def abandon(self, summary: BatchSummary | None = None) -> Path | None:
        """An interrupted run: close the output and leave it under its temporary name
        (returned; None for stdout), never under the real one."""

    def discard(self) -> None:
        """Give up: remove the partial output."""


def format_for(path: Path, default: str | None = None) -> str:
    """The output format of ``path``: its suffix, else ``default`` (e.g. ``"xlsx"``)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS and default is not None and not suffix:
        suffix = "." + default.lstrip(".")
    if suffix not in FORMATS:
        raise BadOptionError(
            f"-o {path}: cannot tell the format from {suffix or 'no suffix'!r}; "
            f"use one of {', '.join(FORMATS)}"
        )
    return suffix


def open_writer(
    path: Path | None,
    header: Sequence[str],
    *,
    stdout: IO[str] | None = None,
    default_format: str | None = None,
    input_fields: Mapping[int, str] | None = None,
) -> RowWriter:
    """A writer for ``path`` by its suffix (``default_format`` without one), or, when
    path is None, on ``stdout`` in ``default_format`` (JSON Lines unless told csv or
    json). ``input_fields`` (column index -> field) helps the workbook size columns."""
    names = output_header(header)
    if path is None:
        out = stdout or sys.stdout
        chosen = "." + (default_format or "jsonl").lstrip(".")
        if chosen == ".xlsx":
            raise BadOptionError(
                "a workbook cannot go to stdout: give -o PATH.xlsx (the output format "
                "setting is xlsx)"
            )
        if chosen == ".csv":
            return _CsvWriter(out, names, None)
        if chosen == ".json":
            return _JsonArrayWriter(out, names, None)
        return _JsonLinesWriter(out, names, None)
    suffix = format_for(path, default_format)
    partial = path.with_name(path.name + ".partial")
    if suffix == ".xlsx":
        from leadcheck.batch.workbook import XlsxWriter

        return XlsxWriter(
            _Target(partial, path), names, input_width=len(header), input_fields=input_fields
        )
    try:
        stream = open(  # noqa: SIM115  closed by finish()/discard()
            partial,
            "w",
            encoding="utf-8-sig" if suffix == ".csv" else "utf-8",
            newline="",
        )
    except OSError as exc:
        raise LeadcheckError(f"cannot write {partial}: {exc.strerror or exc}") from exc
    target = _Target(partial, path)
    if suffix == ".csv":
        return _CsvWriter(stream, names, target)
    if suffix == ".json":
        return _JsonArrayWriter(stream, names, target)
    return _JsonLinesWriter(stream, names, target)


@dataclass(frozen=True, slots=True)
class _Target:
    partial: Path
    final: Path

    def commit(self) -> None:
        try:
            os.replace(self.partial, self.final)
        except OSError as exc:
            raise LeadcheckError(
                f"cannot move {self.partial} to {self.final}: {exc.strerror or exc}"
            ) from exc

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            self.partial.unlink()


def spreadsheet_cell(value: Any) -> str:
    """A value as safe spreadsheet text: no controls, cannot run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize_formula(strip_controls(str(value)))


class _CsvWriter:
    """CSV in UTF-8 with a byte-order mark: without the BOM, Excel (Windows, and Chinese
    Windows especially) opens UTF-8 as the local ANSI code page and garbles every
    Chinese or accented character; with it, Excel, WPS and LibreOffice all read UTF-8."""

    def __init__(self, stream: IO[str], names: Sequence[str], target: _Target | None) -> None:
        self._stream = stream
        self._target = target
        self._writer = csv.writer(stream)
        self._writer.writerow([spreadsheet_cell(name) for name in names])

    def write(self, row: RowResult) -> None:
        cells = [spreadsheet_cell(cell) for cell in row.cells]
        cells.extend(spreadsheet_cell(row.columns.get(name)) for name in RESULT_COLUMNS)
        self._writer.writerow(cells)

    def finish(self, summary: BatchSummary | None = None) -> None:
        _close(self._stream, self._target, commit=True)

    def abandon(self, summary: BatchSummary | None = None) -> Path | None:
        return _close(self._stream, self._target, commit=False)

    def discard(self) -> None:
        _close(self._stream, self._target, commit=False, remove=True)


def _close(
    stream: IO[str], target: _Target | None, *, commit: bool, remove: bool = False
) -> Path | None:
    """Flush stdout, or close a file and move it into place (or leave or remove it)."""
    if target is None:
        stream.flush()
        return None
    stream.close()
    if commit:
        target.commit()
    elif remove:
        target.remove()
    return target.partial


def _json_object(names: Sequence[str], row: RowResult) -> str:
    width = len(names) - len(RESULT_COLUMNS)
    item: dict[str, Any] = dict(zip(names[:width], row.cells, strict=False))
    for name in RESULT_COLUMNS:
        item[name] = row.columns.get(name)
    return json_dumps(item)


class _JsonLinesWriter:
    def __init__(self, stream: IO[str], names: Sequence[str], target: _Target | None) -> None:
        self._stream = stream
        self._names = names
        self._target = target

    def write(self, row: RowResult) -> None:
        self._stream.write(_json_object(self._names, row) + "\n")

    def finish(self, summary: BatchSummary | None = None) -> None:
        _close(self._stream, self._target, commit=True)

    def abandon(self, summary: BatchSummary | None = None) -> Path | None:
        return _close(self._stream, self._target, commit=False)

    def discard(self) -> None:
        _close(self._stream, self._target, commit=False, remove=True)


class _JsonArrayWriter:
    def __init__(self, stream: IO[str], names: Sequence[str], target: _Target | None) -> None:
        self._stream = stream
        self._names = names
        self._target = target
        self._first = True
        stream.write("[")

    def write(self, row: RowResult) -> None:
        self._stream.write(("\n" if self._first else ",\n") + _json_object(self._names, row))
        self._first = False

    def finish(self, summary: BatchSummary | None = None) -> None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        _close(self._stream, self._target, commit=True)

    def abandon(self, summary: BatchSummary | None = None) -> Path | None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        return _close(self._stream, self._target, commit=False)

    def discard(self) -> None:
        _close(self._stream, self._target, commit=False, remove=True)
