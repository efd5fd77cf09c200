from __future__ import annotations

from leadcheck.batch.columns import Aliases, map_columns
from leadcheck.batch.readers import RawRecord
from leadcheck.batch.rows import MAX_CELL, NO_CONTACT, to_source_row

HEADER = ["Company", "Email", "Website", "Phone", "Mobile", "Country", "Message", "Subject"]


def row(aliases: Aliases, *cells: str, problem: str | None = None):  # type: ignore[no-untyped-def]
    mapping = map_columns(HEADER, aliases)
    return to_source_row(0, RawRecord(line=2, cells=tuple(cells), problem=problem), mapping)


def test_a_clean_lead(aliases: Aliases) -> None:
    source = row(
        aliases, " Acme\x1b[31m GmbH ", "Li@Acme.de; sales@acme.de", "https://www.acme.de/en",
        "", "+49 151 2345 6789 / +49 30 1", "Germany", "Need UV lamps\r\nfor water", "",
    )  # fmt: skip
    inquiry = source.inquiry
    assert source.error is None
    assert inquiry is not None
    assert inquiry.company == "Acme GmbH"
    assert inquiry.email == "Li@Acme.de"
    assert inquiry.website == "https://www.acme.de/en"
    assert inquiry.phone == "+49 151 2345 6789"
    assert inquiry.message == "Need UV lamps\nfor water"
    assert len(source.cells) == len(HEADER)


def test_fullwidth_and_placeholders(aliases: Aliases) -> None:
    source = row(aliases, "无", "ｌｉ＠ａｃｍｅ．ｃｎ", "N/A", "-", "", "", "", "Subject line")
    assert source.inquiry is not None
    assert source.inquiry.email == "li@acme.cn"
    assert source.inquiry.website is None
    assert source.inquiry.company is None
    assert source.inquiry.message == "Subject line"  # the subject stands in


def test_no_email_and_no_website(aliases: Aliases) -> None:
    source = row(aliases, "Acme", "", "n/a", "+49 30 123456")
    assert source.inquiry is None
    assert source.error == NO_CONTACT
    assert source.cells[0] == "Acme"


def test_absurdly_long_cell(aliases: Aliases) -> None:
    source = row(aliases, "Acme", "a@acme.de", "", "", "", "", "x" * (MAX_CELL + 1))
    assert source.inquiry is None
    assert "'Message'" in (source.error or "")


def test_more_cells_than_the_header(aliases: Aliases) -> None:
    source = row(aliases, *(["a@b.de"] * (len(HEADER) + 2)))
    assert source.error is not None
    assert "cells" in source.error
    assert len(source.cells) == len(HEADER)
    trailing_blanks = row(aliases, "Acme", "a@acme.de", *([""] * len(HEADER)))
    assert trailing_blanks.error is None


def test_reading_problem_is_the_error(aliases: Aliases) -> None:
    source = row(aliases, "Acme", "a@acme.de", problem="broken text encoding")
    assert source.inquiry is None
    assert source.error == "broken text encoding"


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "ftp://acme.de/", "data:text/html,hi", "http://[::1"]
)
def test_a_website_that_is_not_a_web_address_is_a_row_error(aliases: Aliases, website: str) -> None:
    source = row(aliases, "Acme", "li@acme.de", website, "", "", "DE", "", "")
    assert source.inquiry is None
    assert source.error is not None
    assert "not an http(s) address" in source.error


@pytest.mark.parametrize("website", ["acme.de", "www.acme.de/kontakt", "acme.de:8080/x", "acme"])
def test_other_websites_are_checked(aliases: Aliases, website: str) -> None:
    source = row(aliases, "Acme", "li@acme.de", website, "", "", "DE", "", "")
    assert source.error is None
    assert source.inquiry is not None
