"""Write a batch's rows as they come: CSV, JSON Lines, JSON or XLSX, streamed.

Each output row is the input row's original columns, then the result columns of its
:class:`~leadcheck.batch.outcome.RowOutcome`.

Files are written to ``<name>.partial`` next to the target and renamed over it when
the writer is finished, so a reader never sees half a file under the real name.

Spreadsheet safety: no CSV or XLSX cell can run as a formula. Every cell loses its
control characters (ANSI escapes included) and a cell starting with ``=``, ``+``,
``-``, ``@``, tab or CR gets a leading ``'`` (OWASP's advice, via
:func:`leadcheck.textsafe.neutralize_formula`). JSON output keeps the original text,
with C1 controls, bidi marks and line separators escaped so it is safe to print
(:func:`leadcheck.textsafe.json_dumps`). XLSX cells also lose the characters XML
cannot hold (U+FFFE, U+FFFF, lone surrogates), which :func:`strip_controls` removes.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from leadcheck.batch.outcome import RESULT_COLUMNS, RowOutcome
from leadcheck.errors import BadOptionError, LeadcheckError
from leadcheck.textsafe import json_dumps, neutralize_formula, strip_controls

FORMATS = (".csv", ".jsonl", ".json", ".xlsx")
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL = 32_767


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

    def finish(self) -> None:
        """Complete the output (and move it to its name)."""

    def discard(self) -> None:
        """Give up: remove the partial output."""


def format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise BadOptionError(
            f"-o {path}: cannot tell the format from {suffix or 'no suffix'!r}; "
            f"use one of {', '.join(FORMATS)}"
        )
    return suffix


def open_writer(
    path: Path | None, header: Sequence[str], *, stdout: IO[str] | None = None
) -> RowWriter:
    """A writer for ``path`` by its suffix, or JSON Lines on ``stdout`` when path is None."""
    names = output_header(header)
    if path is None:
        return _JsonLinesWriter(stdout or sys.stdout, names, None)
    suffix = format_for(path)
    partial = path.with_name(path.name + ".partial")
    if suffix == ".xlsx":
        return _XlsxWriter(partial, path, names)
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

    def __init__(self, stream: IO[str], names: Sequence[str], target: _Target) -> None:
        self._stream = stream
        self._target = target
        self._writer = csv.writer(stream)
        self._writer.writerow([spreadsheet_cell(name) for name in names])

    def write(self, row: RowResult) -> None:
        cells = [spreadsheet_cell(cell) for cell in row.cells]
        cells.extend(spreadsheet_cell(row.columns.get(name)) for name in RESULT_COLUMNS)
        self._writer.writerow(cells)

    def finish(self) -> None:
        self._stream.close()
        self._target.commit()

    def discard(self) -> None:
        self._stream.close()
        self._target.remove()


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

    def finish(self) -> None:
        if self._target is None:
            self._stream.flush()
            return
        self._stream.close()
        self._target.commit()

    def discard(self) -> None:
        if self._target is None:
            self._stream.flush()
            return
        self._stream.close()
        self._target.remove()


class _JsonArrayWriter:
    def __init__(self, stream: IO[str], names: Sequence[str], target: _Target) -> None:
        self._stream = stream
        self._names = names
        self._target = target
        self._first = True
        stream.write("[")

    def write(self, row: RowResult) -> None:
        self._stream.write(("\n" if self._first else ",\n") + _json_object(self._names, row))
        self._first = False

    def finish(self) -> None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        self._stream.close()
        self._target.commit()

    def discard(self) -> None:
        self._stream.close()
        self._target.remove()


_NUMBER_COLUMNS = frozenset({"verdict_score", "fit_score"})


class _XlsxWriter:
    """XLSX through openpyxl's write-only mode (rows go to a temporary file as they come).

    Every cell is written as a string, neutralised like a CSV cell, except the two
    scores, which are numbers so they sort and filter. openpyxl refuses the control
    characters XML cannot hold; :func:`spreadsheet_cell` has removed them.
    """

    def __init__(self, partial: Path, final: Path, names: Sequence[str]) -> None:
        from openpyxl import Workbook

        self._target = _Target(partial, final)
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet("leadcheck")
        self._rows = 0
        self._append([spreadsheet_cell(name) for name in names])

    def _append(self, values: list[Any]) -> None:
        if self._rows >= XLSX_MAX_ROWS:
            raise BadOptionError(
                f"more than {XLSX_MAX_ROWS:,} rows do not fit in an Excel sheet; "
                "write .csv or .jsonl instead"
            )
        self._sheet.append(values)
        self._rows += 1

    def write(self, row: RowResult) -> None:
        values: list[Any] = [_xlsx_text(cell) for cell in row.cells]
        for name in RESULT_COLUMNS:
            value = row.columns.get(name)
            if name in _NUMBER_COLUMNS and isinstance(value, int):
                values.append(value)
            else:
                values.append(_xlsx_text(value))
        self._append(values)

    def finish(self) -> None:
        try:
            self._workbook.save(self._target.partial)
        except OSError as exc:
            raise LeadcheckError(f"cannot write {self._target.partial}: {exc}") from exc
        self._target.commit()

    def discard(self) -> None:
        self._target.remove()


def _xlsx_text(value: Any) -> str | None:
    text = spreadsheet_cell(value)
    if not text:
        return None
    if len(text) > XLSX_MAX_CELL:
        text = text[: XLSX_MAX_CELL - 1] + "…"
    return text
