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
import io
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

from leadcheck.batch.columns import HOW_MANY_HEADER_ROWS, Aliases, find_header_row
from leadcheck.batch.csv_records import RecordReader, byte_lines, text_lines
from leadcheck.batch.limits import DEFAULT_LIMITS, ReadLimits
from leadcheck.batch.records import RawRecord, cell_text
from leadcheck.batch.row_decoding import LineDecoder
from leadcheck.errors import BadOptionError, InputFileError, MissingFileError

__all__ = ["STDIN", "RawRecord", "Table", "cell_text", "detect_encoding", "open_table",
           "sniff_delimiter"]  # fmt: skip

STDIN = "-"
SAMPLE_HEAD = 256 * 1024  # bytes from the head of the file used to tell the encoding
SAMPLE_PIECES = 4  # ...plus this many pieces from across the file
SAMPLE_PIECE = 64 * 1024
MAX_FIELD = 8 * 1024 * 1024  # csv's field limit for sniffing the delimiter (its own is 128 KiB)
DELIMITERS = (",", ";", "\t", "|")

_TIP_CSV = "save it from Excel as 'CSV UTF-8 (Comma delimited)' and try again"

# csv's field limit is process-wide; only sniff_delimiter uses the csv module.
if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)


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
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Table:
    """Open a CSV or XLSX file (or ``-`` for CSV on stdin) and find its header row.

    Every read is bounded by ``limits`` (see :mod:`leadcheck.batch.limits`).
    """
    name = str(source)
    if name == STDIN:
        if sheet is not None:
            raise BadOptionError("--sheet needs an .xlsx file; stdin is read as CSV")
        return _open_csv(name, stdin or sys.stdin.buffer, aliases, seekable=False, limits=limits)
    path = Path(source)
    if not path.exists():
        raise MissingFileError(f"cannot read {path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et", ".numbers", ".ods"):
        raise InputFileError(
            f"{path}: {suffix} files cannot be read; save it from Excel (or WPS) as .xlsx or as "
            "'CSV UTF-8' and try again"
        )
    if suffix in (".xlsx", ".xlsm"):
        from leadcheck.batch.xlsx import open_xlsx

        return open_xlsx(path, aliases, sheet, limits)
    if sheet is not None:
        raise BadOptionError("--sheet needs an .xlsx file")
    try:
        stream: BinaryIO = open(path, "rb")  # noqa: SIM115  closed by the Table
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if _looks_like_zip(stream):
        stream.close()
        from leadcheck.batch.xlsx import open_xlsx

        return open_xlsx(path, aliases, sheet, limits)
    return _open_csv(name, stream, aliases, seekable=True, limits=limits)


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
_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2", "ascii",
            "mac_roman"}  # fmt: skip
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\r?\n?$", re.IGNORECASE)


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

    # Only the lines with non-ASCII bytes that are not UTF-8 carry evidence (UTF-8 lines
    # are read as UTF-8 whatever the file's encoding, see row_decoding); on their own
    # they are judged far better than diluted in a sea of e-mail addresses.
    lines = [line for piece in pieces for line in piece.split(b"\n") if not _utf8_or_ascii(line)]
    telling = b"\n".join(lines)[:SAMPLE_HEAD]
    matches = from_bytes(telling)
    best = matches.best()
    name: str | None = _codec_name(best.encoding) if best is not None else None
    if name is not None and not _ascii_compatible(name):
        # EBCDIC, UTF-7, or UTF-16/32 without a byte-order mark or NULs (tested above):
        # never what a spreadsheet export of ASCII headers and addresses is in.
        name = None
    folded = name.replace("-", "_") if name else None
    if folded is None or folded in _CJK:
        # Short CJK samples are ambiguous between GBK, Shift-JIS, Big5 and EUC-KR;
        # reps' files come from Chinese Excel or WPS, which write GB18030/GBK.
        try:
            telling.decode("gb18030")
        except UnicodeDecodeError:
            # Mixed or undecidable: the legacy encoding most of these lines read in.
            return _by_votes(lines) or name or "utf-8", 0
        return "gb18030", 0
    if folded in _WESTERN:
        return "cp1252", 0
    # charset-normalizer tells Latin-script code pages apart poorly (French text comes
    # back as cp775 or cp1257): Windows-1252 when it is a candidate and the lines read
    # as plausible Windows-1252 text.
    if any(match.encoding == "cp1252" for match in matches) and _by_votes(lines) == "cp1252":
        return "cp1252", 0
    return name or "utf-8", 0


_ASCII = bytes(range(128))


def _ascii_compatible(name: str) -> bool:
    """Whether an encoding reads ASCII bytes as ASCII (so lines split at LF bytes)."""
    try:
        return _ASCII.decode(name) == _ASCII.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _utf8_or_ascii(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codec_name(label: str) -> str | None:
    import codecs

    try:
        return codecs.lookup(label).name  # "utf-8", "gb18030", "iso8859-1", "mac-roman"...
    except LookupError:
        return None


def _by_votes(lines: Sequence[bytes]) -> str | None:
    """GB18030 or Windows-1252, whichever more of ``lines`` read plausibly in (None if
    neither reads any): the per-line decoder then reads each line in the one that fits."""
    gb = western = 0
    for line in lines:
        if LineDecoder.plausible(line, "gb18030"):
            gb += 1
        elif LineDecoder.plausible(line, "cp1252"):
            western += 1
    if not gb and not western:
        return None
    return "gb18030" if gb >= western else "cp1252"


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


def _open_csv(
    name: str, stream: BinaryIO, aliases: Aliases, *, seekable: bool, limits: ReadLimits
) -> Table:
    try:
        head, more = _sample(stream, seekable)
    except OSError as exc:
        stream.close()
        raise InputFileError(f"cannot read {name}: {exc.strerror or exc}") from exc
    if not head.strip():
        stream.close()
        raise InputFileError(f"{name} is empty")
    encoding_name, bom = detect_encoding(head, more)
    wide = encoding_name.startswith(("utf-16", "utf-32"))

    text_head = head[bom:].decode(encoding_name, "replace")
    newline = "\n" if "\n" in text_head or "\r" not in text_head else "\r"
    first_line = text_head.partition(newline)[0].removesuffix("\r")
    sep_match = _SEP_LINE.match(first_line)
    if sep_match:
        delimiter = sep_match.group(1)
        if not _usable_delimiter(delimiter):
            stream.close()
            raise InputFileError(
                f"{name}: the first line, {first_line!r}, names {delimiter!r} as the "
                "delimiter, which cannot separate cells; delete that line or " + _TIP_CSV
            )
    else:
        delimiter = sniff_delimiter(text_head)
    skip_lines = 1 if sep_match else 0
    width = _common_width(text_head, delimiter, newline, skip_lines)

    def reopen() -> IO[bytes]:
        if seekable:
            stream.seek(bom)
            return stream
        return io.BufferedReader(_Prefixed(head[bom:], stream), buffer_size=1024 * 1024)

    def generate() -> Iterator[RawRecord]:
        lines = _physical_lines(reopen(), encoding_name, newline, wide, limits)
        if skip_lines:
            next(lines, None)
        return RecordReader(delimiter, limits, width=width).records(lines)

    records = generate()
    first = list(islice(records, HOW_MANY_HEADER_ROWS))
    if not first:
        stream.close()
        raise InputFileError(f"{name} has no rows")
    header_at = find_header_row([r.cells for r in first], aliases)
    header = first[header_at]
    if header.problem:
        stream.close()
        # A decoding problem may carry its own "save as CSV UTF-8" tip: say it once.
        tip = "" if "CSV UTF-8" in header.problem else f"; {_TIP_CSV}"
        raise InputFileError(f"{name}: the header row cannot be read ({header.problem}){tip}")
    _check_width(name, header.cells, limits)
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


def _usable_delimiter(delimiter: str) -> bool:
    """A delimiter Excel's ``sep=`` line may name: tab or visible punctuation."""
    return delimiter == "\t" or (
        delimiter.isprintable()
        and not delimiter.isspace()
        and not delimiter.isalnum()
        and delimiter not in '"\u00a0'
    )


def _check_width(name: str, header: Sequence[str], limits: ReadLimits) -> None:
    if len(header) > limits.max_columns:
        raise InputFileError(
            f"{name}: the header has {len(header):,} columns; leadcheck reads at most "
            f"{limits.max_columns:,}: delete the columns you do not need and try again"
        )


def _physical_lines(
    stream: IO[bytes], encoding: str, newline: str, wide: bool, limits: ReadLimits
) -> Iterator[Any]:
    """The file's physical lines: decoded one by one, or (UTF-16/32) as a text stream."""
    if not wide:
        decoder = LineDecoder(encoding)
        return byte_lines(
            stream, decoder, newline=newline.encode("ascii"), limit=limits.max_record_bytes
        )
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")

    def chunks() -> Iterator[str]:
        try:
            while piece := text.read(256 * 1024):
                yield piece
        finally:
            text.detach()  # leave the underlying stream to its owner

    broken = f"broken text encoding: some bytes are not valid {encoding.upper()}"
    return text_lines(chunks(), newline=newline, limit=limits.max_record_bytes, problem=broken)


def _common_width(text: str, delimiter: str, newline: str, skip_lines: int) -> int:
    """How many cells the sample's rows most often have (0: unknown), its rows read with
    their multi-line cells but without the checks that need this width."""
    pieces = text.split(newline)[skip_lines:-1]  # the last piece may be cut short
    lines = text_lines(_with_newlines(pieces, newline), newline=newline, limit=len(text) + 1)
    reader = RecordReader(delimiter, DEFAULT_LIMITS, width=0)
    widths: Counter[int] = Counter()
    for record in islice(reader.records(lines), 200):
        if record.problem is None and len(record.cells) > 1:
            widths[len(record.cells)] += 1
    return widths.most_common(1)[0][0] if widths else 0


def _with_newlines(pieces: Sequence[str], newline: str) -> Iterator[str]:
    for piece in pieces:
        yield piece + newline


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
