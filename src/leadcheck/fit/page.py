"""What stage 2 reads of a lead: its website's page (read by the one page reader,
:mod:`leadcheck.verify.page`) and the words of its inquiry.

Image ``alt`` texts count as body text here: a product gallery often names the
products only there. A plain text (no title, description, headings, links or images)
has its first line, if short, read as its title: that is where a text says who wrote
it ("Hydra UV Systems – UV sterilizers"), as a heading would on a page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.fit.scoring import FitInput, FitResult, score_fit
from leadcheck.verify.page import PageContent

if TYPE_CHECKING:
    from leadcheck.fit.taxonomy import Taxonomy

MAX_OPENING_LINE = 200  # characters: a plain text's first line up to this is its title


def fit_input(
    page: PageContent | None, *, company: str | None = None, message: str | None = None
) -> FitInput:
    """The fit input of a page (or of no page: then the inquiry alone)."""
    if page is None:
        return FitInput(company=company, message=message)
    body = page.text
    title = page.title
    plain = not (title or page.description or page.headings or page.links or page.image_alts)
    if plain and body:
        first, _, rest = body.strip().partition("\n")
        first = " ".join(first.split())
        if first and len(first) <= MAX_OPENING_LINE:
            title, body = first, rest.strip()
    if page.image_alts:
        body = f"{body}\n" + "\n".join(page.image_alts) if body else "\n".join(page.image_alts)
    return FitInput(
        title=title,
        description=page.description,
        headings=page.headings,
        body=body,
        company=company,
        message=message,
    )


MAX_MERGED_HEADINGS = 120


def merge_pages(home: PageContent, others: tuple[PageContent, ...]) -> PageContent:
    """One page of a site's home page and its other pages, for fit: the home page's
    title and description, everyone's headings, text and image texts."""
    if not others:
        return home
    headings = list(home.headings)
    for page in others:
        titled = (page.title,) if page.title else ()
        for heading in (*titled, *page.headings):
            if heading not in headings:
                headings.append(heading)
    return home.model_copy(
        update={
            "headings": tuple(headings[:MAX_MERGED_HEADINGS]),
            "text": "\n".join([home.text, *(page.text for page in others)]),
            "image_alts": tuple(
                dict.fromkeys([*home.image_alts, *(a for p in others for a in p.image_alts)])
            ),
        }
    )


def has_words(page: PageContent) -> bool:
    """Whether a page says anything fit can read (a page built by JavaScript in the
    browser, or an empty document, does not: its fit is unknown, not "no fit")."""
    return bool(
        page.title or page.description or page.headings or page.text.strip() or page.image_alts
    )


def _binary(source: bytes) -> bool:
    head = source[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False  # UTF-16 (or UTF-8 with a BOM) text holds NUL bytes legitimately
    return b"\x00" in head


def score_page(
    source: bytes | str,
    *,
    content_type: str | None = None,
    company: str | None = None,
    message: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> FitResult:
    """Score a saved page (HTML or plain text, bytes or text) through the one page reader.

    Raises :class:`~leadcheck.errors.InputFileError` when there is nothing to score
    (binary data, an empty document): its fit is unknown, not tier D.
    """
    from leadcheck.errors import InputFileError
    from leadcheck.verify.page import read_page

    if isinstance(source, bytes) and _binary(source):
        raise InputFileError("this is binary data, not a page or a text: its fit is unknown")
    page = read_page(source, content_type)
    if not has_words(page) and not (company or message):
        raise InputFileError("the page or text has no words to score: its fit is unknown")
    return score_fit(fit_input(page, company=company, message=message), taxonomy)
