"""The rep's workbook read back with openpyxl: header style, frozen header, filter,
widths, conditional colours, links, no apostrophes, the summary sheet."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RESULT_COLUMNS, error_columns, report_columns
from leadcheck.batch.writers import RowResult, open_writer
from leadcheck.cli import ExitCode, main
from leadcheck.inquiry import Inquiry
from tests.batch.fakes import fake_report, patch_session
from tests.batch.files import write_csv

HEADER = ["Company", "Email", "Website", "Phone"]


def _rows() -> list[RowResult]:
    good = replace(
        report_columns(fake_report(Inquiry(email="a@aqua.de", country="DE"))),
        phone="+497114567890",
        whatsapp="https://wa.me/497114567890",
        website_url="https://aqua.de/",
    )
    bad = report_columns(fake_report(Inquiry(email="x@fake.com", country="US")))
    hostile = replace(good, website_url="javascript:alert(1)", whatsapp="=HYPERLINK(1)")
    return [
        RowResult(0, 2, ("Aqua GmbH", "a@aqua.de", "aqua.de", "+49 711 4567890"), good),
        RowResult(1, 3, ("Fake Ltd", "x@fake.com", "", "=1+2"), bad),
        RowResult(2, 4, ("Evil", "e@evil.com", "", "-3"), hostile),
        RowResult(3, 5, ("Broken", "", "", ""), error_columns("no email and no website")),
    ]


@pytest.fixture
def workbook(tmp_path: Path) -> object:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    writer = open_writer(path, HEADER, input_fields={0: "company", 1: "email", 2: "website"})
    for row in _rows():
        writer.write(row)
    writer.finish()
    return load_workbook(path)


def _column(sheet: object, name: str) -> int:
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]  # type: ignore[attr-defined]
    return header.index(name) + 1


def test_header_is_bold_frozen_and_filtered(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    assert sheet.freeze_panes == "A2"
    width = len(HEADER) + len(RESULT_COLUMNS)
    for cell in next(sheet.iter_rows(max_row=1)):
        assert cell.font.bold
        assert cell.fill.fgColor.rgb.endswith("305496")
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, width).column_letter}5"


def test_widths_fit_the_columns(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    letter = sheet.cell(1, _column(sheet, "reasons")).column_letter
    assert sheet.column_dimensions[letter].width >= 50
    assert sheet.column_dimensions["B"].width >= 25  # the email column
    assert (
        sheet.column_dimensions[sheet.cell(1, _column(sheet, "fit_tier")).column_letter].width <= 10
    )


def test_no_apostrophes_and_no_formulas(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    phone = sheet.cell(2, 4)
    assert phone.value == "+49 711 4567890"  # no apostrophe in front
    assert phone.data_type == "s"
    assert phone.quotePrefix  # Excel's "typed as text" mark: editing keeps it text
    formula = sheet.cell(3, 4)
    assert formula.value == "=1+2"
    assert formula.data_type == "s"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith("'")


def test_text_cells_are_inline_strings_as_documented(tmp_path: Path) -> None:
    import re
    import zipfile

    path = tmp_path / "out.xlsx"
    writer = open_writer(path, HEADER, input_fields={0: "company", 1: "email", 2: "website"})
    for row in _rows():
        writer.write(row)
    writer.finish()
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    phone = re.search(r'<c r="D2"[^>]*>', sheet)
    assert phone is not None
    assert 't="inlineStr"' in phone.group()  # what docs/batch.md says the file holds
    assert 't="s"' not in sheet  # no shared strings: the doc's old claim
    docs = (Path(__file__).parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")
    assert '`t="inlineStr"`' in docs


def test_links_are_clickable_and_only_web_links(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    site = sheet.cell(2, _column(sheet, "website_url"))
    chat = sheet.cell(2, _column(sheet, "whatsapp"))
    assert site.hyperlink is not None
    assert site.hyperlink.target == "https://aqua.de/"
    assert chat.hyperlink is not None
    assert chat.hyperlink.target == "https://wa.me/497114567890"
    assert chat.font.underline == "single"
    assert sheet.cell(4, _column(sheet, "website_url")).hyperlink is None  # javascript:
    assert sheet.cell(4, _column(sheet, "whatsapp")).hyperlink is None


def test_verdict_and_tier_are_coloured(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    verdict = sheet.cell(1, _column(sheet, "verdict")).column_letter
    tier = sheet.cell(1, _column(sheet, "fit_tier")).column_letter
    rules: dict[str, list[str]] = {}
    for area in sheet.conditional_formatting:
        for rule in area.rules:
            rules.setdefault(str(area.sqref), []).extend(rule.formula)
    assert sorted(rules[f"{verdict}2:{verdict}5"]) == sorted(
        ['"genuine"', '"suspicious"', '"fake"', '"unknown"']
    )
    assert sorted(rules[f"{tier}2:{tier}5"]) == sorted(['"A"', '"B"', '"C"', '"D"'])


def test_scores_are_numbers(workbook: object) -> None:
    sheet = workbook["leadcheck"]  # type: ignore[index]
    assert sheet.cell(2, _column(sheet, "verdict_score")).value == 80
    assert sheet.cell(2, _column(sheet, "fit_score")).data_type == "n"


def test_summary_sheet_from_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    patch_session(monkeypatch)
    rows = [["Company", "Email"], ["A", "a@a.de"], ["B", "b@fake.com"], ["C", ""]]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["batch", str(source), "-o", str(out), "--no-db"]) == ExitCode.OK
    book = load_workbook(out)
    assert book.sheetnames == ["leadcheck", "summary"]
    summary = {r[0].value: r[1].value for r in book["summary"].iter_rows() if r and r[0].value}
    assert summary["rows"] == 3
    assert summary["row errors"] == 1
    assert summary["genuine"] == 1
    assert summary["fake"] == 1


def test_the_sheet_prints_landscape_one_page_wide(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from leadcheck.batch.writers import open_writer

    path = tmp_path / "out.xlsx"
    writer = open_writer(path, ["Company", "Email"])
    writer.finish()
    sheet = load_workbook(path).worksheets[0]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$1:$1"
