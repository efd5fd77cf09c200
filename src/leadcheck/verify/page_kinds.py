"""Recognise pages that are not a business website: parked, for sale, server default
page, suspended account, unfilled template, under construction.

The signatures live in ``data/page_signatures.toml``; see its header for the schema.
Matching works on *folded* text: Unicode NFKC, case-folded, runs of blanks collapsed
to one space. Plain patterns of each field are searched together with one
Aho-Corasick automaton; regular expressions are precompiled. Loading happens once per
process.

Deciding a category:

* one ``strong`` signature decides it;
* ``weak`` signatures (words a real company may also use, such as "coming soon")
  decide it only when backed up: by weak or strong matches in at least two different
  fields (title *and* text), or by a *short page* -- fewer than
  :data:`SHORT_PAGE_CHARS` characters of visible text once folded (about 60 English
  words). Parking and placeholder pages carry a line or two; a company homepage, even
  a small one, carries far more (menus, product names, address);
* for ``template``, also by :data:`WEAK_COUNT_DECIDES` different weak signatures: an
  unfilled theme shows lorem ipsum *and* "Your Company Name" *and* info@example.com,
  a real site that forgot one placeholder block shows one or two.

An "under construction" notice is judged with the page's length too: on a page with
:data:`BUSY_PAGE_CHARS` of text or more (a company page with products, address and
contacts), a line saying that some section or language version is being built does not
make the site a construction page; its title saying so still does.

When several categories are decided, :data:`PRECEDENCE` picks the reported one:
for-sale pages are nearly always parking pages too, and "for sale" is what a sales
rep acts on; parked beats suspended (no site was ever set up); a suspended account
beats a default page (there was a customer); a default page beats an unfilled template
(nothing was built at all); "under construction" is the weakest claim and loses to all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen

SIGNATURES_FILE = "page_signatures.toml"

PageKind = Literal[
    "parked", "for_sale", "hosting_default", "suspended", "template", "under_construction"
]
SignatureField = Literal["title", "text", "html", "url"]

PRECEDENCE: tuple[PageKind, ...] = (
    "for_sale",
    "parked",
    "suspended",
    "hosting_default",
    "template",
    "under_construction",
)
SHORT_PAGE_CHARS = 400
# A page with this much text is a site in use: an "under construction" line in its text
# is about a part of it (a language version, a section), unless the title says so too.
BUSY_PAGE_CHARS = 2500
# Categories that distinct weak signatures decide by their number alone.
WEAK_COUNT_DECIDES: dict[str, int] = {"template": 3}
MAX_HTML_CHARS = 1_000_000  # markup beyond this is not searched

_FIELDS: tuple[SignatureField, ...] = ("title", "text", "html", "url")
_BLANKS = re.compile(r"\s+")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ESCAPE = re.compile(r"\\.")


def fold(text: str) -> str:
    """The form both pages and plain patterns are compared in."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _BLANKS.sub(" ", text).strip()


class Signature(Frozen):
    """One ``[[signature]]`` of ``page_signatures.toml``."""

    id: str = Field(pattern=_ID.pattern)
    category: PageKind
    field: SignatureField
    pattern: str = Field(min_length=1)
    regex: bool = False
    strength: Literal["strong", "weak"] = "strong"

    @model_validator(mode="after")
    def _check_pattern(self) -> Signature:
        if self.regex:
            try:
                re.compile(self.pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression: {exc}") from exc
            # Matched against case-folded text without re.IGNORECASE (five times faster
            # on long pages), so an upper-case letter outside an escape never matches.
            if _ESCAPE.sub("", self.pattern) != _ESCAPE.sub("", self.pattern).casefold():
                raise ValueError(
                    "write the regular expression in lower case: it is matched against "
                    "case-folded text"
                )
        elif not fold(self.pattern):
            raise ValueError("the pattern is blank")
        return self


class SignaturesFile(Frozen):
    """The whole of ``page_signatures.toml``."""

    signature: tuple[Signature, ...] = Field(min_length=1)

    @field_validator("signature")
    @classmethod
    def _unique_ids(cls, value: tuple[Signature, ...]) -> tuple[Signature, ...]:
        seen: set[str] = set()
        for signature in value:
            if signature.id in seen:
                raise ValueError(f"duplicate signature id {signature.id!r}")
            seen.add(signature.id)
        return value


class PageClassification(Frozen):
    """What kind of non-business page this is, if any.

    ``kind`` is None when the page looks like a real site (or the evidence was only
    weak). ``matched`` lists every signature id that matched, in file order, including
    weak ones that did not reach a verdict; ``evidence`` only those of the reported
    ``kind`` -- the ones to show next to the verdict.
    """

    kind: PageKind | None = None
    matched: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    short_page: bool = False


class _FieldMatcher:
    """All signatures of one field: an automaton for the plain ones, compiled regexes."""

    def __init__(self, plain: dict[str, list[int]], regexes: list[tuple[re.Pattern[str], int]]):
        self._automaton: Any = None
        if plain:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for pattern, indexes in plain.items():
                automaton.add_word(pattern, tuple(indexes))
            automaton.make_automaton()
            self._automaton = automaton
        self._regexes = tuple(regexes)

    def search(self, haystack: str) -> set[int]:
        found: set[int] = set()
        if not haystack:
            return found
        if self._automaton is not None:
            for _, indexes in self._automaton.iter(haystack):
                found.update(indexes)
        for compiled, index in self._regexes:
            if compiled.search(haystack):
                found.add(index)
        return found


class SignatureSet:
    """Loaded, precompiled signatures. Build with :func:`load_signatures`."""

    def __init__(self, signatures: Sequence[Signature]) -> None:
        self.signatures: tuple[Signature, ...] = tuple(signatures)
        plain: dict[SignatureField, dict[str, list[int]]] = {name: {} for name in _FIELDS}
        regexes: dict[SignatureField, list[tuple[re.Pattern[str], int]]] = {
            name: [] for name in _FIELDS
        }
        for index, signature in enumerate(self.signatures):
            if signature.regex:
                compiled = re.compile(signature.pattern, re.MULTILINE)
                regexes[signature.field].append((compiled, index))
            else:
                plain[signature.field].setdefault(fold(signature.pattern), []).append(index)
        self._matchers = {name: _FieldMatcher(plain[name], regexes[name]) for name in _FIELDS}

    def search(self, field: SignatureField, haystack: str) -> set[int]:
        """Indexes of the signatures of ``field`` found in the folded ``haystack``."""
        return self._matchers[field].search(haystack)


@cache
def load_signatures(path: Path | None = None) -> SignatureSet:
    """Load, check and compile ``data/page_signatures.toml`` (or ``path``)."""
    path = path or data_path(SIGNATURES_FILE)
    parsed = load_toml_model(SignaturesFile, path)
    try:
        return SignatureSet(parsed.signature)
    except (ValueError, TypeError) as exc:  # pragma: no cover - validated above
        raise DataFileError(path, f"cannot compile the signatures: {exc}") from exc


def classify_page(
    *,
    title: str | None,
    text: str,
    html: str,
    urls: Sequence[str],
    signatures: SignatureSet | None = None,
) -> PageClassification:
    """Classify one fetched page.

    ``title`` and ``text`` are the page title and visible text (see
    :func:`leadcheck.verify.page.parse_html`), ``html`` the raw markup, ``urls`` the final URL
    and every redirect hop. ``signatures`` defaults to the shipped set.
    """
    signatures = signatures or load_signatures()
    folded_text = fold(text)
    fields: dict[SignatureField, str] = {
        "title": fold(title or ""),
        "text": folded_text,
        "html": fold(html[:MAX_HTML_CHARS]),
        "url": "\n".join(fold(url) for url in urls if url),
    }
    hits: set[int] = set()
    for name, haystack in fields.items():
        hits |= signatures.search(name, haystack)
    short_page = len(folded_text) < SHORT_PAGE_CHARS

    strong: set[str] = set()
    weak_fields: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for index in hits:
        signature = signatures.signatures[index]
        weak_fields.setdefault(signature.category, set()).add(signature.field)
        counts[signature.category] = counts.get(signature.category, 0) + 1
        if signature.strength == "strong":
            strong.add(signature.category)

    def decided(category: PageKind) -> bool:
        found_in = weak_fields.get(category, set())
        if category == "under_construction" and len(folded_text) >= BUSY_PAGE_CHARS:
            # "the Chinese version is under construction" on a full company page is a
            # remark about a part of the site, not the site.
            return "title" in found_in and category in strong
        enough = WEAK_COUNT_DECIDES.get(category)
        return (
            category in strong
            or len(found_in) >= 2
            or (bool(found_in) and short_page)
            or (enough is not None and counts.get(category, 0) >= enough)
        )

    kind = next((category for category in PRECEDENCE if decided(category)), None)
    ordered = [signatures.signatures[index] for index in sorted(hits)]
    return PageClassification(
        kind=kind,
        matched=tuple(signature.id for signature in ordered),
        evidence=tuple(signature.id for signature in ordered if signature.category == kind),
        short_page=short_page,
    )
