"""The industry taxonomy: its model, and loading it from a TOML file.

The shipped file is ``data/taxonomy.toml``; docs/taxonomy.md describes the schema.
Loading validates everything, term syntax included, so a taxonomy that loads can
be compiled and used; a malformed file raises :class:`DataFileError` naming the
file, the line where it could be found, the key and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, PrivateAttr, StringConstraints, model_validator

from leadcheck.datafiles import data_path, read_toml, validate
from leadcheck.errors import DataFileError
from leadcheck.fit.terms import Key, TermSyntaxError, term_keys
from leadcheck.models import Frozen

TAXONOMY_FILE = "taxonomy.toml"

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]
Term = Annotated[str, StringConstraints(min_length=1, max_length=120)]
TermsByLanguage = dict[Language, tuple[Term, ...]]
Weight = Annotated[float, Field(gt=0, le=1)]
FieldWeight = Annotated[float, Field(gt=0, le=10)]

GroupKind = Literal["segment", "negative", "buyer_type", "venue", "mask", "claim"]
Role = Literal["product", "action", "application"]
Ceiling = Literal["B", "C"]


class _Group(Frozen):
    id: Id
    name: Name
    description: str = ""
    terms: TermsByLanguage

    def iter_terms(self) -> Iterator[tuple[str, str, bool]]:
        """``(language, term, weak)`` for every term of the group."""
        for language, terms in self.terms.items():
            for term in terms:
                yield language, term, False


class Segment(_Group):
    """A market the company sells into; ``weight`` says how close it is to the core.

    ``role`` says which line of evidence the segment is: our ``product`` (UV lamps,
    sterilizers), the ``action`` (disinfection, sterilization) or an ``application``
    (water treatment, aquaculture...); independent lines combine. ``amenity`` marks a
    segment whose words a hotel or a gym uses for its facilities (pool, spa, air
    conditioning). ``ceiling`` is the best tier a company whose trade this is can get
    without evidence of our product (a pump maker is C however watery its page).
    """

    weight: Weight
    core: bool = False
    role: Role = "application"
    amenity: bool = False
    ceiling: Ceiling | None = None
    weak_terms: TermsByLanguage = Field(default_factory=dict)

    def iter_terms(self) -> Iterator[tuple[str, str, bool]]:
        yield from super().iter_terms()
        for language, terms in self.weak_terms.items():
            for term in terms:
                yield language, term, True


class NegativeGroup(_Group):
    """Trades that are clearly not customers; their evidence lowers the score.

    ``false_friend``: the trade's phrases reuse our product's words ("UV lamp for gel
    nails", "UV curing lamp"), so a product term in the same sentence as one of its
    terms is no evidence. ``venue``: the trade's pages use amenity words for its own
    service (a garage's "A/C disinfection"), as a hotel's do.
    """

    weight: Weight
    false_friend: bool = False
    venue: bool = False


class BuyerType(_Group):
    """What kind of buyer the lead is (distributor, OEM...); reported, not scored."""


class Venue(_Group):
    """Places whose pools, spas and air conditioning are amenities, not their trade
    (hotels, resorts, gyms): named in a page's title or headings, they discount the
    evidence of ``amenity`` segments."""


class Mask(_Group):
    """Idioms and asides whose words are no evidence either way ("non è una moda",
    "not a fad"): a match inside a mask's match counts for nothing."""


class Claim(_Group):
    """What a company says it does ("we manufacture", "主营", "fabricamos"): terms in
    the same sentence of the body count as much as a heading."""


class FieldWeights(Frozen):
    """How much one occurrence of a term counts, by where it was found."""

    title: FieldWeight = 3.0
    description: FieldWeight = 2.5
    headings: FieldWeight = 2.0
    company: FieldWeight = 3.0
    message: FieldWeight = 2.0
    body: FieldWeight = 1.0
    claim: FieldWeight = 2.0  # a body sentence that says what the company does


class Tiers(Frozen):
    """Score thresholds of the tiers, and what tier A asks for besides."""

    a: int = Field(default=60, ge=1, le=100)
    b: int = Field(default=35, ge=1, le=100)
    c: int = Field(default=12, ge=1, le=100)
    a_min_core_segment: int = Field(default=50, ge=0, le=100)
    a_max_negative: int = Field(default=35, ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> Tiers:
        if not self.a > self.b > self.c:
            raise ValueError("tier thresholds must satisfy a > b > c")
        return self


class Scoring(Frozen):
    """The constants of the score; docs/taxonomy.md explains each."""

    fields: FieldWeights = Field(default_factory=FieldWeights)
    weak_term_factor: Weight = 0.4
    weak_evidence_cap: float = Field(default=2.0, gt=0, le=100)
    saturation: float = Field(default=4.0, gt=0, le=100)
    negative_saturation: float = Field(default=4.0, gt=0, le=100)
    secondary_share: Weight = 0.25
    negative_penalty: Weight = 0.6
    aside_factor: Weight = 0.5  # negative evidence in plain body text counts this much
    amenity_factor: Weight = 0.25  # amenity evidence on a venue's page counts this much
    claim_window: int = Field(default=160, ge=0, le=2000)  # bytes around a claim
    claim_reach: int = Field(default=10_000, ge=0, le=10_000_000)  # bytes of a text read for claims
    tiers: Tiers = Field(default_factory=Tiers)


class Morphology(Frozen):
    """Which languages' segment terms also match inflected (see fit/morphology.py)."""

    stem_languages: tuple[Language, ...] = ()
    min_stem: int = Field(default=4, ge=3, le=20)
    max_cut: int = Field(default=3, ge=1, le=10)

    @model_validator(mode="after")
    def _known(self) -> Morphology:
        from leadcheck.fit.morphology import SNOWBALL

        unknown = [code for code in self.stem_languages if code not in SNOWBALL]
        if unknown:
            raise ValueError(
                f"no stemmer for {', '.join(unknown)}; known: {', '.join(sorted(SNOWBALL))}"
            )
        return self


class Taxonomy(Frozen):
    """Segments, negative groups, buyer types and scoring constants."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_version: Literal[1] = Field(alias="schema")
    name: Name = "taxonomy"
    scoring: Scoring = Field(default_factory=Scoring)
    morphology: Morphology = Field(default_factory=Morphology)
    segments: tuple[Segment, ...] = Field(alias="segment")
    negatives: tuple[NegativeGroup, ...] = Field(default=(), alias="negative")
    buyer_types: tuple[BuyerType, ...] = Field(default=(), alias="buyer_type")
    venues: tuple[Venue, ...] = Field(default=(), alias="venue")
    masks: tuple[Mask, ...] = Field(default=(), alias="mask")
    claims: tuple[Claim, ...] = Field(default=(), alias="claim")

    _source: Path | None = PrivateAttr(default=None)
    _compiled: Any = PrivateAttr(default=None)  # matcher.CompiledTaxonomy, built on first use

    @property
    def source(self) -> Path | None:
        """The file the taxonomy was loaded from, if any."""
        return self._source

    def groups(self) -> Iterator[tuple[GroupKind, _Group]]:
        """Every group with its kind: segments, negatives, buyer types, venues, masks
        and claims, in that order."""
        for segment in self.segments:
            yield "segment", segment
        for negative in self.negatives:
            yield "negative", negative
        for buyer in self.buyer_types:
            yield "buyer_type", buyer
        for venue in self.venues:
            yield "venue", venue
        for mask in self.masks:
            yield "mask", mask
        for claim in self.claims:
            yield "claim", claim

    def languages(self) -> tuple[str, ...]:
        """Every language that has terms, sorted."""
        return tuple(sorted({lang for _, group in self.groups() for lang in group.terms}))


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; without a path, the shipped one (cached)."""
    if path is None:
        return _default_taxonomy()
    return _load(Path(path))


@cache
def _default_taxonomy() -> Taxonomy:
    return _load(data_path(TAXONOMY_FILE))


def parse_taxonomy(data: Mapping[str, Any], path: Path, text: str = "") -> Taxonomy:
    """Validate already-parsed data; ``text`` (the file's source) lets errors give lines."""
    locator = _Locator(text, data)
    try:
        taxonomy = validate(Taxonomy, data, path)
    except DataFileError as exc:
        raise DataFileError(path, exc.problem, location=locator.describe(exc.location)) from exc
    _check_semantics(taxonomy, path, locator)
    taxonomy._source = path
    return taxonomy


def _load(path: Path) -> Taxonomy:
    data = read_toml(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # pragma: no cover - read_toml already read it
        text = ""
    return parse_taxonomy(data, path, text)


_SECTIONS: dict[GroupKind, str] = {
    "segment": "segment",
    "negative": "negative",
    "buyer_type": "buyer_type",
    "venue": "venue",
    "mask": "mask",
    "claim": "claim",
}


def _check_semantics(taxonomy: Taxonomy, path: Path, locator: _Locator) -> None:
    if not taxonomy.segments:
        raise DataFileError(path, "the file has no [[segment]] block; add at least one")
    seen_ids: dict[str, str] = {}
    indexes: dict[GroupKind, int] = dict.fromkeys(_SECTIONS, 0)
    for kind, group in taxonomy.groups():
        index = indexes[kind]
        indexes[kind] += 1
        section = _SECTIONS[kind]
        if group.id in seen_ids:
            raise DataFileError(
                path,
                f"the id {group.id!r} is already used by a {seen_ids[group.id]}; "
                "ids must be unique",
                location=locator.describe(f"{section}.{index}.id"),
            )
        seen_ids[group.id] = kind
        keys_seen: dict[tuple[str, Key], str] = {}  # (language, key) -> term
        positions: dict[str, int] = {}
        count = 0
        for language, term, weak in group.iter_terms():
            count += 1
            list_name = "weak_terms" if weak else "terms"
            position = positions.get(f"{list_name}.{language}", 0)
            positions[f"{list_name}.{language}"] = position + 1
            where = f"{section}.{index}.{list_name}.{language}.{position}"
            try:
                keys = term_keys(term)
            except TermSyntaxError as exc:
                raise DataFileError(
                    path, f"term {term!r}: {exc}", location=locator.describe(where, term)
                ) from exc
            for key in keys:
                earlier = keys_seen.get((language, key))
                if earlier is not None:
                    raise DataFileError(
                        path,
                        f"term {term!r} repeats {earlier!r} (both match {key.text!r}); remove one",
                        location=locator.describe(where, term),
                    )
                keys_seen[(language, key)] = term
        if count == 0:
            raise DataFileError(
                path,
                "the group has no terms; add at least one",
                location=locator.describe(f"{section}.{index}.terms"),
            )


class _Locator:
    """Turns a dotted key path into ``line N, segment "id" terms.de[2]``."""

    _HEADER = re.compile(
        r"^[ \t]*\[\[\s*(segment|negative|buyer_type|venue|mask|claim)\s*\]\]", re.MULTILINE
    )

    def __init__(self, text: str, data: Mapping[str, Any]) -> None:
        self._lines = text.splitlines()
        self._data = data
        self._headers: dict[str, list[int]] = {}
        for match in self._HEADER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            self._headers.setdefault(match.group(1), []).append(line)

    def describe(self, location: str | None, needle: str | None = None) -> str | None:
        if not location:
            return None
        parts = location.split(".")
        line: int | None = None
        label = location
        if len(parts) >= 2 and parts[0] in self._headers and parts[1].isdigit():
            section, index = parts[0], int(parts[1])
            starts = self._headers[section]
            if index < len(starts):
                line = starts[index]
            items = self._data.get(section)
            ident = None
            if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
                ident = items[index].get("id")
            head = f"{section} {ident!r}" if isinstance(ident, str) else f"{section}[{index}]"
            label = head + (" " + _dotted(parts[2:]) if len(parts) > 2 else "")
            if line is not None:
                if needle is not None:
                    line = self._find(needle, line) or line
                elif len(parts) > 2 and not parts[2].isdigit():
                    line = self._find_key(parts[2], line) or line
        elif needle is not None:
            line = self._find(needle, 1)
        return f"line {line}, {label}" if line else label

    def _find_key(self, key: str, start: int) -> int | None:
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[\s*\w+\.{re.escape(key)}\s*\])")
        for number in range(start + 1, len(self._lines) + 1):
            line = self._lines[number - 1]
            if self._HEADER.match(line):
                return None
            if pattern.match(line):
                return number
        return None

    def _find(self, needle: str, start: int) -> int | None:
        quoted = (f'"{needle}"', f"'{needle}'")
        for number in range(start, len(self._lines) + 1):
            if any(q in self._lines[number - 1] for q in quoted):
                return number
        return None


def _dotted(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out
