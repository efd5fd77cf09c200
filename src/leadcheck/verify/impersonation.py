"""Brand impersonation: a domain that borrows a well-known name.

Two forms, both a fake lead by themselves (docs/reason-codes.md):

* **brand + procurement words** in the registered domain's label:
  ``siemens-procurement.com``, ``aramco-tenders.net``, ``philipssourcing.com``,
  ``bosch-einkauf.de`` -- a big buyer's "sourcing department" on a domain that is not
  the buyer's. The brands, their own domains and the words are ``data/brands.toml``.
  A label is split at its dashes; a piece that is not a known word is split further
  only when it falls *entirely* into known words (``shelltender`` is Shell + tender,
  ``shellfishorders`` is nothing), so a brand name inside another word never counts.
* **a Unicode confusable of a well-known domain** (TR39 skeletons,
  :mod:`leadcheck.net.confusables`): ``аpple.com`` with a Cyrillic ``а``,
  ``rnaersk.com``. Protected are the brands' domains and the big mail providers of
  ``data/typo_targets.txt``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.models import Frozen
from leadcheck.net.domains import registered_domain, split_host

BRANDS_FILE = "brands.toml"

_WORD = re.compile(r"^[a-z0-9]+$")
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_SPLIT = re.compile(r"[-_]+")
MIN_PIECE = 3  # shortest non-brand piece a glued label may be split into


class Brand(Frozen):
    name: str = Field(min_length=1)
    tokens: tuple[str, ...] = Field(min_length=1)
    domains: tuple[str, ...] = Field(min_length=1)

    @field_validator("tokens")
    @classmethod
    def _tokens(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for token in value:
            if not _WORD.match(token):
                raise ValueError(f"not a lower-case token (a-z, 0-9): {token!r}")
        return value

    @field_validator("domains")
    @classmethod
    def _domains(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for domain in value:
            if not _DOMAIN.match(domain):
                raise ValueError(f"not a lower-case ASCII domain: {domain!r}")
        return value


class BrandsFile(Frozen):
    """The whole of ``data/brands.toml``."""

    procurement_words: tuple[str, ...] = Field(min_length=1)
    filler_words: tuple[str, ...] = ()
    brand: tuple[Brand, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> BrandsFile:
        lists = (("procurement_words", self.procurement_words), ("filler_words", self.filler_words))
        for key, words in lists:
            seen: set[str] = set()
            for word in words:
                if not _WORD.match(word):
                    raise ValueError(f"{key}: not a lower-case word (a-z, 0-9): {word!r}")
                if word in seen:
                    raise ValueError(f"{key}: {word!r} is listed twice")
                seen.add(word)
        overlap = set(self.procurement_words) & set(self.filler_words)
        if overlap:
            raise ValueError(f"both a procurement and a filler word: {sorted(overlap)}")
        owners: dict[str, str] = {}
        for brand in self.brand:
            for item in (*brand.tokens, *brand.domains):
                if item in owners and owners[item] != brand.name:
                    raise ValueError(f"{item!r} belongs to {owners[item]} and {brand.name}")
                owners[item] = brand.name
            for token in brand.tokens:
                if token in self.procurement_words or token in self.filler_words:
                    raise ValueError(f"brand token {token!r} is also a listed word")
        return self


class Impersonation(Frozen):
    """One part of the lead that borrows a well-known name."""

    part: Literal["email", "website"]
    domain: str  # the lead's registered domain
    kind: Literal["brand", "confusable"]
    brand: str  # the brand's name, or the domain imitated
    real_domains: tuple[str, ...]
    words: tuple[str, ...] = ()  # the procurement words found (kind "brand")


class _Tables:
    def __init__(self, data: BrandsFile) -> None:
        self.words = frozenset(data.procurement_words)
        self.fillers = frozenset(data.filler_words)
        self.brand_of: dict[str, Brand] = {t: b for b in data.brand for t in b.tokens}
        self.own_domains = frozenset(d for b in data.brand for d in b.domains)
        self.pieces = self.words | self.fillers | frozenset(self.brand_of)


@cache
def load_brands(path: Path | None = None) -> BrandsFile:
    """``data/brands.toml`` (or ``path``), validated."""
    return load_toml_model(BrandsFile, path or data_path(BRANDS_FILE))


@cache
def _tables() -> _Tables:
    return _Tables(load_brands())


@cache
def _protected() -> dict[str, str]:
    """Skeleton -> the well-known domain it belongs to."""
    from leadcheck.net.confusables import domain_skeleton
    from leadcheck.verify.maillists import load_typo_targets

    domains = [*(d for b in load_brands().brand for d in b.domains), *load_typo_targets()]
    return {domain_skeleton(domain): domain for domain in dict.fromkeys(domains)}


def warm_up() -> None:
    """Load the brands and the TR39 data now (about 70 ms), not in a lead's deadline."""
    _tables()
    _protected()


def _segment(text: str, pieces: frozenset[str], brands: dict[str, Brand]) -> list[str] | None:
    """``text`` split entirely into known pieces (fewest pieces), or None."""
    best: list[list[str] | None] = [None] * (len(text) + 1)
    best[0] = []
    for end in range(1, len(text) + 1):
        for start in range(end):
            head = best[start]
            piece = text[start:end]
            if head is None or piece not in pieces:
                continue
            if len(piece) < MIN_PIECE and piece not in brands:
                continue
            candidate = [*head, piece]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[len(text)]


def brand_in_label(label: str) -> tuple[Brand, tuple[str, ...]] | None:
    """The brand and procurement words a domain label is built from, if it is."""
    tables = _tables()
    label = label.lower()
    brands: list[Brand] = []
    words: list[str] = []

    def take(pieces: list[str]) -> None:
        for piece in pieces:
            if piece in tables.brand_of:
                brands.append(tables.brand_of[piece])
            elif piece in tables.words:
                words.append(piece)

    for token in _SPLIT.split(label):
        if not token:
            continue
        if token in tables.pieces:
            take([token])
        elif len(token) > MIN_PIECE:
            take(_segment(token, tables.pieces, tables.brand_of) or [])
    if not (brands and words):  # "made-in-china-orders": the brand spans the dashes
        brands.clear()
        words.clear()
        take(_segment(_SPLIT.sub("", label), tables.pieces, tables.brand_of) or [])
    if brands and words:
        return brands[0], tuple(dict.fromkeys(words))
    return None


def impersonation(domain: str, part: Literal["email", "website"]) -> Impersonation | None:
    """Whether the registered domain of ``domain`` (ASCII or Unicode) borrows a
    well-known name: brand + procurement words, or a TR39 confusable."""
    # once per domain while the tables stay loaded: a batch names a company's domains
    # row after row (and nearly all of them borrow nothing)
    found = _impersonation(domain, _tables())
    return found.model_copy(update={"part": part}) if found is not None else None


@lru_cache(maxsize=4_096)
def _impersonation(domain: str, tables: _Tables) -> Impersonation | None:
    """:func:`impersonation`, its ``part`` left as "email"."""
    from leadcheck.net.confusables import domain_skeleton
    from leadcheck.verify.maillists import normalize_domain

    registered = registered_domain(normalize_domain(domain))
    if not registered or registered in tables.own_domains:
        return None
    _, label, _ = split_host(registered)
    if label:
        found = brand_in_label(label)
        if found is not None:
            brand, words = found
            return Impersonation(
                part="email",
                domain=registered,
                kind="brand",
                brand=brand.name,
                real_domains=brand.domains,
                words=words,
            )
    imitated = _protected().get(domain_skeleton(registered))
    if imitated is not None and imitated != registered:
        return Impersonation(
            part="email",
            domain=registered,
            kind="confusable",
            brand=imitated,
            real_domains=(imitated,),
        )
    return None


__all__ = [
    "BRANDS_FILE",
    "Brand",
    "BrandsFile",
    "Impersonation",
    "brand_in_label",
    "impersonation",
    "load_brands",
    "warm_up",
]
