"""Split CSV text into records, accounting for every physical line.

Python's :mod:`csv` module trusts the file: a stray opening quote makes one cell of
every line up to the next quote (the rows in between vanish), a bare CR in an
unquoted cell breaks the row, and a reader that cuts long lines into pieces resumes
mid-row. This splitter reads Excel's dialect (RFC 4180: a cell that starts with ``"``
runs to the closing ``"``, ``""`` inside it is a quote; a quote inside an unquoted
cell is text) and keeps every physical line accounted for:

* each physical line is decoded on its own (:class:`~.row_decoding.LineDecoder`);
* a bare CR inside a line is text (lines end at LF, or at CR in CR-only files);
* a line longer than ``max_record_bytes`` is one error row, skipped to its end
  without being held in memory;
* a quoted cell may run over several lines, but not into a line that reads as a row
  of its own (a complete line with as many cells as the file's rows have) while the
  cell stays open, nor past ``max_record_lines`` lines or ``max_record_bytes`` bytes,
  nor past the end of the file; and a row over several lines must end cleanly (its
  closing quote followed by a delimiter or the line's end) with as many cells as the
  file's rows have. Otherwise its first line becomes an error row ("a quote opened
  here is not closed") with its cells read as if the quote were text, and each line
  after it is read again on its own: no row is swallowed, merged or lost. (A real
  multi-line cell holding a line that reads as a whole row is split the same way:
  into error rows, not lost.)
* a row with more than ``max_columns`` cells keeps the first ones and is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, AnyStr

from leadcheck.batch.limits import ReadLimits
from leadcheck.batch.records import RawRecord
from leadcheck.batch.row_decoding import LineDecoder

CHUNK = 256 * 1024


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    ending: str  # the line break that ended it ("" at the end of the file)
    problem: str | None = None
    overlong: int = 0  # the line's size in bytes when it was too long to keep (text is "")


def byte_lines(
    stream: IO[bytes], decoder: LineDecoder, *, newline: bytes, limit: int, first: int = 1
) -> Iterator[_Line]:
    """Physical lines of an ASCII-compatible byte stream, each decoded on its own."""
    for number, raw, ending, size in _split(_chunks(stream), newline, b"\r", limit, first):
        if size:
            yield _Line(number, "", "", overlong=size)
            continue
        text, problem = decoder.decode(raw)
        yield _Line(number, text, ending.decode("ascii"), problem)


def text_lines(
    chunks: Iterable[str], *, newline: str, limit: int, problem: str | None = None
) -> Iterator[_Line]:
    """Physical lines of decoded text (UTF-16/32 files); ``limit`` counts characters."""
    for number, text, ending, size in _split(iter(chunks), newline, "\r", limit, 1):
        if size:
            yield _Line(number, "", "", overlong=size)
        else:
            bad = problem if problem and "\ufffd" in text else None
            yield _Line(number, text, ending, bad)


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def _split(
    chunks: Iterator[AnyStr], newline: AnyStr, cr: AnyStr, limit: int, first: int
) -> Iterator[tuple[int, AnyStr, AnyStr, int]]:
    """(number, line, ending, 0) per line, or (number, empty, empty, size) for a line of
    more than ``limit`` units, which is skipped without being kept. A CR before the
    newline is part of the ending, a CR anywhere else is text."""
    empty = newline[:0]
    number = first
    carry: list[AnyStr] = []
    carried = 0
    skipping = 0  # > 0: inside an overlong line, this many units seen so far
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(newline, start)
            if end < 0:
                rest = len(chunk) - start
                if skipping:
                    skipping += rest
                elif carried + rest > limit:
                    skipping = carried + rest
                    carry, carried = [], 0
                elif rest:
                    carry.append(chunk[start:])
                    carried += rest
                break
            piece = chunk[start:end]
            start = end + len(newline)
            if skipping:
                yield number, empty, empty, skipping + len(piece) + len(newline)
                skipping = 0
            elif carried + len(piece) > limit:
                yield number, empty, empty, carried + len(piece) + len(newline)
                carry, carried = [], 0
            else:
                if carry:
                    carry.append(piece)
                    line = empty.join(carry)
                else:
                    line = piece
                carry, carried = [], 0
                ending = newline
                if newline != cr and line.endswith(cr):
                    line, ending = line[:-1], cr + newline
                yield number, line, ending, 0
            number += 1
    if skipping:
        yield number, empty, empty, skipping
    elif carry:
        line = empty.join(carry)
        ending = empty
        if newline != cr and line.endswith(cr):
            line, ending = line[:-1], cr
        yield number, line, ending, 0


class _Cells:
    """The cells of one record being read, and whether a quoted cell is open."""

    __slots__ = ("cells", "delimiter", "field", "in_quotes", "opened_at", "sloppy")

    def __init__(self, delimiter: str) -> None:
        self.delimiter = delimiter
        self.cells: list[str] = []
        self.field: list[str] = []
        self.in_quotes = False
        self.opened_at = -1  # where in the last line read the open quoted cell began
        self.sloppy = False  # a closing quote was followed by text, not a delimiter

    def snapshot(self) -> tuple[int, list[str], bool, bool]:
        return len(self.cells), list(self.field), self.in_quotes, self.sloppy

    def restore(self, state: tuple[int, list[str], bool, bool]) -> None:
        count, field, self.in_quotes, self.sloppy = state
        del self.cells[count:]
        self.field[:] = field

    def feed(self, text: str, ending: str) -> bool:
        """Read one physical line; True if the record goes on (inside a quoted cell)."""
        delimiter = self.delimiter
        field = self.field
        position = 0
        at_start = not self.in_quotes and not field
        while True:
            if self.in_quotes:
                quote = text.find('"', position)
                if quote < 0:
                    field.append(text[position:])
                    field.append(ending)
                    return True
                field.append(text[position:quote])
                if text.startswith('"', quote + 1):
                    field.append('"')
                    position = quote + 2
                    continue
                self.in_quotes = False
                position = quote + 1
                at_start = False
                if position < len(text) and not text.startswith(delimiter, position):
                    self.sloppy = True
            elif at_start and text.startswith('"', position):
                self.in_quotes = True
                self.opened_at = position
                position += 1
                continue
            cut = text.find(delimiter, position)
            if cut < 0:
                field.append(text[position:])
                self._end_field()
                return False
            field.append(text[position:cut])
            self._end_field()
            position = cut + len(delimiter)
            at_start = True

    def _end_field(self) -> None:
        self.cells.append("".join(self.field))
        self.field.clear()


def split_line(text: str, delimiter: str) -> tuple[list[str], bool]:
    """The cells of one line read on its own, and whether it closes every quote."""
    cells = _Cells(delimiter)
    still_open = cells.feed(text, "")
    if still_open:
        cells._end_field()
    return cells.cells, not still_open


def lenient_cells(text: str, delimiter: str) -> list[str]:
    """A line's cells, the quote of a cell it leaves open read as text (how a broken
    line is shown): ``a,"b,c`` is ``a``, ``"b``, ``c``."""
    cells = _Cells(delimiter)
    if not cells.feed(text, ""):
        return cells.cells
    return cells.cells + text[cells.opened_at :].split(delimiter)


class RecordReader:
    """Records from physical lines; see the module's notes.

    ``width`` is how many cells the file's rows have (from a sample, 0 if unknown): a
    line with that many cells that closes its own quotes reads as a row of its own.
    """

    def __init__(self, delimiter: str, limits: ReadLimits, *, width: int = 0) -> None:
        self.delimiter = delimiter
        self.limits = limits
        self.width = width

    def records(self, lines: Iterable[_Line]) -> Iterator[RawRecord]:
        source = iter(lines)
        back: list[_Line] = []

        def pull() -> _Line | None:
            if back:
                return back.pop()
            return next(source, None)

        while True:
            line = pull()
            if line is None:
                return
            if line.overlong:
                yield self._overlong(line)
                continue
            cells = _Cells(self.delimiter)
            if not cells.feed(line.text, line.ending):
                record = self._record(line.number, cells.cells, line.problem)
                if record is not None:
                    yield record
                continue
            span = [line]
            size = len(line.text)
            why = ""
            while True:
                following = pull()
                if following is None:
                    why = "the file ends first"
                    break
                if following.overlong:
                    back.append(following)
                    why = f"line {following.number} is too long to be part of it"
                    break
                size += len(following.text)
                if len(span) >= self.limits.max_record_lines or size > self.limits.max_record_bytes:
                    back.append(following)
                    why = (
                        f"it would run past {self.limits.max_record_lines:,} lines or "
                        f"{self.limits.max_record_bytes:,} characters"
                    )
                    break
                before = cells.snapshot()
                if cells.feed(following.text, following.ending):
                    if self._reads_as_row(following.text):
                        cells.restore(before)
                        back.append(following)
                        why = f"line {following.number} reads as a row of its own"
                        break
                    span.append(following)
                    continue
                if cells.sloppy or (self.width >= 3 and len(cells.cells) != self.width):
                    cells.restore(before)
                    back.append(following)
                    why = f"line {following.number} does not end it as a row ends"
                    break
                span.append(following)
                break
            if not why:
                problem = next((item.problem for item in span if item.problem), None)
                record = self._record(line.number, cells.cells, problem)
                if record is not None:
                    yield record
                continue
            yield RawRecord(
                line.number,
                tuple(lenient_cells(line.text, self.delimiter)[: self.limits.max_columns]),
                f"line {line.number}: a quote opens a cell that is not closed ({why}); "
                "the row is shown with its quotes as text; fix the quotes in the file",
            )
            yield from self._alone(span[1:])

    def _alone(self, lines: list[_Line]) -> Iterator[RawRecord]:
        """Lines that a broken quoted cell had taken, each read as a row of its own."""
        for line in lines:
            cells, closed = split_line(line.text, self.delimiter)
            if closed:
                record = self._record(line.number, cells, line.problem)
                if record is not None:
                    yield record
                continue
            yield RawRecord(
                line.number,
                tuple(lenient_cells(line.text, self.delimiter)[: self.limits.max_columns]),
                f"line {line.number}: a quote opens a cell that is not closed on this line; "
                "the row is shown with its quotes as text; fix the quotes in the file",
            )

    def _reads_as_row(self, text: str) -> bool:
        if self.width < 3 or text.count(self.delimiter) < self.width - 1:
            return False
        cells, closed = split_line(text, self.delimiter)
        return closed and len(cells) == self.width

    def _record(self, number: int, cells: list[str], problem: str | None) -> RawRecord | None:
        """The record, or None for a blank line (blank lines are not rows)."""
        if problem is None and not any(cell.strip() for cell in cells):
            return None
        limit = self.limits.max_columns
        if len(cells) > limit:
            problem = problem or (
                f"the row has {len(cells):,} cells; leadcheck reads at most {limit:,} columns"
            )
            cells = cells[:limit]
        return RawRecord(number, tuple(cells), problem)

    def _overlong(self, line: _Line) -> RawRecord:
        return RawRecord(
            line.number,
            (),
            f"line {line.number} is {line.overlong:,} bytes long; a row may be at most "
            f"{self.limits.max_record_bytes:,} bytes",
        )
