"""TR39 skeletons (leadcheck.net.confusables): the pairs leadcheck relies on.

These pin the wrapped library's behaviour: each pair was checked against ICU's
SpoofChecker (benchmarks/check_confusables.py compares every code point).
"""

from __future__ import annotations

import pytest

from leadcheck.net.confusables import confusable, domain_skeleton, skeleton, to_unicode


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("аpple.com", "apple.com"),  # Cyrillic а
        ("xn--pple-43d.com", "apple.com"),  # the same, as an A-label
        ("раураl.com", "paypal.com"),  # Cyrillic р, а, у
        ("ɑlibaba.com", "alibaba.com"),  # Latin alpha
        ("аррӏе.com", "apple.com"),  # Cyrillic palochka (mapped since Unicode 16/17)
        ("rnicrosoft.com", "microsoft.com"),  # rn for m
        ("alibaba.corn", "alibaba.com"),
        ("ѕіеmеnѕ.com", "siemens.com"),  # Cyrillic ѕ і е
        ("gοοgle.com", "google.com"),  # Greek omicrons
        ("ｓｉｅｍｅｎｓ.com", "siemens.com"),  # fullwidth, NFKC
    ],
)
def test_confusable_pairs(first: str, second: str) -> None:
    assert confusable(first, second)
    assert domain_skeleton(first) == domain_skeleton(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("apple.com", "apple.com"),  # the same name is not a look-alike
        ("g00gle.com", "google.com"),  # digits are left to the typo check (TR39: 0 -> O)
        ("aquatech-wasser.de", "aquatech-waser.de"),  # a missing letter is not a confusable
        ("siemens.com", "siemens.de"),
        ("ΑΒΒ.com", "abb.com"),  # shown case-folded (UTS 46): αββ does not read abb
    ],
)
def test_not_confusable(first: str, second: str) -> None:
    assert not confusable(first, second)


def test_skeleton_is_tr39() -> None:
    assert skeleton("paypal") == skeleton("раураl")
    assert skeleton("l") == skeleton("1") == skeleton("I")  # prototypes, before folding
    assert skeleton("a\u200bb") == skeleton("ab")  # default-ignorables are dropped


def test_to_unicode_keeps_what_it_cannot_decode() -> None:
    assert to_unicode("XN--PPLE-43D.COM") == "аpple.com"
    assert to_unicode("xn--zz.com") == "xn--zz.com"
