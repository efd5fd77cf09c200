"""Brand impersonation (leadcheck.verify.impersonation) and data/brands.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.verify.impersonation import impersonation, load_brands


@pytest.mark.parametrize(
    ("domain", "brand", "words"),
    [
        ("siemens-procurement.com", "Siemens", ("procurement",)),
        ("philipssourcing.com", "Philips", ("sourcing",)),  # glued
        ("aramco-tenders.net", "Saudi Aramco", ("tenders",)),
        ("bosch-einkauf.de", "Bosch", ("einkauf",)),  # German
        ("shell-global-vendor-portal.co.uk", "Shell", ("vendor",)),  # fillers between
        ("made-in-china-orders.top", "Made-in-China.com", ("orders",)),  # brand spans dashes
        ("petrobras-licitacoes.com.br", "Petrobras", ("licitacoes",)),  # Portuguese
        ("sinopec-caigou.com", "Sinopec", ("caigou",)),  # pinyin
        ("mail.bp-procurement.com", "BP", ("procurement",)),  # a host under it
    ],
)
def test_brand_plus_procurement_words(domain: str, brand: str, words: tuple[str, ...]) -> None:
    found = impersonation(domain, "email")
    assert found is not None
    assert found.kind == "brand"
    assert found.brand == brand
    assert found.words == words
    assert found.real_domains


@pytest.mark.parametrize(
    "domain",
    [
        "siemens.com",  # the brand's own
        "siemens-energy.com",  # listed as the brand's own
        "shellfishorders.com",  # shell inside another word
        "pineapple-order.com",
        "egeorders.com",
        "aquatech-wasser.de",
        "siemens-partner-muenchen.de",  # a brand without procurement words
        "procurement-solutions.com",  # procurement words without a brand
        "gmail.com",
    ],
)
def test_not_impersonation(domain: str) -> None:
    assert impersonation(domain, "website") is None


@pytest.mark.parametrize(
    ("domain", "imitated"),
    [
        ("xn--pple-43d.com", "apple.com"),
        ("аpple.com", "apple.com"),
        ("rnaersk.com", "maersk.com"),
        ("gmaіl.com", "gmail.com"),  # Cyrillic і: a mail provider is protected too
    ],
)
def test_unicode_look_alikes_of_well_known_domains(domain: str, imitated: str) -> None:
    found = impersonation(domain, "email")
    assert found is not None
    assert found.kind == "confusable"
    assert found.brand == imitated


def test_the_same_domain_is_told_for_the_part_that_names_it() -> None:
    # remembered per domain: the second ask, for the other part, is answered from that
    as_email = impersonation("siemens-procurement.com", "email")
    as_site = impersonation("siemens-procurement.com", "website")
    assert as_email is not None
    assert as_site is not None
    assert (as_email.part, as_site.part) == ("email", "website")
    assert as_site.model_copy(update={"part": "email"}) == as_email


def test_the_shipped_brands_file_loads() -> None:
    data = load_brands()
    assert len(data.brand) >= 50
    assert "procurement" in data.procurement_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('procurement_words = ["Order"]\n[[brand]]\nname="X"\ntokens=["x"]\ndomains=["x.com"]',
         "lower-case"),
        ('procurement_words = ["order", "order"]\n[[brand]]\nname="X"\ntokens=["x"]\n'
         'domains=["x.com"]', "twice"),
        ('procurement_words = ["order"]\n[[brand]]\nname="X"\ntokens=["x"]\ndomains=["X.com"]',
         "domain"),
        ('procurement_words = ["order"]\n[[brand]]\nname="X"\ntokens=["x"]\ndomains=["x.com"]\n'
         '[[brand]]\nname="Y"\ntokens=["x"]\ndomains=["y.com"]', "belongs to"),
        ('procurement_words = ["order"]\n[[brand]]\nname="X"\ntokens=["x"]\ndomains=["x.com"]\n'
         'colour = "red"', "colour"),
    ],
)  # fmt: skip
def test_a_bad_brands_file_names_the_problem(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "brands.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_brands(path)
    assert words in str(caught.value)
