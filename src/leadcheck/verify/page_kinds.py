"""Recognise pages that are not a business website: parked, for sale, server default
page, suspended account, unfilled template, under construction.

The signatures live in ``data/page_signatures.toml``; see its header for the schema.
Matching works on *folded* text: Unicode NFKC, case-folded, runs of blanks collapsed
to one space; the raw markup (the ``html`` field, whose patterns are ASCII) is only
lower-cased. Plain patterns of each field are searched together with one
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
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen
from leadcheck.wordwise import collapse_blanks

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
    """The form both pages and plain patterns are compared in: NFKC, case-folded, each run
    of blanks one space, no blanks at the ends."""
    # NFKC leaves ASCII alone, and casefold() is lower() there. (Folding a distinct word
    # at a time, as the fit matcher does, saves nothing here: NFKC and casefold cost
    # less than splitting the page into words.)
    text = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return collapse_blanks(text)  # = _BLANKS.sub(" ", text).strip(): \s is str.isspace


def fold_keeping_blanks(text: str) -> str:
    """:func:`fold` without collapsing blanks: enough for patterns that contain none."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def fold_markup(text: str, *, keep_blanks: bool) -> str:
    """The form the raw markup is compared in: its ASCII letters lower-cased (its blanks
    collapsed as :func:`fold` does, unless ``keep_blanks``). Markup patterns are ASCII
    (script and lander URLs, file names, tags), so Unicode compatibility forms are not
    folded: a full-width ``ｓｅｄｏ`` in markup is no host a browser loads a lander
    from, and normalising a page of markup costs more than the search itself."""
    text = lower_ascii(text)
    return text if keep_blanks else " ".join(text.split())


# The only characters whose lower case holds an ASCII one: İ (i and a dot above) and
# the Kelvin sign (k).
_LOWERS_TO_ASCII = ("\u0130", "\u212a")


def lower_ascii(text: str) -> str:
    """``text`` with its ASCII letters lower-cased: for patterns that name ASCII
    characters only, the same matches as in ``text.lower()``.

    ``str.lower()`` looks up every character of a page that is not all ASCII in the
    Unicode tables; ``bytes.lower()`` changes A-Z alone, from a table. The other
    characters lower() would change stay as they are, and an ASCII-only pattern cannot
    tell them from their lower case: both are letters (``\\w``, not ``\\s`` or ``\\d``),
    and a class that leaves ASCII letters out takes both. A text holding one of the two
    characters whose lower case is ASCII is lower-cased by ``str.lower()``.
    ``tests/verify/test_lean_reading.py`` checks this on every code point.
    """
    if text.isascii() or any(char in text for char in _LOWERS_TO_ASCII):
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


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
        if self.field == "html" and not (
            self.pattern.isascii() and (not self.regex or _names_ascii_only(self.pattern))
        ):
            raise ValueError(
                "write markup patterns in ASCII, escapes too: the markup is compared "
                "ignoring ASCII case only (see fold_markup)"
            )
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


# Fewer plain patterns than this are looked for with str.find (a C loop per pattern) rather
# than with an automaton, whose pass costs more than a few finds on a page of markup.
_AUTOMATON_MIN_PATTERNS = 32


class _FieldMatcher:
    """All signatures of one field: its plain patterns and its compiled regexes.

    Each regex carries pieces of literal text of which every match contains one
    (``None`` if it has none worth looking for, see :func:`required_literals`): where
    none of them is in the page, the regex cannot match and is not run.
    """

    def __init__(self, plain: dict[str, list[int]], regexes: list[tuple[re.Pattern[str], int]]):
        # When no regex of the field can match a blank, the page need not have its blanks
        # collapsed (see fold_keeping_blanks): a plain pattern with blanks then becomes a
        # regex whose blanks match any run of blanks, which finds the same occurrences.
        self.blank_free = all(cannot_match_blank(compiled) for compiled, _ in regexes)
        regexes = list(regexes)
        if self.blank_free:
            for pattern, indexes in list(plain.items()):
                if " " in pattern:
                    del plain[pattern]
                    spaced = re.compile(r"\s+".join(re.escape(part) for part in pattern.split(" ")))
                    regexes.extend((spaced, index) for index in indexes)
        self._automaton: Any = None
        self._plain: tuple[tuple[str, tuple[int, ...]], ...] = ()
        one_pass = len(plain) >= _AUTOMATON_MIN_PATTERNS
        self._regexes = tuple(
            (compiled, index, required_literals(compiled, one_pass=one_pass))
            for compiled, index in regexes
        )
        # With an automaton, the regexes' literals are keys of it too (as negative
        # numbers): the one pass over the page says which are there.
        self._literal_keys: dict[str, int] = {}
        if one_pass:
            import ahocorasick

            keys: dict[str, list[int]] = {
                pattern: list(indexes) for pattern, indexes in plain.items()
            }
            for _compiled, _index, literals in self._regexes:
                for literal in literals or ():
                    if literal not in self._literal_keys:
                        self._literal_keys[literal] = -1 - len(self._literal_keys)
                        keys.setdefault(literal, []).append(self._literal_keys[literal])
            automaton = ahocorasick.Automaton()
            for pattern, values in keys.items():
                automaton.add_word(pattern, tuple(values))
            automaton.make_automaton()
            self._automaton = automaton
        else:
            self._plain = tuple((pattern, tuple(indexes)) for pattern, indexes in plain.items())

    def search(self, haystack: str) -> set[int]:
        found: set[int] = set()
        if not haystack:
            return found
        present: set[int] | None = None
        if self._automaton is not None:
            present = set()
            for _, values in self._automaton.iter(haystack):
                for value in values:
                    (found if value >= 0 else present).add(value)
        for pattern, indexes in self._plain:
            if pattern in haystack:
                found.update(indexes)
        keys = self._literal_keys
        for compiled, index, literals in self._regexes:
            if literals is not None:
                if present is not None:
                    if not any(keys[literal] in present for literal in literals):
                        continue  # a piece of text every match contains is not there
                elif not any(literal in haystack for literal in literals):
                    continue
            if compiled.search(haystack):
                found.add(index)
        return found


def _parse_regex(compiled: re.Pattern[str]) -> tuple[Any, Any]:
    """The constants module and the parse tree of ``compiled`` (CPython's re internals)."""
    import importlib

    sre = importlib.import_module("re._constants")
    parser = importlib.import_module("re._parser")
    return sre, parser.parse(compiled.pattern, compiled.flags)


def _walk(items: Any, sre: Any) -> Iterator[tuple[Any, Any]]:
    """Every ``(op, argument)`` of a parse tree, at every depth: a group, an alternative,
    a repeat or an assertion comes before what it holds."""
    for op, argument in items:
        yield op, argument
        if op is sre.SUBPATTERN:
            yield from _walk(argument[3], sre)
        elif op is sre.BRANCH:
            for branch in argument[1]:
                yield from _walk(branch, sre)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _walk(argument[2], sre)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _walk(argument[1], sre)
        elif op is sre.ATOMIC_GROUP:
            yield from _walk(argument, sre)


def _names_ascii_only(pattern: str) -> bool:
    """Whether every character the regex ``pattern`` names (literals, ranges, in sets
    negated or not) is ASCII: ``stra\\xdfe`` names a non-ASCII one in ASCII text.
    False when the pattern does not compile (the validator says so next)."""
    try:
        sre, parsed = _parse_regex(re.compile(pattern))
    except Exception:  # a bad pattern, or re's internals changed: refuse, not admit
        return False
    for op, argument in _walk(parsed, sre):
        if op in (sre.LITERAL, sre.NOT_LITERAL) and argument >= 0x80:
            return False
        if op is sre.IN:
            for kind, value in argument:
                if kind in (sre.LITERAL, sre.NOT_LITERAL) and value >= 0x80:
                    return False
                if kind is sre.RANGE and value[1] >= 0x80:
                    return False
    return True


def _selectivity(literal: str) -> int:
    """How rare a piece of text is likely to be: its length, a non-ASCII character counting
    three (``已`` rules out far more English pages than ``a``)."""
    return sum(1 if ch.isascii() else 3 for ch in literal)


_MIN_SELECTIVITY = 3  # " in " is in almost every page: not worth a look


_MAX_SPELLINGS = 64  # a run of fixed pieces spelt more ways than this is split up
_MAX_SCANS = 4  # where each piece is a scan of its own, choices of more pieces are passed over


def required_literals(
    compiled: re.Pattern[str], *, one_pass: bool = True
) -> tuple[str, ...] | None:
    """Pieces of literal text of which every match of ``compiled`` contains at least one;
    None when the pattern has no such pieces worth looking for.

    Read from the parsed pattern's mandatory sequence (not under ``?`` or ``*``): a run
    of adjacent fixed pieces (literal characters, and groups or sets whose every
    alternative is literal text) gives every way the run can be spelt
    (``@(example|test)`` gives ``@example``, ``@test``); a mandatory group that is not
    fixed gives one run from each alternative (``(sito|pagina \\w+)``). The most
    selective choice is taken; when each piece is a scan of its own (not ``one_pass``,
    an automaton's one pass over the page), the most selective of those with at most
    :data:`_MAX_SCANS` pieces (``mailto:`` rather than fifteen spellings of
    ``@example.com``). A pattern that
    changes its flags (``(?i)``) gets None, since its literals might match other text.
    """
    try:
        sre, parsed = _parse_regex(compiled)
    except Exception:  # an internal API: no prefilter rather than a wrong one
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None

    class _FlagsChanged(Exception):
        pass

    def spellings(items: Any) -> tuple[str, ...] | None:
        """Every text a sequence of pattern items can match, when it is fixed text
        (at most :data:`_MAX_SPELLINGS` of them); None otherwise."""
        spelt: tuple[str, ...] = ("",)
        for item in items:
            piece = fixed(item)
            longer = None if piece is None else _joined(spelt, piece)
            if longer is None:
                return None
            spelt = longer
        return spelt

    def fixed(item: Any) -> tuple[str, ...] | None:
        """The texts one pattern item can match, when that is fixed text."""
        op, argument = item
        if op is sre.LITERAL:
            return (chr(argument),)
        if op is sre.IN:
            if all(kind is sre.LITERAL for kind, _ in argument):
                return tuple(dict.fromkeys(chr(value) for _, value in argument))
            return None
        if op is sre.SUBPATTERN:
            if argument[1] or argument[2]:
                raise _FlagsChanged
            return spellings(argument[3])
        if op is sre.BRANCH:
            found: list[str] = []
            for branch in argument[1]:
                spelt = spellings(branch)
                if spelt is None:
                    return None
                found.extend(spelt)
            unique = tuple(dict.fromkeys(found))
            return unique if len(unique) <= _MAX_SPELLINGS else None
        return None

    def choices(items: Any) -> list[tuple[str, ...]]:
        """Every requirement found in a mandatory sequence of pattern items."""
        found: list[tuple[str, ...]] = []
        current: tuple[str, ...] = ("",)  # the ways the run of fixed pieces so far is spelt

        def close_run() -> None:
            nonlocal current
            if current != ("",):
                found.append(current)
            current = ("",)

        for item in items:
            piece = fixed(item)
            if piece is not None:
                longer = _joined(current, piece)
                if longer is None:  # spelt too many ways: the run so far stands alone
                    close_run()
                    longer = piece
                current = tuple(dict.fromkeys(longer))
                continue
            close_run()
            op, argument = item
            if op is sre.SUBPATTERN:
                found.extend(choices(argument[3]))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
                found.extend(choices(argument[2]))
            elif op is sre.BRANCH:
                options: list[str] = []
                for branch in argument[1]:
                    own = choices(branch)
                    if not own:
                        break
                    strongest: tuple[str, ...] = max(own, key=_least_selective)
                    options.extend(strongest)
                else:
                    found.append(tuple(dict.fromkeys(options)))
        close_run()
        return found

    try:
        found = choices(parsed)
    except _FlagsChanged:
        return None
    if not found:
        return None
    if not one_pass:
        few = [option for option in found if len(option) <= _MAX_SCANS]
        found = few or found
    best = max(found, key=_least_selective)
    if _least_selective(best) < _MIN_SELECTIVITY:
        return None
    return best


def _joined(heads: tuple[str, ...], tails: tuple[str, ...]) -> tuple[str, ...] | None:
    """Every head followed by every tail; None beyond :data:`_MAX_SPELLINGS` of them."""
    if len(heads) * len(tails) > _MAX_SPELLINGS:
        return None
    return tuple(head + tail for head in heads for tail in tails)


def _least_selective(option: tuple[str, ...]) -> int:
    """How selective a requirement is: as its commonest piece of text."""
    return min(_selectivity(item) for item in option)


def cannot_match_blank(compiled: re.Pattern[str]) -> bool:
    """True when no match of ``compiled`` can contain a blank (checked conservatively:
    only literals, ranges and sets of them, groups, alternatives and repeats of those)."""
    try:
        sre, parsed = _parse_regex(compiled)
    except Exception:  # an internal API: not safe rather than wrongly safe
        return False
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return False

    def blank_in_range(low: int, high: int) -> bool:
        return any(chr(code).isspace() for code in range(low, min(high, 0x3000) + 1)) or (
            high >= 0x3000
        )

    for op, argument in _walk(parsed, sre):
        if op is sre.LITERAL:
            if chr(argument).isspace():
                return False
        elif op is sre.IN:
            for kind, value in argument:
                if kind is sre.LITERAL and not chr(value).isspace():
                    continue
                if kind is sre.RANGE and not blank_in_range(*value):
                    continue
                return False
        elif op is sre.SUBPATTERN:
            if argument[1] or argument[2]:  # flags switched inside the group
                return False
        elif op not in (sre.AT, sre.BRANCH, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return False  # anything else (assertions, backreferences...): not safe
    return True


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

    def fold_for(self, field: SignatureField, text: str) -> str:
        """``text`` folded for the signatures of ``field``: as :func:`fold` does, or with
        its blanks left as they are when no signature of the field can match a blank
        (the same matches, without collapsing a page of markup). The markup is folded
        by :func:`fold_markup`."""
        if field == "html":
            return fold_markup(text, keep_blanks=self._matchers[field].blank_free)
        if self._matchers[field].blank_free:
            return fold_keeping_blanks(text)
        return fold(text)


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
        "html": signatures.fold_for("html", html[:MAX_HTML_CHARS]),
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
