"""Turn one input row into a lead (:class:`Inquiry`) or into a row error.

A row is an error, kept in the output with the reason, when it cannot be read
(broken encoding, broken CSV), when it has more cells than the header, when a cell
is absurdly long, when it has neither an email nor a website to check, or when its
website is an address of another scheme (``javascript:``, ``ftp://``, ``data:``) or a
malformed URL (``verify`` calls that a usage error).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from leadcheck.batch.columns import ColumnMapping
from leadcheck.batch.readers import RawRecord
from leadcheck.inquiry import Inquiry
from leadcheck.textsafe import clean_line, strip_controls

MAX_CELL = 10_000  # characters; a longer cell is not an inquiry, it is an attack or a mistake
MAX_MESSAGE = 5_000  # the message is cut to this before checking

NO_CONTACT = "no email and no website: nothing to check"

# Cell values that mean "nothing here".
_PLACEHOLDERS = frozenset(
    {"", "-", "--", "---", "/", ".", "n/a", "na", "none", "null", "nil", "nan", "0", "x",
     "无", "没有", "暂无", "未知", "空"}
)  # fmt: skip
_URL_SEPARATORS = re.compile(r"[\s;,|、]+")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row: its place, its original cells, and the lead in it or why there is none."""

    index: int  # 0-based position among the data rows; the output keeps this order
    line: int  # where the row starts in the file, 1-based
    cells: tuple[str, ...]  # the original cells, one per header column
    inquiry: Inquiry | None
    error: str | None = None


def build_rows(records: Iterable[RawRecord], mapping: ColumnMapping) -> Iterator[SourceRow]:
    """Source rows for a stream of raw records, numbered in input order."""
    for index, record in enumerate(records):
        yield to_source_row(index, record, mapping)


def to_source_row(index: int, record: RawRecord, mapping: ColumnMapping) -> SourceRow:
    width = len(mapping.header)
    cells = record.cells
    error = record.problem
    if len(cells) > width:
        extra = [cell for cell in cells[width:] if cell.strip()]
        if extra and error is None:
            error = (
                f"the row has {len(cells)} cells but the header has {width} columns "
                "(an unquoted delimiter inside a cell?); the extra cells are not in the output"
            )
        cells = cells[:width]
    elif len(cells) < width:
        cells = cells + ("",) * (width - len(cells))
    if error is None:
        for position, cell in enumerate(cells):
            if len(cell) > MAX_CELL:
                error = (
                    f"the cell in column {mapping.header[position]!r} is {len(cell):,} characters "
                    f"long; the limit is {MAX_CELL:,}"
                )
                break
    inquiry = None
    if error is None:
        inquiry = to_inquiry(cells, mapping)
        if not inquiry.email and not inquiry.website:
            inquiry, error = None, NO_CONTACT
        elif inquiry.website and not_a_web_address(inquiry.website):
            error = (
                f"the website {clean_line(inquiry.website, limit=80)!r} is not an http(s) "
                "address; give a domain (acme.com) or an http(s) URL"
            )
            inquiry = None
    return SourceRow(index=index, line=record.line, cells=cells, inquiry=inquiry, error=error)


_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]{1,20}):")


def not_a_web_address(website: str) -> bool:
    """A website cell that names a scheme (``javascript:``, ``ftp://``) other than http(s),
    or an http(s) URL that cannot be parsed. Plain junk without a scheme ("acme") is
    checked, and judged ``website_invalid``."""
    from leadcheck.net.urls import normalize_website

    match = _SCHEME.match(website)
    if match is None or match.group(1).isdigit():
        return False
    after = website[match.end() :]
    if after[:1].isdigit() and "//" not in website[: match.end() + 2]:
        return False  # "acme.com:8080/x" is a host and a port, not a scheme
    return normalize_website(website) is None


def to_inquiry(cells: tuple[str, ...], mapping: ColumnMapping) -> Inquiry:
    """The lead in a row, cleaned: controls stripped, placeholders ("N/A", "无") dropped."""
    found = mapping.found

    def cell(field: str) -> str | None:
        column = found.get(field)
        if column is None or column >= len(cells):
            return None
        value = strip_controls(cells[column]).strip()
        return None if value.casefold() in _PLACEHOLDERS else value

    message = cell("message") or cell("subject")
    return Inquiry(
        email=_first_email(cell("email")),
        website=_first_token(cell("website"), _URL_SEPARATORS),
        phone=_phone(cell("mobile"), cell("whatsapp"), cell("phone")),
        country=clean_line(cell("country"), limit=100),
        company=clean_line(cell("company"), limit=300),
        contact=clean_line(cell("contact"), limit=200),
        message=message[:MAX_MESSAGE] if message else None,
    )


def _first_email(value: str | None) -> str | None:
    """The first address in a cell that lists several, as ``verify`` reads it."""
    from leadcheck.verify.address_forms import first_address

    if not value:
        return None
    return first_address(unicodedata.normalize("NFKC", value), skip=_PLACEHOLDERS)


def _first_token(value: str | None, separators: re.Pattern[str]) -> str | None:
    """The first address in a cell that lists several ("a@x.com; b@y.com")."""
    if not value:
        return None
    folded = unicodedata.normalize("NFKC", value).strip()
    if folded.lower().startswith("mailto:"):
        folded = folded[7:]
    for token in separators.split(folded):
        if token and token.casefold() not in _PLACEHOLDERS:
            return token
    return None


def _phone(*candidates: str | None) -> str | None:
    """The first candidate that holds a phone number (six digits or more)."""
    present = [unicodedata.normalize("NFKC", c) for c in candidates if c]
    for value in present:
        first = re.split(r"[;,/|、]", value)[0].strip()
        if len(_DIGITS.findall(first)) >= 6:
            return first[:40]
    return None
