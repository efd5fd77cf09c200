"""The rep's workbook: ``batch -o checked.xlsx``, styled so it can be sorted and filtered
at once.

Sheet ``leadcheck``: the input's columns, then the result columns; a bold header row
that stays put (frozen), column widths that fit what they hold, an autofilter over
every column, the verdict and the fit tier coloured by conditional formatting (so a
re-sort or an edited cell keeps its colour), the website and the WhatsApp link
clickable. Sheet ``summary``: the counts of the run (verdicts, tiers, countries).

Written with openpyxl's write-only mode: rows stream to a temporary file as they come,
so memory stays flat; the sheet's settings that follow the rows in the file (the
filter's range, the formatting) are set when the run finishes.

No cell can run as a formula, and none needs an apostrophe for it: every text cell
is written with the string type (an inline string, ``t="inlineStr"``), which Excel,
LibreOffice and WPS show as text and never evaluate. A text that starts like a
formula (``=``, ``+``, ``-``, ``@``: a phone number ``+49 711 ...``) also carries the
"quote prefix" style, Excel's own mark for "typed as text", so editing the cell does
not turn it into a formula either. Control characters XML cannot hold are removed.
(CSV has no types: there a leading ``'`` keeps such a cell inert; see
:mod:`leadcheck.batch.writers`.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadcheck.batch.outcome import RESULT_COLUMNS
from leadcheck.errors import BadOptionError, LeadcheckError
from leadcheck.textsafe import looks_like_formula, strip_controls

if TYPE_CHECKING:
    from leadcheck.batch.summary import BatchSummary
    from leadcheck.batch.writers import RowResult, _Target

XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL = 32_767
MAX_LINKS = 60_000  # Excel refuses a sheet with more than 65,530 hyperlinks
MAX_URL = 2_000  # Excel's limit on a hyperlink's address is 2,079 characters
SHEET = "leadcheck"
SUMMARY_SHEET = "summary"

NUMBER_COLUMNS = frozenset({"verdict_score", "fit_score"})
LINK_COLUMNS = frozenset({"website_url", "whatsapp"})
_LINK = re.compile(r"^https?://[^\s\"<>\\^`{|}]+$", re.IGNORECASE)

# Widths in characters: result columns by name, input columns by the field they hold.
RESULT_WIDTHS = {
    "verdict": 11,
    "verdict_score": 8,
    "reasons": 60,
    "verdict_reasons": 30,
    "email_suggestion": 24,
    "fit_tier": 6,
    "fit_score": 8,
    "fit_segment": 26,
    "country": 8,
    "timezone": 18,
    "phone": 17,
    "whatsapp": 28,
    "website_url": 32,
    "channels": 36,
    "next_window_local": 22,
    "next_window_rep": 22,
    "email_status": 12,
    "website_status": 12,
    "notes": 40,
    "checked_at": 22,
    "from_cache": 10,
    "error": 40,
}
FIELD_WIDTHS = {
    "company": 28,
    "contact": 18,
    "email": 30,
    "website": 28,
    "phone": 17,
    "mobile": 17,
    "whatsapp": 17,
    "country": 12,
    "message": 50,
    "subject": 36,
    "product": 24,
    "inquiry_id": 14,
    "date": 18,
}
MIN_WIDTH, MAX_WIDTH = 8, 60

# Verdict and tier colours (fill, font): the same meaning as on the screen.
VERDICT_COLOURS = {
    "genuine": ("C6EFCE", "006100"),
    "suspicious": ("FFEB9C", "9C5700"),
    "fake": ("FFC7CE", "9C0006"),
    "unknown": ("DDEBF7", "1F4E79"),
}
TIER_COLOURS = {
    "A": ("63BE7B", "FFFFFF"),
    "B": ("C6EFCE", "006100"),
    "C": ("FFEB9C", "9C5700"),
    "D": ("F2F2F2", "595959"),
}


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def xlsx_text(value: Any) -> str | None:
    """A value as the text of an XLSX cell: no controls, at most 32,767 characters."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    text = strip_controls(str(value))
    if not text:
        return None
    if len(text) > XLSX_MAX_CELL:
        text = text[: XLSX_MAX_CELL - 1] + "…"
    return text


class XlsxWriter:
    """The styled workbook, streamed (see the module's docstring)."""

    def __init__(
        self,
        target: _Target,
        names: Sequence[str],
        *,
        input_width: int,
        input_fields: Mapping[int, str] | None = None,
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        self._target = target
        self._names = tuple(names)
        self._input_width = input_width
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(SHEET)
        self._rows = 0
        self._links = 0
        self._header_font = Font(bold=True, color="FFFFFF")
        self._header_fill = PatternFill("solid", fgColor="305496")
        self._wrap = Alignment(wrap_text=False, vertical="top")
        self._link_font = Font(color="0563C1", underline="single")
        self._columns = {name: i for i, name in enumerate(self._names[input_width:], input_width)}
        self._set_widths(input_fields or {})
        self._sheet.freeze_panes = "A2"
        self._print_setup()
        self._append_header()

    # -- layout ------------------------------------------------------------------------
    def _print_setup(self) -> None:
        """Printed (or saved as PDF), the sheet is landscape, one page wide, with the
        header row repeated on every page."""
        sheet = self._sheet
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = "1:1"

    def _set_widths(self, input_fields: Mapping[int, str]) -> None:
        dims = self._sheet.column_dimensions
        for index, name in enumerate(self._names):
            if index >= self._input_width:
                width = RESULT_WIDTHS.get(name, max(len(name) + 2, 12))
            else:
                field = input_fields.get(index)
                width = FIELD_WIDTHS.get(field, 0) if field else 0
                width = max(width, min(len(name) + 4, 30), 12)
            dims[column_letter(index + 1)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))

    def _append_header(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for name in self._names:
            cell = WriteOnlyCell(self._sheet, value=xlsx_text(name))
            cell.data_type = "s"
            cell.font = self._header_font
            cell.fill = self._header_fill
            cells.append(cell)
        self._sheet.append(cells)
        self._rows = 1

    # -- rows --------------------------------------------------------------------------
    def _text_cell(self, value: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        text = xlsx_text(value)
        if text is None:
            return None
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.data_type = "s"  # a string, never a formula, whatever it starts with
        if looks_like_formula(text):
            cell.quotePrefix = True  # Excel's "typed as text" mark: editing keeps it text
        return cell

    def _link_cell(self, value: Any) -> Any:
        cell = self._text_cell(value)
        text = xlsx_text(value)
        if (
            cell is not None
            and text is not None
            and self._links < MAX_LINKS
            and len(text) <= MAX_URL
            and _LINK.match(text)
        ):
            cell.hyperlink = text
            cell.font = self._link_font
            self._links += 1
        return cell

    def write(self, row: RowResult) -> None:
        if self._rows >= XLSX_MAX_ROWS:
            raise BadOptionError(
                f"more than {XLSX_MAX_ROWS - 1:,} rows do not fit in an Excel sheet; "
                "write .csv or .jsonl instead"
            )
        values: list[Any] = [self._text_cell(cell) for cell in row.cells]
        for name in RESULT_COLUMNS:
            value = row.columns.get(name)
            if name in NUMBER_COLUMNS and isinstance(value, int):
                values.append(value)
            elif name in LINK_COLUMNS:
                values.append(self._link_cell(value))
            else:
                values.append(self._text_cell(value))
        self._sheet.append(values)
        self._rows += 1

    # -- the end -----------------------------------------------------------------------
    def _finish_sheet(self) -> None:
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import Font, PatternFill

        last = column_letter(len(self._names))
        self._sheet.auto_filter.ref = f"A1:{last}{max(self._rows, 2)}"
        for column, colours in (("verdict", VERDICT_COLOURS), ("fit_tier", TIER_COLOURS)):
            index = self._columns.get(column)
            if index is None:
                continue
            letter = column_letter(index + 1)
            area = f"{letter}2:{letter}{max(self._rows, 2)}"
            for value, (fill, font) in colours.items():
                self._sheet.conditional_formatting.add(
                    area,
                    CellIsRule(
                        operator="equal",
                        formula=[f'"{value}"'],
                        fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                        font=Font(color=font, bold=column == "verdict"),
                    ),
                )

    def _summary_sheet(self, summary: BatchSummary | None) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        sheet = self._workbook.create_sheet(SUMMARY_SHEET)
        sheet.column_dimensions["A"].width = 26
        sheet.column_dimensions["B"].width = 14
        bold = Font(bold=True)

        def line(label: str, value: Any = None, *, head: bool = False) -> None:
            first = WriteOnlyCell(sheet, value=xlsx_text(label))
            first.data_type = "s"
            if head:
                first.font = bold
            second: Any = value if isinstance(value, int | float) else xlsx_text(value)
            sheet.append([first, second])

        if summary is None:
            line("rows", self._rows - 1)
            return
        line("leadcheck batch", head=True)
        line("rows", summary.rows)
        line("checked now", summary.checked)
        line("from the database", summary.cached)
        line("row errors", summary.errors)
        line("started (UTC)", summary.started_at.strftime("%Y-%m-%d %H:%M:%S"))
        line("seconds", summary.elapsed_seconds)
        for title, counts in (
            ("verdict", summary.verdicts),
            ("fit tier", summary.tiers),
            ("country", summary.countries),
        ):
            sheet.append([])
            line(title, "leads", head=True)
            for key, count in counts.items():
                line(key, count)

    def finish(self, summary: BatchSummary | None = None) -> None:
        self._finish_sheet()
        self._summary_sheet(summary)
        try:
            self._workbook.save(self._target.partial)
        except OSError as exc:
            raise LeadcheckError(f"cannot write {self._target.partial}: {exc}") from exc
        self._target.commit()

    def abandon(self, summary: BatchSummary | None = None) -> Path:
        """Save what was written under the temporary name only (an interrupted run)."""
        self._finish_sheet()
        self._summary_sheet(summary)
        try:
            self._workbook.save(self._target.partial)
        except OSError as exc:
            raise LeadcheckError(f"cannot write {self._target.partial}: {exc}") from exc
        return self._target.partial

    def discard(self) -> None:
        self._target.remove()
