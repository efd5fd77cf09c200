"""Country names, codes, and countries read from phone numbers and domains."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError, UnknownCountryError
from leadcheck.followup.countries import (
    country_from_domain,
    country_from_phone,
    load_countries,
    resolve_country,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "US"),
        ("us", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("United States", "US"),
        ("united states of america", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("Deutschland", "DE"),
        ("GERMANY", "DE"),
        ("DEU", "DE"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("España", "ES"),
        ("Россия", "RU"),
        ("中国", "CN"),
        ("Brasil", "BR"),
        ("UAE", "AE"),
        ("KSA", "SA"),
        ("Korea", "KR"),
        ("the Netherlands", "NL"),
        ("  Viet Nam ", "VN"),
        ("Côte d’Ivoire", "CI"),
        ("日本", "JP"),
        ("Allemagne", "DE"),
    ],
)
def test_common_names_resolve(text: str, code: str) -> None:
    assert resolve_country(text) == code


def test_every_iso_country_has_an_english_name_and_zone() -> None:
    table = load_countries()
    assert len(table.countries) == 249
    for code, entry in table.countries.items():
        assert entry.name
        assert resolve_country(entry.name) == code


def test_every_time_zone_in_the_table_exists() -> None:
    from zoneinfo import ZoneInfo

    for entry in load_countries().countries.values():
        for zone in (entry.timezone, *entry.zones):
            ZoneInfo(zone)


def test_unknown_country_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(
        UnknownCountryError, match=r"unknown country 'Germny'; did you mean Germany \(DE\)"
    ):
        resolve_country("Germny")
    with pytest.raises(UnknownCountryError, match="ISO 3166"):
        resolve_country("Atlantis")
    with pytest.raises(UnknownCountryError, match="no country"):
        resolve_country("  ")


def test_ambiguous_names_ask_for_the_code() -> None:
    with pytest.raises(UnknownCountryError, match=r"could mean CG .* CD"):
        resolve_country("Congo")


@pytest.mark.parametrize(
    ("phone", "code"),
    [
        ("+49 30 1234567", "DE"),
        ("0049 30 1234567", "DE"),
        ("+1 415 555 0100", "US"),
        ("+1 604 555 0100", "CA"),
        ("+86 138 0013 8000", "CN"),
        ("+7 495 123 4567", "RU"),
        ("+7 727 123 4567", "KZ"),
        ("030 1234567", None),  # national format: no country in it
        ("not a number", None),
        ("", None),
    ],
)
def test_country_from_phone(phone: str, code: str | None) -> None:
    assert country_from_phone(phone) == code


@pytest.mark.parametrize(
    ("domain", "code"),
    [
        ("acme.de", "DE"),
        ("shop.acme.co.uk", "GB"),
        ("https://www.acme.com.br/contact", "BR"),
        ("buyer@acme.fr", "FR"),
        ("ACME.IT.", "IT"),
        ("acme.com", None),
        ("acme.io", None),
        ("acme.co", None),
        ("acme.eu", None),
        ("пример.рф", "RU"),
        ("xn--e1afmkfd.xn--p1ai", "RU"),
        ("localhost", None),
    ],
)
def test_country_from_domain(domain: str, code: str | None) -> None:
    assert country_from_domain(domain) == code


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "countries.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_an_alias_naming_two_countries_is_refused(tmp_path: Path) -> None:
    path = _table(
        tmp_path,
        "[countries]\n"
        'DE = { name = "Germany", timezone = "Europe/Berlin", aliases = ["Alemania"] }\n'
        'ES = { name = "Spain", timezone = "Europe/Madrid", aliases = ["alemania"] }\n',
    )
    with pytest.raises(DataFileError, match="names both DE and ES"):
        load_countries(path)


def test_a_bad_code_is_refused(tmp_path: Path) -> None:
    path = _table(tmp_path, '[countries]\nDEU = { name = "Germany", timezone = "Europe/Berlin" }\n')
    with pytest.raises(DataFileError, match="two capital letters"):
        load_countries(path)


def test_a_custom_table_resolves(tmp_path: Path) -> None:
    path = _table(
        tmp_path,
        '[countries]\nDE = { name = "Germany", timezone = "Europe/Berlin", aliases = ["Dtl"] }\n',
    )
    assert resolve_country("dtl", table=load_countries(path)) == "DE"


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Hong Kong, China", "HK"),
        ("中国香港", "HK"),
        ("Taiwan, China", "TW"),
        ("中国台湾", "TW"),
        ("Chinese Taipei", "TW"),
        ("Macao, China", "MO"),
    ],
)
def test_the_spellings_b2b_platforms_export(spelling: str, code: str) -> None:
    assert resolve_country(spelling) == code
