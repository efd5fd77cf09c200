import pytest

from leadcheck.net.domains import (
    Relation,
    country_code_tld,
    edit_distance,
    registered_domain,
    relation,
)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.aquatech-wasser.de", "aquatech-wasser.de"),
        ("shop.acme.com.cn", "acme.com.cn"),
        ("acme.co.uk", "acme.co.uk"),
        ("ACME.COM.", "acme.com"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_registered_domain(host: str, expected: str) -> None:
    assert registered_domain(host) == expected


def test_country_code_tld() -> None:
    assert country_code_tld("x.co.uk") == "uk"
    assert country_code_tld("x.com.br") == "br"
    assert country_code_tld("x.com") is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("aquatech-wasser.de", "www.aquatech-wasser.de", Relation.SAME),
        ("mail.acme.de", "shop.acme.de", Relation.SAME),
        ("acme.de", "acme.com", Relation.RELATED),
        ("aquatech-wasser.de", "aquatech-waser.de", Relation.LOOKALIKE),  # one letter dropped
        ("acuicultura-delmar.es", "acuicultura-delrnar.es", Relation.LOOKALIKE),  # rn for m
        ("paypal.com", "paypa1.com", Relation.LOOKALIKE),  # 1 for l
        ("tranhoa.vn", "tarnhoa.vn", Relation.LOOKALIKE),  # swapped letters
        ("acme.de", "globex.de", Relation.DIFFERENT),
        ("abc.de", "abd.de", Relation.DIFFERENT),  # too short to call a look-alike
    ],
)
def test_relation(a: str, b: str, expected: Relation) -> None:
    assert relation(a, b) is expected


def test_edit_distance_counts_transpositions_once() -> None:
    assert edit_distance("gmial", "gmail") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("abc", "abc") == 0
