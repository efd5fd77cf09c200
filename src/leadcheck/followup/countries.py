"""Countries: ISO codes, the names people type for them, and where a lead is from.

The table lives in ``data/countries.toml``. ``resolve_country`` turns "USA", "Deutschland",
"türkiye" or "de" into an ISO 3166-1 alpha-2 code; ``country_from_phone`` and
``country_from_domain`` read a country from an international phone number or a ccTLD.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from pydantic import Field

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError, UnknownCountryError
from leadcheck.models import Frozen
from leadcheck.net.urls import split_url

_CODE = re.compile(r"^[A-Z]{2}$")


class CountryEntry(Frozen):
    """One row of ``countries.toml``."""

    name: str = Field(min_length=1)
    timezone: str = Field(min_length=1)
    zones: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


class _CountriesFile(Frozen):
    countries: dict[str, CountryEntry]
    ambiguous: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    generic_cctlds: tuple[str, ...] = ()
    cctld_aliases: dict[str, str] = Field(default_factory=dict)


class CountryTable(Frozen):
    """The loaded country table with its lookup index."""

    path: str
    countries: dict[str, CountryEntry]
    index: dict[str, str]  # normalized spelling -> code
    ambiguous: dict[str, tuple[str, ...]]  # normalized spelling -> codes
    generic_cctlds: frozenset[str]
    cctld_aliases: dict[str, str]  # TLD (lower case, ASCII or Unicode) -> code

    def entry(self, code: str) -> CountryEntry:
        return self.countries[code]

    def name(self, code: str) -> str:
        entry = self.countries.get(code)
        return entry.name if entry else code


_DROP = re.compile(r"[.'’`´ʻ]")
_SEPARATORS = re.compile(r"[\s\-_,/()&]+")


def normalize_name(text: str) -> str:
    """The form names are matched in: case, accents, dots, hyphens and a leading "the" ignored."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _DROP.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return text.removeprefix("the ")


def load_countries(path: Path | None = None) -> CountryTable:
    """Load and check a country table (the shipped one, cached, when ``path`` is None)."""
    if path is None:
        return _shipped_countries()
    return _load(path)


@cache
def _shipped_countries() -> CountryTable:
    return _load(data_path("countries.toml"))


def _load(path: Path) -> CountryTable:
    raw = load_toml_model(_CountriesFile, path)
    index: dict[str, str] = {}
    for code, entry in raw.countries.items():
        if not _CODE.match(code):
            raise DataFileError(
                path, "a country code must be two capital letters", location=f"countries.{code}"
            )
        if entry.zones and entry.timezone not in entry.zones:
            raise DataFileError(
                path, "timezone must be one of zones", location=f"countries.{code}.timezone"
            )
        for spelling in (code, entry.name, *entry.aliases):
            key = normalize_name(spelling)
            if not key:
                raise DataFileError(path, "empty alias", location=f"countries.{code}")
            owner = index.setdefault(key, code)
            if owner != code:
                raise DataFileError(
                    path,
                    f"{spelling!r} names both {owner} and {code}; keep it under one country "
                    "or list it in [ambiguous]",
                    location=f"countries.{code}",
                )
    ambiguous: dict[str, tuple[str, ...]] = {}
    for spelling, codes in raw.ambiguous.items():
        key = normalize_name(spelling)
        unknown = [code for code in codes if code not in raw.countries]
        if unknown or len(codes) < 2:
            raise DataFileError(
                path, "list two or more known country codes", location=f"ambiguous.{spelling}"
            )
        if key in index:
            raise DataFileError(
                path,
                f"{spelling!r} is also an alias of {index[key]}",
                location=f"ambiguous.{spelling}",
            )
        ambiguous[key] = tuple(codes)
    for tld, code in raw.cctld_aliases.items():
        if code not in raw.countries:
            raise DataFileError(path, f"unknown country {code!r}", location=f"cctld_aliases.{tld}")
    return CountryTable(
        path=str(path),
        countries=raw.countries,
        index=index,
        ambiguous=ambiguous,
        generic_cctlds=frozenset(tld.lower() for tld in raw.generic_cctlds),
        cctld_aliases={tld.lower(): code for tld, code in raw.cctld_aliases.items()},
    )


def resolve_country(text: str, *, table: CountryTable | None = None) -> str:
    """The ISO 3166-1 alpha-2 code for a code or name in any common form.

    Raises UnknownCountryError naming the input, with a suggestion when a known name is close.
    """
    table = table or load_countries()
    key = normalize_name(text or "")
    if not key:
        raise UnknownCountryError("no country given; use an ISO 3166 code such as DE or a name")
    if key.upper() in table.countries:
        return key.upper()
    code = table.index.get(key)
    if code is not None:
        return code
    shown = text.strip()[:60]
    if key in table.ambiguous:
        options = ", ".join(f"{c} ({table.name(c)})" for c in table.ambiguous[key])
        raise UnknownCountryError(f"country {shown!r} could mean {options}; give the ISO code")
    close = difflib.get_close_matches(key, list(table.index), n=1, cutoff=0.75)
    tip = (
        f"; did you mean {table.name(table.index[close[0]])} ({table.index[close[0]]})?"
        if close
        else "; use an ISO 3166 code such as DE, US or CN, or an English name"
    )
    raise UnknownCountryError(f"unknown country {shown!r}{tip}")


def country_from_phone(phone: str, *, table: CountryTable | None = None) -> str | None:
    """The country of a phone number in international form (``+49 ...``), or None."""
    from leadcheck.contacts import phone_text

    candidate = phone_text(phone or "")
    if not candidate.startswith("+") or len(candidate) > 40:
        return None
    region = _region_of(candidate)
    if region is None:
        return None
    table = table or load_countries()
    return region if region in table.countries else None


@lru_cache(maxsize=8_192)  # a batch asks about the same numbers again and again
def _region_of(candidate: str) -> str | None:
    """phonenumbers' region of an international number, None if it is no possible number."""
    import phonenumbers

    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    region: str | None = phonenumbers.region_code_for_number(number)
    return region


def country_from_domain(domain: str, *, table: CountryTable | None = None) -> str | None:
    """The country of a host's ccTLD (``acme.co.uk`` → GB); None for generic TLDs.

    Accepts a host, a URL or an email address. ccTLDs sold worldwide as generic
    (.io, .co, .ai, .me, .tv...) tell nothing and give None.
    """
    text = (domain or "").strip().lower()
    if "@" in text and "/" not in text:
        text = text.rsplit("@", 1)[1]
    if "/" in text:
        parts = split_url(text if "//" in text else "//" + text)
        text = (parts.hostname if parts else None) or ""
    text = text.split(":", 1)[0].rstrip(".")
    if "." not in text:
        return None
    tld = text.rsplit(".", 1)[1]
    table = table or load_countries()
    if tld in table.cctld_aliases:
        return table.cctld_aliases[tld]
    if len(tld) != 2 or not tld.isascii() or not tld.isalpha() or tld in table.generic_cctlds:
        return None
    code = tld.upper()
    return code if code in table.countries else None
