"""Read reps' exports lazily: CSV in whatever encoding Excel saved it, XLSX, or stdin.

Rows are streamed, never loaded whole, so memory stays flat however long the file.

CSV encodings are told apart in this order: a byte-order mark (UTF-8, UTF-16 and
UTF-32 as Excel's "CSV UTF-8" and "Unicode text" write them); then strict UTF-8 on
a sample from the head and from across the file; then charset-normalizer on that
sample. A Chinese answer (GB2312, GBK, HZ...) is read as GB18030, the superset
Chinese Excel really writes. The delimiter is Excel's ``sep=`` line if there is
one, else whichever of ``,`` ``;`` tab ``|`` splits the first rows most evenly.

A row whose bytes do not decode is still returned, with the broken bytes replaced
and ``problem`` set, so one bad row becomes one row error instead of a failed run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

from leadcheck.batch.columns import HOW_MANY_HEADER_ROWS, Aliases, find_header_row
from leadcheck.errors import BadOptionError, InputFileError

STDIN = "-"
SAMPLE_HEAD = 256 * 1024  # bytes from the head of the file used to tell the encoding
SAMPLE_PIECES = 4  # ...plus this many pieces from across the file
SAMPLE_PIECE = 64 * 1024
MAX_FIELD = 8 * 1024 * 1024  # a bigger CSV cell is a row error (csv's own limit is 128 KiB)
MAX_LINE_BYTES = 16 * 1024 * 1024  # a physical line is read in pieces of at most this size
DELIMITERS = (",", ";", "\t", "|")

_TIP_CSV = "save it from Excel as 'CSV UTF-8 (Comma delimited)' and try again"

# csv's field limit is process-wide; raising it only lets bigger cells through to the
# row check, which turns absurd ones into row errors with their cells kept.
if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One data row as read: its cells, where it starts, and what went wrong reading it."""

    line: int  # physical line (CSV) or row number (XLSX) where the row starts, 1-based
    cells: tuple[str, ...]
    problem: str | None = None


class Table:
    """An open input: the header and the data rows after it, read lazily.

    Use as a context manager, or call :meth:`close`. ``records()`` may be iterated
    once; :meth:`count_rows` reads the file again to count the rows (None for stdin).
    """

    def __init__(
        self,
        *,
        source: str,
        kind: str,
        header: tuple[str, ...],
        header_line: int,
        records: Iterator[RawRecord],
        counter: Callable[[], int | None],
        closer: Callable[[], None],
        encoding: str | None = None,
        delimiter: str | None = None,
        sheet: str | None = None,
    ) -> None:
        self.source = source
        self.kind = kind  # "csv" or "xlsx"
        self.header = header
        self.header_line = header_line
        self.encoding = encoding
        self.delimiter = delimiter
        self.sheet = sheet
        self._records = records
        self._counter = counter
        self._closer = closer

    def records(self) -> Iterator[RawRecord]:
        return self._records

    def count_rows(self) -> int | None:
        """How many data rows the input holds, or None if that cannot be known cheaply."""
        return self._counter()

    def describe(self) -> str:
        """One line on how the input was read, e.g. ``CSV, GB18030, ';'``."""
        if self.kind == "xlsx":
            return f"Excel workbook, sheet {self.sheet!r}"
        shown = {"\t": "tab", ",": "','", ";": "';'", "|": "'|'"}.get(self.delimiter or ",")
        return f"CSV, {self.encoding}, delimiter {shown}"

    def close(self) -> None:
        self._closer()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_table(
    source: str | Path,
    aliases: Aliases,
    *,
    sheet: str | None = None,
    stdin: BinaryIO | None = None,
) -> Table:
    """Open a CSV or XLSX file (or ``-`` for CSV on stdin) and find its header row."""
    name = str(source)
    if name == STDIN:
        if sheet is not None:
            raise BadOptionError("--sheet needs an .xlsx file; stdin is read as CSV")
        return _open_csv(name, stdin or sys.stdin.buffer, aliases, seekable=False)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et", ".numbers", ".ods"):
        raise InputFileError(
            f"{path}: {suffix} files cannot be read; save it from Excel (or WPS) as .xlsx or as "
            "'CSV UTF-8' and try again"
        )
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, aliases, sheet)
    if sheet is not None:
        raise BadOptionError("--sheet needs an .xlsx file")
    try:
        stream: BinaryIO = open(path, "rb")  # noqa: SIM115  closed by the Table
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if _looks_like_zip(stream):
        stream.close()
        return _open_xlsx(path, aliases, sheet)
    return _open_csv(name, stream, aliases, seekable=True)


def _looks_like_zip(stream: BinaryIO) -> bool:
    head = stream.read(4)
    stream.seek(0)
    return head == b"PK\x03\x04"


# --- CSV --------------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CJK = {
    "gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "big5", "big5hkscs", "cp950",
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "cp949", "euc_kr", "johab", "iso2022_jp", "iso2022_kr",
}  # fmt: skip
# Single-byte western answers that charset-normalizer cannot really tell apart from
# Windows-1252, which is what a western Excel writes.
_WESTERN = {"cp1250", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2", "ascii", "mac_roman"}
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\r?\n?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Encoding:
    name: str
    bom: int  # bytes to skip
    line_mode: bool  # decode line by line (ASCII-compatible, LF-terminated)


def detect_encoding(head: bytes, more: Sequence[bytes] = ()) -> tuple[str, int]:
    """The encoding of CSV bytes and the length of its byte-order mark.

    ``head`` is the start of the file; ``more`` are line-aligned pieces from across it.
    """
    for bom, bom_encoding in _BOMS:
        if head.startswith(bom):
            return bom_encoding, len(bom)
    probe = head[:4096]
    if len(probe) >= 4:
        odd = probe[1::2].count(0) / (len(probe) // 2)
        even = probe[0::2].count(0) / (len(probe) // 2)
        if odd > 0.3 and even < 0.05:
            return "utf-16-le", 0
        if even > 0.3 and odd < 0.05:
            return "utf-16-be", 0
    pieces = [_whole_lines(head, at_start=True), *more]
    if _mostly_utf8(pieces):
        return "utf-8", 0
    from charset_normalizer import from_bytes

    # Only the lines with non-ASCII bytes carry evidence; on their own they are judged
    # far better than diluted in a sea of e-mail addresses.
    telling = b"\n".join(
        line for piece in pieces for line in piece.split(b"\n") if not line.isascii()
    )[:SAMPLE_HEAD]
    best = from_bytes(telling).best()
    name: str | None = best.encoding if best is not None else None
    if name is None or name in _CJK:
        # Short CJK samples are ambiguous between GBK, Shift-JIS, Big5 and EUC-KR;
        # reps' files come from Chinese Excel or WPS, which write GB18030/GBK.
        try:
            telling.decode("gb18030")
        except UnicodeDecodeError:
            return name or "utf-8", 0  # undecidable: rows with bad bytes become row errors
        return "gb18030", 0
    if name in _WESTERN:
        return "cp1252", 0
    return name, 0


def _whole_lines(data: bytes, *, at_start: bool) -> bytes:
    """Bytes trimmed to whole lines: from after the first newline (unless at the start)
    to the last newline, so a multi-byte character is never cut."""
    start = 0 if at_start else data.find(b"\n") + 1
    end = data.rfind(b"\n")
    if end < start:
        return data[start:] if at_start else b""
    return data[start : end + 1]


def _mostly_utf8(pieces: Sequence[bytes]) -> bool:
    """UTF-8 unless more non-ASCII lines fail to decode than succeed.

    Text in another encoding (GBK, Windows-1252...) practically never forms valid
    UTF-8 sequences, so one line that does is strong evidence; a few corrupt lines
    in a UTF-8 file then become row errors instead of turning the whole file into
    mojibake.
    """
    good = bad = 0
    for piece in pieces:
        if piece.isascii():
            continue
        for line in piece.split(b"\n"):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
            else:
                good += 1
    return good >= bad


def _sample(stream: BinaryIO, seekable: bool) -> tuple[bytes, list[bytes]]:
    head = stream.read(SAMPLE_HEAD)
    more: list[bytes] = []
    if seekable and len(head) == SAMPLE_HEAD:
        size = stream.seek(0, io.SEEK_END)
        span = max(0, size - SAMPLE_HEAD - SAMPLE_PIECE)
        for step in range(SAMPLE_PIECES):  # evenly spread, the last one at the very end
            stream.seek(SAMPLE_HEAD + span * (step + 1) // SAMPLE_PIECES)
            piece = _whole_lines(stream.read(SAMPLE_PIECE), at_start=False)
            if piece:
                more.append(piece)
    return head, more


class _Prefixed(io.RawIOBase):
    """A non-seekable stream with its already-read head put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _DecodedLines:
    """Lines of an ASCII-compatible byte stream, decoded one by one.

    A line that does not decode is decoded with replacement characters and marks
    ``broken``, which the caller reads and clears after each CSV record.
    """

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        self._stream = stream
        self._encoding = encoding
        self.broken = False

    def __iter__(self) -> Iterator[str]:
        readline = self._stream.readline
        encoding = self._encoding
        while True:
            raw = readline(MAX_LINE_BYTES)
            if not raw:
                return
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError:
                self.broken = True
                yield raw.decode(encoding, "replace")


def _open_csv(name: str, stream: BinaryIO, aliases: Aliases, *, seekable: bool) -> Table:
    try:
        head, more = _sample(stream, seekable)
    except OSError as exc:
        stream.close()
        raise InputFileError(f"cannot read {name}: {exc.strerror or exc}") from exc
    if not head.strip():
        stream.close()
        raise InputFileError(f"{name} is empty")
    encoding_name, bom = detect_encoding(head, more)
    line_mode = not encoding_name.startswith(("utf-16", "utf-32")) and (
        b"\n" in head or b"\r" not in head  # CR-only line ends need universal newlines
    )
    encoding = _Encoding(encoding_name, bom, line_mode)

    text_head = head[bom:].decode(encoding_name, "replace")
    first_line, _, _ = text_head.partition("\n")
    sep_match = _SEP_LINE.match(first_line + "\n")
    delimiter = sep_match.group(1) if sep_match else sniff_delimiter(text_head)
    skip_lines = 1 if sep_match else 0

    def reopen() -> IO[bytes]:
        if seekable:
            stream.seek(bom)
            return stream
        return io.BufferedReader(_Prefixed(head[bom:], stream), buffer_size=1024 * 1024)

    def generate() -> Iterator[RawRecord]:
        return _csv_records(reopen(), encoding, delimiter, skip_lines)

    records = generate()
    first = list(islice(records, HOW_MANY_HEADER_ROWS))
    if not first:
        stream.close()
        raise InputFileError(f"{name} has no rows")
    header_at = find_header_row([r.cells for r in first], aliases)
    header = first[header_at]
    if header.problem:
        stream.close()
        raise InputFileError(
            f"{name}: the header row cannot be read ({header.problem}); {_TIP_CSV}"
        )
    buffered = first[header_at + 1 :]

    def chained() -> Iterator[RawRecord]:
        yield from buffered
        yield from records

    def counter() -> int | None:
        if not seekable:
            return None
        position = stream.tell()
        try:
            return sum(1 for _ in generate()) - header_at - 1
        finally:
            stream.seek(position)

    return Table(
        source=name,
        kind="csv",
        header=header.cells,
        header_line=header.line,
        records=_guard(chained(), name),
        counter=counter,
        closer=stream.close,
        encoding=encoding_name.upper() + (" with BOM" if bom else ""),
        delimiter=delimiter,
    )


def _csv_records(
    stream: IO[bytes], encoding: _Encoding, delimiter: str, skip_lines: int
) -> Iterator[RawRecord]:
    """Non-blank CSV records with the line each starts on and any reading problem."""
    lines: Iterable[str]
    decoded: _DecodedLines | None = None
    if encoding.line_mode:
        decoded = _DecodedLines(stream, encoding.name)
        lines = decoded
    else:
        lines = io.TextIOWrapper(stream, encoding=encoding.name, errors="replace", newline="")
    line_iter = iter(lines)
    for _ in range(skip_lines):
        next(line_iter, None)
    reader = csv.reader(line_iter, delimiter=delimiter)
    try:
        yield from _parse(reader, decoded, encoding.name, skip_lines)
    finally:
        if isinstance(lines, io.TextIOWrapper):
            lines.detach()  # leave the underlying stream to its owner


def _parse(
    reader: Any, decoded: _DecodedLines | None, encoding: str, skip_lines: int
) -> Iterator[RawRecord]:
    consumed = skip_lines
    broken = f"broken text encoding: some bytes are not valid {encoding.upper()}"
    while True:
        start = consumed + 1
        problem = None
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            cells, problem = [], f"the row cannot be read as CSV ({exc})"
        consumed = skip_lines + reader.line_num
        if decoded is not None:
            if decoded.broken:
                problem = problem or broken
                decoded.broken = False
        elif any("\ufffd" in cell for cell in cells):
            problem = problem or broken
        if problem is None and not any(cell.strip() for cell in cells):
            continue
        yield RawRecord(line=start, cells=tuple(cells), problem=problem)


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``, ; tab |`` that splits the first rows most evenly."""
    lines = text.splitlines(keepends=True)[:50]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end mid-row
    best = (0.0, 0, ",")
    for delimiter in DELIMITERS:
        try:
            rows = [row for row in csv.reader(lines, delimiter=delimiter) if any(row)]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = [len(row) for row in rows]
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common) / len(widths), common, delimiter)
        if score[:2] > best[:2]:
            best = score
    return best[2]


def _guard(records: Iterator[RawRecord], name: str) -> Iterator[RawRecord]:
    """Translate I/O failures in the middle of a file into InputFileError."""
    try:
        yield from records
    except OSError as exc:
        raise InputFileError(f"reading {name} failed: {exc.strerror or exc}") from exc


# --- XLSX -------------------------------------------------------------------------------


def _open_xlsx(path: Path, aliases: Aliases, sheet: str | None) -> Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise InputFileError(
            f"cannot read {path} as an Excel workbook ({exc}); open it in Excel and save it "
            f"again as .xlsx, or {_TIP_CSV}"
        ) from exc
    try:
        names = list(workbook.sheetnames)
        worksheets = workbook.worksheets
        if sheet is not None:
            if sheet not in names:
                raise BadOptionError(
                    f"--sheet {sheet!r}: no such sheet in {path.name}; sheets are: "
                    + ", ".join(repr(n) for n in names)
                )
            worksheet = workbook[sheet]
        elif worksheets:
            worksheet = worksheets[0]
        else:
            raise InputFileError(f"{path} has no worksheet")
        rows = _xlsx_records(worksheet.iter_rows(values_only=True))
        first = list(islice(rows, HOW_MANY_HEADER_ROWS))
        if not first:
            raise InputFileError(f"{path}: sheet {worksheet.title!r} has no rows")
    except BaseException:
        workbook.close()
        raise
    header_at = find_header_row([r.cells for r in first], aliases)
    header = first[header_at]
    buffered = first[header_at + 1 :]

    def chained() -> Iterator[RawRecord]:
        yield from buffered
        yield from rows

    max_row = getattr(worksheet, "max_row", None)

    def counter() -> int | None:
        return max(0, max_row - header.line) if isinstance(max_row, int) else None

    return Table(
        source=str(path),
        kind="xlsx",
        header=header.cells,
        header_line=header.line,
        records=_guard_xlsx(chained(), path),
        counter=counter,
        closer=workbook.close,
        sheet=worksheet.title,
    )


def _xlsx_records(rows: Iterable[Sequence[object]]) -> Iterator[RawRecord]:
    for number, values in enumerate(rows, start=1):
        cells = tuple(cell_text(value) for value in values)
        while cells and not cells[-1]:
            cells = cells[:-1]
        if any(cell.strip() for cell in cells):
            yield RawRecord(line=number, cells=cells)


def _guard_xlsx(records: Iterator[RawRecord], path: Path) -> Iterator[RawRecord]:
    import zipfile

    try:
        yield from records
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError(f"reading {path} failed ({exc}); {_TIP_CSV}") from exc


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a rep sees (phone numbers keep their digits)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
