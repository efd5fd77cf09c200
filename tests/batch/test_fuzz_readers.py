"""Fuzzing the CSV and XLSX readers: arbitrary bytes never raise anything but
InputFileError, never lose a row, and stay bounded (small limits keep each run short)."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadcheck.batch.columns import Aliases, load_aliases
from leadcheck.batch.limits import ReadLimits
from leadcheck.batch.readers import open_table
from leadcheck.batch.records import RawRecord
from leadcheck.errors import InputFileError

from .files import DATE_STYLES, inline, shared_strings_xml, sheet_xml, write_parts

LIMITS = ReadLimits(
    max_columns=40,
    max_cell_chars=300,
    max_record_bytes=2_000,
    max_record_lines=15,
    max_rows=100_000,
    max_sheet_bytes=400_000,
    max_shared_strings_bytes=100_000,
    max_shared_strings=200,
    max_meta_bytes=50_000,
    max_xml_token_bytes=20_000,
    max_xml_depth=20,
    max_zip_entries=30,
)
FUZZ = settings(
    max_examples=60, deadline=5_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ALIASES: Aliases = load_aliases()

TOKENS = st.sampled_from(
    [
        b"a",
        b"Firma",
        b"x@y.de",
        b"7",
        b" ",
        b'"',
        b'""',
        b",",
        b";",
        b"\t",
        b"\r",
        b"|",
        "é".encode(),
        "é".encode("cp1252"),
        "中文".encode(),
        "中文".encode("gbk"),
        b"\x81",
        b"=1+1",
        b"www.x.cn",
        b"\xe2\x80\xae",
    ]
)
LINE = st.one_of(
    st.lists(TOKENS, max_size=25).map(b"".join),
    st.integers(min_value=1_500, max_value=3_000).map(lambda n: b"y" * n),  # overlong
)
HEADER = b"email,website,company,message"


def read_everything(path: Path | str, data: bytes | None = None) -> tuple[object, list[RawRecord]]:
    stdin = io.BytesIO(data) if data is not None else None
    with open_table(path, ALIASES, limits=LIMITS, stdin=stdin) as table:
        records = list(table.records())
        table.count_rows()
        return table, records


def spans(record_line: int, cells: tuple[str, ...], newline: str) -> range:
    """The physical lines a record covers: its start, plus one per line break inside it."""
    return range(record_line, record_line + 1 + sum(cell.count(newline) for cell in cells))


@FUZZ
@given(st.lists(LINE, max_size=40), st.sampled_from([b"\n", b"\r\n", b"\r"]), st.booleans())
def test_csv_accounts_for_every_line(
    tmp_path_factory: object, lines: list[bytes], newline: bytes, trailing: bool
) -> None:
    data = newline.join([HEADER, *lines]) + (newline if trailing else b"")
    path = Path(str(tmp_path_factory.mktemp("csv"))) / "fuzz.csv"  # type: ignore[attr-defined]
    path.write_bytes(data)
    try:
        table, records = read_everything(path)
    except InputFileError:
        return
    split_on = "\n" if b"\n" in data else "\r"
    physical = data.split(split_on.encode())
    header_line = table.header_line  # type: ignore[attr-defined]
    covered: set[int] = set(spans(header_line, table.header, split_on))  # type: ignore[attr-defined]
    last_end = max(covered)
    for record in records:
        span = spans(record.line, record.cells, split_on)
        assert record.line > last_end, "rows overlap (merged)"
        last_end = span[-1]
        covered.update(span)
    for number, raw in enumerate(physical, start=1):
        if number > header_line and re.search(rb"[A-Za-z0-9@]", raw):
            assert number in covered, f"line {number} lost: {raw[:60]!r}"


@FUZZ
@given(st.binary(max_size=4_000))
def test_csv_arbitrary_bytes(tmp_path_factory: object, data: bytes) -> None:
    path = Path(str(tmp_path_factory.mktemp("csv"))) / "any.csv"  # type: ignore[attr-defined]
    path.write_bytes(data)
    for source, stdin in ((path, None), ("-", data)):
        try:
            _, records = read_everything(source, stdin)
        except InputFileError:
            continue
        numbers = [record.line for record in records]
        assert numbers == sorted(set(numbers))


# --- XLSX ------------------------------------------------------------------------------

XML_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFFD, exclude_categories=("Cs",)),
    max_size=40,
)
VALUE = st.one_of(
    XML_TEXT.map(lambda text: ("inlineStr", "", text)),
    st.sampled_from(["12", "3.5", "1e300", "abc", "", "-0", "nan", "inf", "45292"]).map(
        lambda v: ("n", "", v)
    ),
    st.sampled_from(["0", "1", "2", "5", "-1", "x", "999"]).map(lambda v: ("s", "", v)),
    st.sampled_from(["1", "0", "yes"]).map(lambda v: ("b", "", v)),
    st.sampled_from(["45292", "1e300", "-5", "0.5", "x"]).map(lambda v: ("n", "1", v)),
    st.sampled_from(["2024-01-31T10:00:00", "never"]).map(lambda v: ("d", "", v)),
    XML_TEXT.map(lambda text: ("str", "", text)),
)
ROW = st.lists(st.tuples(st.integers(min_value=1, max_value=60), VALUE), max_size=8)


def cell_xml(ref: str, kind: str, style: str, value: str) -> str:
    if kind == "inlineStr":
        return inline(ref, value)
    style_attr = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="{kind}"{style_attr}><v>{escape(value)}</v></c>'


def letters(column: int) -> str:
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


@FUZZ
@given(st.lists(ROW, max_size=30), st.lists(st.integers(min_value=1, max_value=3), max_size=30))
def test_xlsx_accounts_for_every_row(
    tmp_path_factory: object, rows: list[list[tuple[int, tuple[str, str, str]]]], gaps: list[int]
) -> None:
    xml_rows = [f'<row r="1">{inline("A1", "email")}{inline("B1", "website")}</row>']
    expected = []
    number = 1
    for index, cells in enumerate(rows):
        number += gaps[index] if index < len(gaps) else 1
        parts = [inline(f"A{number}", f"lead{number}@x.de")]  # every row has something
        for column, (kind, style, value) in sorted(dict(cells).items()):
            parts.append(cell_xml(f"{letters(column + 1)}{number}", kind, style, value))
        xml_rows.append(f'<row r="{number}">{"".join(parts)}</row>')
        expected.append(number)
    shared = shared_strings_xml(["one", "two", "x" * 500])
    path = Path(str(tmp_path_factory.mktemp("xlsx"))) / "fuzz.xlsx"  # type: ignore[attr-defined]
    write_parts(path, sheet_xml(xml_rows), shared=shared, styles=DATE_STYLES)
    _, records = read_everything(path)
    assert [record.line for record in records] == expected
    for record in records:
        assert record.cells[0] == f"lead{record.line}@x.de"
        assert all(len(cell) <= LIMITS.max_cell_chars for cell in record.cells)


def small_workbook(path: Path) -> bytes:
    rows = [f'<row r="1">{inline("A1", "email")}{inline("B1", "website")}</row>']
    rows += [f'<row r="{n}">{inline(f"A{n}", f"a{n}@b.de")}<c r="B{n}"><v>{n}</v></c></row>'
             for n in range(2, 30)]  # fmt: skip
    write_parts(path, sheet_xml(rows), shared=shared_strings_xml(["s"]), styles=DATE_STYLES)
    return path.read_bytes()


@FUZZ
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=12))
def test_xlsx_with_damaged_bytes(tmp_path_factory: object, damage: list[tuple[float, int]]) -> None:
    folder = Path(str(tmp_path_factory.mktemp("xlsx")))  # type: ignore[attr-defined]
    data = bytearray(small_workbook(folder / "good.xlsx"))
    for where, value in damage:
        data[min(len(data) - 1, int(where * len(data)))] = value
    path = folder / "damaged.xlsx"
    path.write_bytes(bytes(data))
    try:
        _, records = read_everything(path)
    except InputFileError:
        return
    numbers = [record.line for record in records]
    assert numbers == sorted(numbers)


@FUZZ
@given(st.binary(max_size=3_000), st.booleans())
def test_xlsx_arbitrary_bytes(tmp_path_factory: object, data: bytes, as_zip: bool) -> None:
    folder = Path(str(tmp_path_factory.mktemp("xlsx")))  # type: ignore[attr-defined]
    path = folder / "any.xlsx"
    if as_zip:  # arbitrary bytes as the sheet of an otherwise valid workbook
        write_parts(path, data)
    else:
        path.write_bytes(b"PK\x03\x04" + data)
    with contextlib.suppress(InputFileError):
        read_everything(path)
    assert zipfile.is_zipfile(path) or not as_zip


CELL = st.text(alphabet='ab é中"\n\r', max_size=12)  # nothing a delimiter sniffer could take


@FUZZ
@given(
    st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=25),
    st.lists(st.integers(min_value=0, max_value=25), max_size=4),
)
def test_stray_quotes_never_swallow_rows(
    tmp_path_factory: object, rows: list[tuple[str, str, str]], strays: list[int]
) -> None:
    """Rows written by a real CSV writer (multi-line cells and quotes included) all come
    back intact, with lines carrying a stray opening quote put between them."""
    import csv

    lines = []
    for number, (first, second, third) in enumerate(rows):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(
            [first, f"lead{number}@x.de", second, third]
        )
        lines.append(buffer.getvalue())
    for position in sorted(strays, reverse=True):
        lines.insert(min(position, len(lines)), f'"Stray {position} no close,x\r\n')
    path = Path(str(tmp_path_factory.mktemp("csv"))) / "strays.csv"  # type: ignore[attr-defined]
    path.write_text("company,email,contact,message\r\n" + "".join(lines), encoding="utf-8")
    _, records = read_everything(path)
    found = {record.cells[1]: record for record in records if len(record.cells) > 1}
    for number, (first, second, third) in enumerate(rows):
        record = found.get(f"lead{number}@x.de")
        assert record is not None, f"row {number} lost"
        if record.problem is None:
            assert record.cells == (first, f"lead{number}@x.de", second, third)
