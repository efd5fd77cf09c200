from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RESULT_COLUMNS, RowOutcome, error_columns, report_columns
from leadcheck.batch.writers import RowResult, open_writer
from leadcheck.errors import BadOptionError
from leadcheck.inquiry import Inquiry

from .fakes import fake_report
from .files import HOSTILE_CELLS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
HEADER = ["Company", "Email", "country"]


def rows() -> list[RowResult]:
    result = []
    for index, cell in enumerate(HOSTILE_CELLS):
        columns = report_columns(fake_report(Inquiry(email=f"x{index}@a.de", country=cell)))
        columns = replace(columns, country=cell)  # a stranger's text in a result column, too
        result.append(
            RowResult(index=index, line=index + 2, cells=(cell, "a@b.de", "DE"), columns=columns)
        )
    result.append(
        RowResult(index=99, line=99, cells=("ok", "", "x" * 40000), columns=error_columns("-bad"))
    )
    return result


def assert_inert(cell: str) -> None:
    assert not cell.startswith(FORMULA_START), repr(cell)
    assert "\x1b" not in cell


def test_csv_cells_cannot_run(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    writer = open_writer(path, HEADER)
    for item in rows():
        writer.write(item)
    assert not path.exists()
    assert (tmp_path / "out.csv.partial").exists()
    writer.finish()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    read = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert read[0] == [*HEADER[:2], "country (input)", *RESULT_COLUMNS]
    assert len(read) == len(HOSTILE_CELLS) + 2
    for line in read:
        for cell in line:
            assert_inert(cell)
    assert read[1][0] == "'" + HOSTILE_CELLS[0]
    assert read[4][0] == "'-2+3"
    assert read[-1][-1] == "'-bad"


def test_xlsx_cells_cannot_run(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    writer = open_writer(path, HEADER)
    for item in rows():
        writer.write(item)
    writer.finish()
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows())
    assert len(values) == len(HOSTILE_CELLS) + 2
    for line in values:
        for cell in line:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert cell.data_type == "s"
                assert "\x1b" not in cell.value
                assert not cell.value.startswith(FORMULA_START) or cell.quotePrefix
    # A typed text cell cannot run, so it needs no apostrophe; the quote-prefix style
    # keeps it text when someone edits it.
    assert values[1][0].value == HOSTILE_CELLS[0]
    assert values[1][0].data_type == "s"
    assert values[1][0].quotePrefix is True
    score = values[1][len(HEADER) + RESULT_COLUMNS.index("verdict_score")].value
    assert score == 80
    assert len(values[-1][2].value) <= 32767


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_json_keeps_text_but_escapes_terminal_controls(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    writer = open_writer(path, HEADER)
    items = rows()
    for item in items:
        writer.write(item)
    writer.finish()
    text = path.read_text("utf-8")
    assert "\x1b" not in text
    if suffix == ".json":
        data = json.loads(text)
    else:
        data = [json.loads(line) for line in text.splitlines()]
    assert [d["Company"] for d in data] == [i.cells[0] for i in items]
    assert data[0]["verdict_score"] == 80
    assert data[0]["from_cache"] is False
    assert data[-1]["error"] == "-bad"
    assert "country (input)" in data[0]


def test_empty_json_array(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    open_writer(path, HEADER).finish()
    assert json.loads(path.read_text()) == []


def test_stdout_jsonl() -> None:
    out = io.StringIO()
    writer = open_writer(None, HEADER, stdout=out)
    writer.write(rows()[0])
    writer.finish()
    assert json.loads(out.getvalue())["Email"] == "a@b.de"


def test_discard_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("yesterday's results")
    writer = open_writer(path, HEADER)
    writer.write(rows()[0])
    writer.discard()
    assert path.read_text() == "yesterday's results"
    assert list(tmp_path.iterdir()) == [path]


def test_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(BadOptionError, match=r"\.csv"):
        open_writer(tmp_path / "out.txt", HEADER)


@pytest.mark.parametrize("cell", [" =1+1", "\u3000=1+1", "\n=1+1", "\u00a0 \r\n@A1", "\u2028+1"])
def test_blanks_before_a_formula_do_not_hide_it(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "out.csv"
    writer = open_writer(path, HEADER)
    writer.write(RowResult(index=0, line=2, cells=(cell, "a@b.de", "DE"), columns=RowOutcome()))
    writer.finish()
    read = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert read[1][0].startswith("'")


def test_xlsx_without_characters_xml_forbids(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    writer = open_writer(path, HEADER)
    cells = ("A\uffffB\ufffeC", "x\ud800@b.de", "\U0010ffffDE\ufdd0")
    writer.write(RowResult(index=0, line=2, cells=cells, columns=RowOutcome(notes="n\uffff")))
    writer.finish()
    values = [c.value for c in next(load_workbook(path).worksheets[0].iter_rows(min_row=2))]
    assert values[:3] == ["ABC", "x@b.de", "DE"]
    assert values[3 + RESULT_COLUMNS.index("notes")] == "n"


@pytest.mark.parametrize("suffix", [".jsonl", ".json", None])
def test_json_escapes_c1_and_bidi(tmp_path: Path, suffix: str | None) -> None:
    hostile = "a\x9b31m\x9d0;x\x9c\u202eb\u2066c\u2069\u200e\u200f\u061c\u2028d"
    out = io.StringIO()
    path = tmp_path / f"out{suffix}" if suffix else None
    writer = open_writer(path, HEADER, stdout=out)
    writer.write(
        RowResult(
            index=0, line=2, cells=(hostile, "a@b.de", "DE"), columns=RowOutcome(notes=hostile)
        )
    )
    writer.finish()
    text = path.read_text("utf-8") if path else out.getvalue()
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in text)
    for ch in "\u202e\u2066\u2069\u200e\u200f\u061c\u2028":
        assert ch not in text
    data = json.loads(text) if suffix == ".json" else [json.loads(text.splitlines()[0])]
    assert data[0]["Company"] == hostile  # the text itself is kept
    assert data[0]["notes"] == hostile
