"""Read one sheet of an XLSX workbook, every part bounded before and while it is read.

openpyxl trusts the file: its read-only mode pads every row to the declared
dimension (``A1:XFD1048576`` means 16,384 cells a row and a million rows), loads all
shared strings and every cell's text before any size is checked, and one bad number
or date ends the whole read with ``ValueError``. Here the workbook is read straight
from the ZIP archive with the standard library, through bounded decompression and a
streaming XML parser (expat), so that:

* the archive may hold at most ``max_zip_entries`` entries, and each part read is
  refused if it declares, or turns out to inflate to, more than its limit
  (``max_sheet_bytes``, ``max_shared_strings_bytes``, ``max_meta_bytes``);
* XML may not declare a DTD (no entities, so no entity bombs), nest deeper than
  ``max_xml_depth`` or hold a tag, comment or processing instruction longer than
  ``max_xml_token_bytes`` (which the parser would have to keep whole);
* only the cells present are read, never a declared dimension; a row is as wide as
  its last filled cell; a cell past ``max_columns`` or a row past ``max_rows`` is a
  row error; at most ``max_cell_chars`` characters of a cell are kept (a longer
  cell is a row error); at most ``max_shared_strings`` shared strings are loaded;
* a cell that does not hold what its type says (a number that is not a number, a
  date Excel cannot show, a shared string that does not exist) is an error in its
  own row, with the other rows read as usual;
* a file broken before its first data row (not a ZIP archive, corrupt deflate data,
  malformed XML, a limit passed) is an :class:`~leadcheck.errors.InputFileError`;
  one broken after rows were read ends with an error row saying from where on the
  sheet could not be read, so the rows already checked are kept.

Dates and times follow the cell's number format (openpyxl's date-format rules and
its conversion from Excel serial numbers, 1900 or 1904 based).
"""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from leadcheck.batch.columns import HOW_MANY_HEADER_ROWS, Aliases, find_header_row
from leadcheck.batch.limits import ReadLimits
from leadcheck.batch.records import RawRecord, cell_text
from leadcheck.errors import BadOptionError, InputFileError

if TYPE_CHECKING:
    from leadcheck.batch.readers import Table

_TIP = "open it in Excel and save it again as .xlsx, or save it as 'CSV UTF-8' and try again"
_CHUNK = 64 * 1024
_REL_OFFICE_DOCUMENT = "/officeDocument"
_REL_WORKSHEET = "/worksheet"
_REL_SHARED_STRINGS = "/sharedStrings"
_REL_STYLES = "/styles"
_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d*)")
_INTEGER = re.compile(r"[+-]?\d{1,30}")
EXCEL_MAX_COLUMN = 16_384


class XlsxError(Exception):
    """The workbook cannot be read (translated to InputFileError or a last error row)."""


# --- bounded parts ---------------------------------------------------------------------


class _Archive:
    """The ZIP archive, its entries checked, and its parts read with bounds."""

    def __init__(self, path: Path, limits: ReadLimits) -> None:
        self.limits = limits
        try:
            self.zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:
            raise XlsxError(f"it is not a ZIP archive ({exc})") from exc
        try:
            infos = self.zip.infolist()
            if len(infos) > limits.max_zip_entries:
                raise XlsxError(
                    f"its archive holds {len(infos):,} entries; a workbook has far fewer "
                    f"(at most {limits.max_zip_entries:,} are read)"
                )
            self.names = {info.filename: info for info in infos}
            self.folded = {name.lower(): info for name, info in self.names.items()}
        except BaseException:
            self.zip.close()
            raise

    def close(self) -> None:
        self.zip.close()

    def find(self, name: str) -> zipfile.ZipInfo | None:
        name = name.lstrip("/")
        return self.names.get(name) or self.folded.get(name.lower())

    def chunks(self, name: str, limit: int) -> Iterator[bytes]:
        """The decompressed bytes of one part, refused past ``limit`` bytes."""
        info = self.find(name)
        if info is None:
            raise XlsxError(f"its part {name!r} is missing")
        if info.file_size > limit:
            raise XlsxError(
                f"its part {name!r} inflates to {info.file_size:,} bytes; at most "
                f"{limit:,} are read"
            )
        total = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise XlsxError(f"its part {name!r} inflates to more than {limit:,} bytes")
                    yield chunk
        except XlsxError:
            raise
        except zlib.error as exc:
            raise XlsxError(f"its part {name!r} holds corrupt compressed data ({exc})") from exc
        except (zipfile.BadZipFile, EOFError) as exc:
            raise XlsxError(f"its part {name!r} is damaged ({exc})") from exc
        except (OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise XlsxError(f"its part {name!r} cannot be unpacked ({exc})") from exc


def _local(name: str) -> str:
    """An XML name without its namespace prefix (``x:row`` -> ``row``)."""
    return name.rpartition(":")[2] if ":" in name else name


class _Xml:
    """A streaming, bounded expat parser.

    ``start(name, attrs)``, ``end(name)`` and ``text(data)`` get raw names (with any
    prefix: see :func:`_local`) and are called straight from expat, so the handlers of
    the big parts (the sheet, the shared strings) cost one Python call per event. They
    count the nesting depth themselves with :meth:`enter`. The longest pending token is
    checked after each chunk from expat's position, at no cost per event.
    """

    def __init__(
        self,
        limits: ReadLimits,
        what: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None],
        text: Callable[[str], None] | None = None,
    ) -> None:
        self.limits = limits
        self.what = what
        self.fed = 0
        parser = expat.ParserCreate()
        parser.buffer_text = False
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def refuse_doctype(*_args: object) -> None:
            raise XlsxError(f"{what} declares a DTD, which workbooks never do")

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        parser.StartDoctypeDeclHandler = refuse_doctype
        parser.EntityDeclHandler = refuse_doctype
        self.parser = parser

    def too_deep(self) -> XlsxError:
        return XlsxError(f"{self.what} nests XML deeper than {self.limits.max_xml_depth} levels")

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        try:
            self.parser.Parse(chunk, final)
        except expat.ExpatError as exc:
            raise XlsxError(f"{self.what} is not well-formed XML ({exc})") from exc
        self.fed += len(chunk)
        # expat's position is where its last reported event began: what lies beyond it
        # is one token (a tag, comment...) that expat holds whole until it ends.
        if self.fed - self.parser.CurrentByteIndex > self.limits.max_xml_token_bytes:
            raise XlsxError(
                f"{self.what} holds an XML tag or comment longer than "
                f"{self.limits.max_xml_token_bytes:,} bytes"
            )


def _parse_part(
    archive: _Archive,
    name: str,
    limit: int,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] = lambda _name: None,
) -> None:
    """Parse a small part (workbook, relationships, styles) with local names."""
    depth = 0
    limits = archive.limits

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > limits.max_xml_depth:
            raise xml.too_deep()
        start(_local(tag), {_local(key): value for key, value in attrs.items()})

    def on_end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        end(_local(tag))

    xml = _Xml(limits, f"its part {name!r}", on_start, on_end)
    for chunk in archive.chunks(name, limit):
        xml.feed(chunk)
    xml.feed(b"", final=True)


# --- workbook structure ----------------------------------------------------------------


def _relationships(archive: _Archive, part: str) -> list[tuple[str, str, str]]:
    """(id, type, resolved target) of a part's relationships ([] if it has none)."""
    folder, base = posixpath.split(part.lstrip("/"))
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if archive.find(rels) is None:
        return []
    found: list[tuple[str, str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "Relationship" and attrs.get("TargetMode", "").lower() != "external":
            target = attrs.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found.append((attrs.get("Id", ""), attrs.get("Type", ""), resolved))

    _parse_part(archive, rels, archive.limits.max_meta_bytes, start)
    return found


class _Workbook:
    """The sheets (name → part), shared-strings and styles parts, and the date system."""

    def __init__(self, archive: _Archive) -> None:
        root = [
            target
            for _, kind, target in _relationships(archive, "")
            if kind.endswith(_REL_OFFICE_DOCUMENT)
        ]
        self.part = root[0] if root else "xl/workbook.xml"
        rels = {rid: (kind, target) for rid, kind, target in _relationships(archive, self.part)}
        self.sheets: dict[str, str] = {}
        self.date1904 = False

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == "sheet":
                kind, target = rels.get(attrs.get("id", ""), ("", ""))
                if kind.endswith(_REL_WORKSHEET) and attrs.get("name"):
                    self.sheets.setdefault(attrs["name"], target)
            elif name == "workbookPr":
                self.date1904 = attrs.get("date1904", "").lower() in ("1", "true")

        _parse_part(archive, self.part, archive.limits.max_meta_bytes, start)
        self.shared_strings = next(
            (t for kind, t in rels.values() if kind.endswith(_REL_SHARED_STRINGS)), None
        )
        self.styles = next((t for kind, t in rels.values() if kind.endswith(_REL_STYLES)), None)


def _date_styles(archive: _Archive, part: str | None) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of the cell styles that show dates, and of those that show durations."""
    if part is None or archive.find(part) is None:
        return frozenset(), frozenset()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    custom: dict[int, str] = {}
    formats: list[int] = []
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "numFmt":
            number = attrs.get("numFmtId", "")
            if number.isdigit() and len(number) < 10:
                custom[int(number)] = attrs.get("formatCode", "")
        elif name in ("cellXfs", "cellStyleXfs"):
            where.append(name)
        elif name == "xf" and where and where[-1] == "cellXfs":
            try:
                formats.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                formats.append(0)

    def end(name: str) -> None:
        if name in ("cellXfs", "cellStyleXfs") and where:
            where.pop()

    _parse_part(archive, part, archive.limits.max_meta_bytes, start, end)
    dates, durations = set(), set()
    for index, number in enumerate(formats):
        code = custom.get(number, BUILTIN_FORMATS.get(number))
        if code and is_date_format(code):
            dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
    return frozenset(dates), frozenset(durations)


class _SharedStrings:
    """The shared-strings table, each entry cut to ``max_cell_chars`` characters; the
    true length of the entries that were cut is kept to report them."""

    def __init__(self, archive: _Archive, part: str | None) -> None:
        self.items: list[str] = []
        self.lengths: dict[int, int] = {}
        if part is None or archive.find(part) is None:
            return
        limits = archive.limits
        keep, most, deepest = limits.max_cell_chars, limits.max_shared_strings, limits.max_xml_depth
        items, lengths = self.items, self.lengths
        pieces: list[str] = []
        depth = kept = length = phonetic = 0
        in_t = False

        def start(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth, kept, length, phonetic, in_t
            depth += 1
            if depth > deepest:
                raise xml.too_deep()
            if ":" in tag:
                tag = tag.rpartition(":")[2]
            if tag == "t":
                in_t = True
            elif tag == "si":
                pieces.clear()
                kept = length = 0
            elif tag == "rPh":
                phonetic += 1  # a phonetic guide's text is not the cell's text
            elif tag == "sst":
                declared = attrs.get("uniqueCount", "")
                if declared.isdigit() and int(declared) > most:
                    raise XlsxError(f"it declares {int(declared):,} shared strings")

        def end(tag: str) -> None:
            nonlocal depth, phonetic, in_t
            depth -= 1
            if ":" in tag:
                tag = tag.rpartition(":")[2]
            if tag == "t":
                in_t = False
            elif tag == "si":
                if len(items) >= most:
                    raise XlsxError(f"it holds more than {most:,} shared strings")
                if length > keep:
                    lengths[len(items)] = length
                items.append(pieces[0] if len(pieces) == 1 else "".join(pieces))
            elif tag == "rPh":
                phonetic -= 1

        def text(data: str) -> None:
            nonlocal kept, length
            if in_t and not phonetic:
                length += len(data)
                if kept < keep:
                    piece = data[: keep - kept]
                    pieces.append(piece)
                    kept += len(piece)

        xml = _Xml(limits, f"its part {part!r}", start, end, text)
        for chunk in archive.chunks(part, limits.max_shared_strings_bytes):
            xml.feed(chunk)
        xml.feed(b"", final=True)


# --- the sheet -------------------------------------------------------------------------


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


class _SheetReader:
    """Turns the sheet's XML events into records (see the module's notes)."""

    def __init__(
        self,
        limits: ReadLimits,
        strings: _SharedStrings,
        dates: frozenset[int],
        durations: frozenset[int],
        date1904: bool,
    ) -> None:
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

        self.limits = limits
        self.strings = strings
        self.dates = dates
        self.durations = durations
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self.done: list[RawRecord] = []
        self.row_number = 0
        self.row: dict[int, str] | None = None
        self.problem: str | None = None
        self.column = 0
        self.cell: dict[str, str] = {}
        self.pieces: list[str] = []
        self.length = 0
        self.collect = False
        self.in_inline = False
        self.skip = 0
        self.width = 0
        self.depth = 0

    # expat handlers
    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > self.limits.max_xml_depth:
            raise XlsxError(f"the sheet nests XML deeper than {self.limits.max_xml_depth} levels")
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "row":
            number = attrs.get("r", "")
            self.row_number = (
                int(number) if number.isdigit() and len(number) < 10 else (self.row_number + 1)
            )
            self.row, self.problem, self.column, self.width = {}, None, 0, 0
        elif self.row is None:
            return
        elif name == "c":
            self.cell = attrs
            self.pieces, self.length = [], 0
            self.in_inline = False
        elif name == "v":
            self.collect = not self.in_inline
        elif name == "is":
            self.in_inline = True
        elif name == "rPh":
            self.skip += 1
        elif name == "t" and self.in_inline:
            self.collect = True

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.row is None:
            return
        if ":" in name:
            name = name.rpartition(":")[2]
        if name in ("v", "t"):
            self.collect = False
        elif name == "rPh":
            self.skip -= 1
        elif name == "is":
            self.in_inline = False
        elif name == "c":
            self._end_cell()
        elif name == "row":
            self._end_row()

    def text(self, data: str) -> None:
        if self.collect and not self.skip:
            room = self.limits.max_cell_chars - self.length  # characters still kept
            self.length += len(data)
            if room > 0:
                self.pieces.append(data[:room])

    # cells and rows
    def _end_cell(self) -> None:
        assert self.row is not None
        reference = self.cell.get("r", "")
        match = _CELL_REF.fullmatch(reference)
        column = column_number(match.group(1)) if match else self.column + 1
        self.column = column
        shown = reference or f"in column {column}"
        if column > EXCEL_MAX_COLUMN or column > self.limits.max_columns:
            self.problem = self.problem or (
                f"the cell {shown} is beyond column {self.limits.max_columns:,}, the last "
                "one leadcheck reads"
            )
            return
        value, problem = self._value(shown)
        if problem is not None:
            self.problem = self.problem or problem
        if value:
            self.row[column] = value
            self.width = max(self.width, column)

    def _value(self, shown: str) -> tuple[str, str | None]:
        kind = self.cell.get("t", "n")
        text = "".join(self.pieces)
        if self.length > self.limits.max_cell_chars:
            return text, (
                f"the cell {shown} is {self.length:,} characters long; the limit is "
                f"{self.limits.max_cell_chars:,}"
            )
        if kind == "s":
            try:
                index = int(text)
                value = self.strings.items[index]
            except (ValueError, IndexError):
                return "", f"the cell {shown} refers to a shared string the file does not hold"
            length = self.strings.lengths.get(index)
            if length is not None:
                return value, (
                    f"the cell {shown} is {length:,} characters long; the limit is "
                    f"{self.limits.max_cell_chars:,}"
                )
            return value, None
        if kind in ("inlineStr", "str", "e"):
            return text, None
        if not text.strip():
            return "", None
        if kind == "b":
            if text.strip() in ("0", "1"):
                return ("TRUE" if text.strip() == "1" else "FALSE"), None
            return text, f"the cell {shown} holds {text[:40]!r}, which is not TRUE or FALSE"
        if kind == "d":
            try:
                moment = dt.datetime.fromisoformat(text.strip())
            except ValueError:
                return text, f"the cell {shown} holds {text[:40]!r}, which is not a date"
            return cell_text(moment), None
        return self._number(text.strip(), shown)

    def _number(self, text: str, shown: str) -> tuple[str, str | None]:
        number: int | float
        try:
            number = int(text) if _INTEGER.fullmatch(text) else float(text)
        except ValueError:
            return text, f"the cell {shown} holds {text[:40]!r}, which is not a number"
        if isinstance(number, float) and not math.isfinite(number):
            return text, f"the cell {shown} holds {text[:40]!r}, which is not a number"
        style = self.cell.get("s", "0")
        index = int(style) if style.isdigit() and len(style) < 10 else 0
        if index in self.dates:
            from openpyxl.utils.datetime import from_excel

            try:
                moment = from_excel(number, self.epoch, timedelta=index in self.durations)
            except (OverflowError, ValueError, ArithmeticError):
                return text, (
                    f"the cell {shown} holds {text[:40]!r}, a date or time Excel cannot show"
                )
            return cell_text(moment), None
        return cell_text(number), None

    def _end_row(self) -> None:
        assert self.row is not None
        row, problem, number = self.row, self.problem, self.row_number
        self.row = None
        if number > self.limits.max_rows:
            problem = problem or (
                f"row {number:,} is beyond row {self.limits.max_rows:,}, the last one read"
            )
        cells = tuple(row.get(column, "") for column in range(1, self.width + 1))
        if problem is None and not any(cell.strip() for cell in cells):
            return
        self.done.append(RawRecord(line=number, cells=cells, problem=problem))


def _sheet_records(archive: _Archive, part: str, reader: _SheetReader) -> Iterator[RawRecord]:
    xml = _Xml(archive.limits, "the sheet", reader.start, reader.end, reader.text)
    try:
        for chunk in archive.chunks(part, archive.limits.max_sheet_bytes):
            xml.feed(chunk)
            yield from reader.done
            reader.done.clear()
        xml.feed(b"", final=True)
    except XlsxError:  # the rows read before a failure in the same chunk are kept too
        yield from reader.done
        raise
    yield from reader.done


def _cut_short(records: Iterator[RawRecord]) -> Iterator[RawRecord]:
    """The records; a failure after some were read ends them with an error row."""
    last = 0
    try:
        for record in records:
            last = record.line
            yield record
    except XlsxError as exc:
        yield RawRecord(
            line=last + 1,
            cells=(),
            problem=f"the rest of the sheet, after row {last:,}, cannot be read: {exc}",
        )


# --- opening ---------------------------------------------------------------------------


def open_xlsx(path: Path, aliases: Aliases, sheet: str | None, limits: ReadLimits) -> Table:
    """Open ``path``'s worksheet (``sheet`` or the first) as a :class:`Table`."""
    from leadcheck.batch.readers import Table

    try:
        archive = _Archive(path, limits)
    except XlsxError as exc:
        raise InputFileError(f"cannot read {path} as an Excel workbook: {exc}; {_TIP}") from exc
    try:
        workbook = _Workbook(archive)
        names = list(workbook.sheets)
        if sheet is not None:
            if sheet not in workbook.sheets:
                raise BadOptionError(
                    f"--sheet {sheet!r}: no such sheet in {path.name}; sheets are: "
                    + ", ".join(repr(n) for n in names)
                )
            title = sheet
        elif names:
            title = names[0]
        else:
            raise InputFileError(f"{path} has no worksheet")
        part = workbook.sheets[title]
        strings = _SharedStrings(archive, workbook.shared_strings)
        dates, durations = _date_styles(archive, workbook.styles)

        def generate() -> Iterator[RawRecord]:
            reader = _SheetReader(limits, strings, dates, durations, workbook.date1904)
            return _sheet_records(archive, part, reader)

        rows = generate()
        first = list(islice(rows, HOW_MANY_HEADER_ROWS))
        if not first:
            raise InputFileError(f"{path}: sheet {title!r} has no rows")
        header_at = find_header_row([r.cells for r in first], aliases)
        header = first[header_at]
        if header.problem:
            raise InputFileError(
                f"{path}: the header row (row {header.line}) cannot be read: {header.problem}"
            )
        if len(header.cells) > limits.max_columns:  # pragma: no cover - cut while reading
            raise InputFileError(f"{path}: the header has too many columns")
    except XlsxError as exc:
        archive.close()
        raise InputFileError(f"cannot read {path} as an Excel workbook: {exc}; {_TIP}") from exc
    except BaseException:
        archive.close()
        raise
    buffered = first[header_at + 1 :]

    def chained() -> Iterator[RawRecord]:
        yield from buffered
        yield from rows

    def counter() -> int | None:
        try:
            return sum(1 for record in generate() if record.line > header.line)
        except XlsxError:
            return None

    return Table(
        source=str(path),
        kind="xlsx",
        header=header.cells,
        header_line=header.line,
        records=_cut_short(chained()),
        counter=counter,
        closer=archive.close,
        sheet=title,
    )
