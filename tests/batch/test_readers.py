from __future__ import annotations

import io
from pathlib import Path

import pytest

from leadcheck.batch.columns import Aliases
from leadcheck.batch.readers import detect_encoding, open_table, sniff_delimiter
from leadcheck.errors import BadOptionError, InputFileError

from .files import CHINESE_HEADER, CHINESE_ROWS, csv_text, write_csv, write_xlsx


def read_all(path: Path | str, aliases: Aliases, **kwargs: object) -> tuple[object, list]:
    with open_table(path, aliases, **kwargs) as table:  # type: ignore[arg-type]
        return table, list(table.records())


def test_gbk_csv_with_chinese_headers(tmp_path: Path, aliases: Aliases) -> None:
    path = write_csv(tmp_path / "询盘.csv", [CHINESE_HEADER, *CHINESE_ROWS], encoding="gbk")
    table, records = read_all(path, aliases)
    assert table.encoding == "GB18030"
    assert table.header == tuple(CHINESE_HEADER)
    assert [r.cells for r in records] == [tuple(row) for row in CHINESE_ROWS]
    assert all(r.problem is None for r in records)
    assert [r.line for r in records] == [2, 3, 4]


def test_gb18030_only_characters(tmp_path: Path, aliases: Aliases) -> None:
    # "𠀀" and "€" are not in GBK; Chinese Excel writes them in GB18030.
    rows = [["公司名称", "邮箱"], ["𠀀 Trading €", "a@b.cn"], ["深圳公司", "c@d.cn"]]
    path = write_csv(tmp_path / "x.csv", rows, encoding="gb18030")
    _, records = read_all(path, aliases)
    assert records[0].cells == ("𠀀 Trading €", "a@b.cn")


def test_utf8_bom_semicolon(tmp_path: Path, aliases: Aliases) -> None:
    rows = [
        ["Company", "E-Mail", "Website", "Country"],
        ["Müller; Söhne", "m@mueller.de", "mueller.de", "DE"],
    ]
    path = write_csv(tmp_path / "export.csv", rows, encoding="utf-8-sig", delimiter=";")
    table, records = read_all(path, aliases)
    assert table.encoding == "UTF-8 with BOM"
    assert table.delimiter == ";"
    assert table.header[0] == "Company"  # no BOM left on the first header
    assert records[0].cells == ("Müller; Söhne", "m@mueller.de", "mueller.de", "DE")


def test_utf16_unicode_text(tmp_path: Path, aliases: Aliases) -> None:
    """Excel's "Unicode text": UTF-16LE with a BOM, tab-separated."""
    rows = [CHINESE_HEADER, *CHINESE_ROWS]
    path = write_csv(tmp_path / "unicode.txt", rows, encoding="utf-16", delimiter="\t")
    assert path.read_bytes()[:2] == b"\xff\xfe"
    with open_table(path, aliases) as table:
        assert table.count_rows() == len(CHINESE_ROWS)  # counting does not disturb reading
        records = list(table.records())
    assert table.encoding.startswith("UTF-16-LE")
    assert table.delimiter == "\t"
    assert [r.cells for r in records] == [tuple(row) for row in CHINESE_ROWS]


def test_cp1252_western_csv(tmp_path: Path, aliases: Aliases) -> None:
    rows = [["company", "contact", "email"], ["Acme", "José Núñez", "jose@acme.es"]]
    path = write_csv(tmp_path / "w.csv", rows, encoding="cp1252")
    _, records = read_all(path, aliases)
    assert records[0].cells[1] == "José Núñez"


def test_chinese_far_into_an_ascii_file_is_found(tmp_path: Path, aliases: Aliases) -> None:
    rows = [["company", "email"]] + [[f"Company {i}", f"x{i}@example.com"] for i in range(20000)]
    rows.append(["深圳某某有限公司", "z@example.cn"])
    path = write_csv(tmp_path / "late.csv", rows, encoding="gbk")
    table, records = read_all(path, aliases)
    assert table.encoding == "GB18030"
    assert records[-1].cells[0] == "深圳某某有限公司"
    assert all(r.problem is None for r in records)


def test_broken_bytes_make_one_row_error(tmp_path: Path, aliases: Aliases) -> None:
    good = csv_text([["company", "email"], ["Alpha", "a@alpha.com"]]).encode("utf-8")
    broken = b"Beta \xff\xfe\xc3, b@beta.com\r\n"
    tail = "Gamma é,g@gamma.com\r\n".encode()
    path = tmp_path / "broken.csv"
    path.write_bytes(good + broken + tail)
    _, records = read_all(path, aliases)
    assert [r.problem is None for r in records] == [True, False, True]
    assert "broken text encoding" in (records[1].problem or "")
    assert records[2].cells == ("Gamma é", "g@gamma.com")


def test_title_rows_above_the_header_are_skipped(tmp_path: Path, aliases: Aliases) -> None:
    rows = [
        ["Alibaba.com inquiries export"],
        ["2025-01-06"],
        [],
        ["Email", "Company"],
        ["a@b.de", "B"],
    ]
    path = write_csv(tmp_path / "t.csv", rows, encoding="utf-8")
    table, records = read_all(path, aliases)
    assert table.header == ("Email", "Company")
    assert [r.cells for r in records] == [("a@b.de", "B")]


def test_excel_sep_line(tmp_path: Path, aliases: Aliases) -> None:
    path = tmp_path / "sep.csv"
    path.write_text("sep=|\r\nemail|company\r\na@b.de|B, C; D\r\n", encoding="utf-8")
    table, records = read_all(path, aliases)
    assert table.delimiter == "|"
    assert records[0].cells == ("a@b.de", "B, C; D")


def test_multiline_cells_and_blank_lines(tmp_path: Path, aliases: Aliases) -> None:
    path = tmp_path / "m.csv"
    path.write_text('email,message\r\na@b.de,"line 1\r\nline 2"\r\n\r\nc@d.de,x\r\n', "utf-8")
    with open_table(path, aliases) as table:
        records = list(table.records())
        assert table.count_rows() == 2
    assert records[0].cells == ("a@b.de", "line 1\r\nline 2")
    assert [r.line for r in records] == [2, 5]


def test_stdin(aliases: Aliases) -> None:
    data = csv_text([CHINESE_HEADER, *CHINESE_ROWS]).encode("gbk")
    with open_table("-", aliases, stdin=io.BytesIO(data)) as table:
        records = list(table.records())
        assert table.count_rows() is None
    assert len(records) == 3
    assert records[0].cells[0] == "深圳清水环保"


def test_xlsx_first_sheet_and_named_sheet(tmp_path: Path, aliases: Aliases) -> None:
    path = write_xlsx(
        tmp_path / "leads.xlsx",
        {
            "Inquiries": [
                ["Company", "Email", "Phone"],
                ["Acme", "a@acme.com", 4930123456.0],
                [None, None, None],
            ],
            "客户": [CHINESE_HEADER, CHINESE_ROWS[0]],
        },
    )
    table, records = read_all(path, aliases)
    assert table.sheet == "Inquiries"
    assert records[0].cells == ("Acme", "a@acme.com", "4930123456")
    assert len(records) == 1  # the empty row is not a row
    table, records = read_all(path, aliases, sheet="客户")
    assert table.header == tuple(CHINESE_HEADER)
    assert records[0].cells[2] == "wang@qingshui-env.cn"
    with pytest.raises(BadOptionError, match="Inquiries"):
        read_all(path, aliases, sheet="nope")


def test_unreadable_inputs(tmp_path: Path, aliases: Aliases) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        read_all(empty, aliases)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(InputFileError, match="save it"):
        read_all(fake, aliases)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputFileError, match=r"\.xlsx"):
        read_all(old, aliases)
    with pytest.raises(InputFileError, match="cannot read"):
        read_all(tmp_path / "missing.csv", aliases)


@pytest.mark.parametrize("seed", [9, 1, 2])  # 9: "cannot tell this row's text encoding"
def test_an_undecodable_header_gives_the_tip_once(
    tmp_path: Path, aliases: Aliases, seed: int
) -> None:
    import random

    noise = tmp_path / "rnd.csv"
    noise.write_bytes(random.Random(seed).randbytes(2000))
    with pytest.raises(InputFileError, match="the header row cannot be read") as refused:
        read_all(noise, aliases)
    assert str(refused.value).count("CSV UTF-8") == 1


def test_detect_encoding_boms() -> None:
    assert detect_encoding(b"\xef\xbb\xbfa,b\n") == ("utf-8", 3)
    assert detect_encoding("a,b\n".encode("utf-16-le")) == ("utf-16-le", 0)
    assert detect_encoding(b"\xfe\xff\x00a") == ("utf-16-be", 2)


def test_sniff_delimiter() -> None:
    assert sniff_delimiter("a;b;c\n1;2,5;3\n4;5;6\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter('a,b\n"x;y;z",2\n') == ","
    assert sniff_delimiter("just one column\n") == ","
